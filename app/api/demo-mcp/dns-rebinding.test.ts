// The MCP conformance suite's server scenario `dns-rebinding-protection` (a foreign Host/Origin
// must get a 4xx, the server's own must get a 2xx) against each demo MCP server, served through
// its real route module.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SERVERS } from "@/lib/demo-mcp/servers";
import { resolveBin } from "@/lib/testing/mcp-process";
import { serveHandler, type ServedHandler } from "@/lib/testing/serve-handler";
import { POST } from "./[server]/route";

const run = promisify(execFile);
let served: ServedHandler;

beforeAll(async () => {
  served = await serveHandler((request) => {
    const server = new URL(request.url).pathname.split("/").at(-1) ?? "";
    return POST(request, { params: Promise.resolve({ server }) });
  });
});
afterAll(() => served.close());

interface Check {
  id: string;
  status: string;
  errorMessage?: string;
}

describe.sequential("conformance: dns-rebinding-protection", () => {
  // The tasks server wants a token; the scenario sends none, so its "own host" check cannot pass
  // there (401 is the right answer to a missing token). The two open servers are judged.
  it.each(DEMO_SERVERS.filter((name) => name !== "tasks"))(
    "the %s demo server passes every check",
    async (name) => {
      const out = await mkdtemp(join(tmpdir(), "mcp-rebinding-"));
      await run(
        process.execPath,
        [
          resolveBin("@modelcontextprotocol/conformance/dist/index.js"),
          "server",
          "--url",
          `${served.origin}/api/demo-mcp/${name}`,
          "--scenario",
          "dns-rebinding-protection",
          "-o",
          out,
        ],
        { timeout: 60_000 },
      ).catch((error: unknown) => error);
      const [folder] = await readdir(out);
      const checks = JSON.parse(
        await readFile(join(out, folder!, "checks.json"), "utf8"),
      ) as Check[];
      expect(checks.map((check) => check.id).sort()).toEqual([
        "localhost-host-rebinding-rejected",
        "localhost-host-valid-accepted",
      ]);
      expect(checks.filter((check) => check.status !== "SUCCESS")).toEqual([]);
    },
    90_000,
  );

  it("the tasks demo server refuses the foreign host before it asks for a token", async () => {
    const response = await fetch(`${served.origin}/api/demo-mcp/tasks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        origin: "http://evil.example.com",
      },
      body: "{}",
    });
    expect(response.status).toBe(403);
  });
});
