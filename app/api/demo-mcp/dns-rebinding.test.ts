// The MCP conformance suite's server scenario `dns-rebinding-protection` (a foreign Host/Origin
// must get a 4xx, the server's own must get a 2xx) against each demo MCP server, served through
// its real route module.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SERVERS } from "@/lib/server/demo-mcp/servers";
import { runConformance } from "@/test/support/conformance";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { POST } from "./[server]/route";

let served: ServedHandler;

beforeAll(async () => {
  served = await serveHandler((request) => {
    const server = new URL(request.url).pathname.split("/").at(-1) ?? "";
    return POST(request, { params: Promise.resolve({ server }) });
  });
});
afterAll(() => served.close());

/** Demo servers that want a token. */
const PROTECTED = ["tasks", "notes"];

describe.sequential("conformance: dns-rebinding-protection", () => {
  // The protected servers want a token; the scenario sends none, so their "own host" check cannot
  // pass there (401 is the right answer to a missing token). They are judged by the test below.
  it.each(DEMO_SERVERS.filter((name) => !PROTECTED.includes(name)))(
    "the %s demo server passes every check",
    async (name) => {
      const checks = await runConformance([
        "server",
        "--url",
        `${served.origin}/api/demo-mcp/${name}`,
        "--scenario",
        "dns-rebinding-protection",
      ]);
      expect(checks.map((check) => check.id).sort()).toEqual([
        "localhost-host-rebinding-rejected",
        "localhost-host-valid-accepted",
      ]);
      expect(checks.filter((check) => check.status !== "SUCCESS")).toEqual([]);
    },
    90_000,
  );

  it.each(PROTECTED)(
    "the %s demo server refuses a foreign origin before it asks for a token",
    async (name) => {
      const response = await fetch(`${served.origin}/api/demo-mcp/${name}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          origin: "http://evil.example.com",
        },
        body: "{}",
      });
      expect(response.status).toBe(403);
    },
  );
});
