import { describe, expect, it } from "vitest";
import { maskedPath, maskHeaders, rpcMethods } from "./log";

describe("the protocol log's masks", () => {
  it("shows that a secret header was sent, never its value", () => {
    const shown = maskHeaders(
      new Headers({
        authorization: "Bearer tok-SECRET-123",
        "mcp-session-id": "7f3c-session",
        accept: "application/json, text/event-stream",
        "x-other": "noise",
      }),
    );
    expect(shown).toEqual({
      authorization: "Bearer ••••(14 characters)",
      "mcp-session-id": "••••(12 characters)",
      accept: "application/json, text/event-stream",
    });
    expect(JSON.stringify(shown)).not.toContain("SECRET");
  });

  it("masks every query value of a path, and reads JSON-RPC methods (batches too)", () => {
    expect(maskedPath(new URL("https://x.example/mcp?key=abc&v=1"))).toBe("/mcp?key=••••&v=••••");
    expect(
      rpcMethods(
        JSON.stringify([
          { jsonrpc: "2.0", id: 1, method: "tools/list" },
          { jsonrpc: "2.0", method: "notifications/initialized" },
          { jsonrpc: "2.0", id: 2, result: {} },
        ]),
      ),
    ).toEqual(["tools/list", "notifications/initialized (notification)", "response"]);
    expect(rpcMethods("not json")).toEqual([]);
    expect(rpcMethods(JSON.stringify({ client_name: "x", redirect_uris: [] }))).toEqual([]);
  });

  it("masks the query values of a redirect's target", () => {
    const shown = maskHeaders(
      new Headers({ location: "https://app.example/oauth/callback?code=SECRET-CODE&state=s1" }),
    );
    expect(shown.location).toBe("https://app.example/oauth/callback?code=••••&state=••••");
    expect(maskHeaders(new Headers({ location: "/next?token=abc" })).location).toBe(
      "/next?token=••••",
    );
  });
});
