import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/server/http/error-response";
import { readRouteError, routeErrorFromJson, unreachableError } from "@/lib/client/api/route-error";

describe("the one error reader", () => {
  it("reads what the one server function builds, our fields included", async () => {
    const response = errorResponse(401, "Add a token.", {
      fields: { kind: "unauthorized", challenge: { scope: "notes:read" } },
      requestId: "req_1",
    });
    expect(await readRouteError(response)).toEqual({
      status: 401,
      type: "authentication_error",
      message: "Add a token.",
      kind: "unauthorized",
      requestId: "req_1",
      fields: { challenge: { scope: "notes:read" } },
    });
  });

  it("says in words when a body is not JSON or not the shape, and never throws", async () => {
    const html = await readRouteError(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(html).toMatchObject({ status: 502, type: "http_error", kind: null });
    expect(html.message).toBe("The server answered HTTP 502 with a body that is not JSON.");
    const foreign = routeErrorFromJson(500, { detail: "x" }, "req_2");
    expect(foreign.message).toBe("The server answered HTTP 500 without an error message.");
    expect(foreign.requestId).toBe("req_2");
  });

  it("names a server that could not be reached, and a cancel", () => {
    expect(unreachableError(new TypeError("fetch failed"), false).message).toContain(
      "Could not reach the playground's server (fetch failed)",
    );
    expect(unreachableError(new Error("x"), true).type).toBe("cancelled");
  });
});
