// The connection doctor against servers that fail each way: refused port, a server that hangs,
// a web page, 401 (plain and OAuth), legacy SSE only, a bad protocol version — and a good one.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { startServerEverything, type RunningServer } from "@/test/support/server-everything";
import { serveProtocolEraServer, type ProtocolEraServer } from "@/test/support/protocol-era-server";
import type { DoctorReport } from "@/lib/domain/doctor/checks";
import { runDoctor } from "./run";

let demo: ServedHandler;
let futureOnly: ProtocolEraServer;
let noConnectorRevision: ProtocolEraServer;
let everythingSse: RunningServer;
const servers: Server[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let hangingUrl: string;
let pageUrl: string;
let oldProtocolUrl: string;

beforeAll(async () => {
  demo = await serveHandler(
    (request) =>
      demoServersInProcess(new URL(request.url).origin).handle(request) ??
      new Response("not found", { status: 404 }),
  );
  everythingSse = await startServerEverything("sse");
  // A server of a newer era that speaks only 2026-07-28, and one that speaks this app's revision
  // but not the connector's 2025-03-26.
  futureOnly = await serveProtocolEraServer(["2026-07-28"]);
  noConnectorRevision = await serveProtocolEraServer(["2025-11-25", "2025-06-18"]);
  hangingUrl = `${await listen(() => undefined)}/mcp`;
  pageUrl = `${await listen((_, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><h1>Welcome</h1>");
  })}/`;
  // Speaks JSON-RPC, but answers initialize with a protocol version nobody knows.
  oldProtocolUrl = `${await listen((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405);
      return res.end();
    }
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const message = JSON.parse(body) as { id?: number };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          jsonrpc: "2.0",
          id: message.id ?? null,
          result: {
            protocolVersion: "1999-01-01",
            capabilities: {},
            serverInfo: { name: "old", version: "0" },
          },
        }),
      );
    });
  })}/mcp`;
}, 30_000);
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await Promise.all([
    demo.close(),
    everythingSse.stop(),
    futureOnly.close(),
    noConnectorRevision.close(),
  ]);
});

function doctor(url: string, extra: { token?: string; target?: "emulator" | "anthropic" } = {}) {
  return runDoctor(url, {
    target: extra.target ?? "emulator",
    authorizationToken: extra.token,
    policy: { allowPrivate: true },
    fetch: createGuardedFetch({ policy: { allowPrivate: true } }),
    timeoutMs: 1_500,
  });
}

const statuses = (report: DoctorReport) =>
  Object.fromEntries(report.checks.map((entry) => [entry.id, entry.status]));
const summary = (report: DoctorReport, id: string) =>
  report.checks.find((entry) => entry.id === id)?.summary ?? "";

describe("the connection doctor", () => {
  it("passes a good server, noting what only the emulator can reach", async () => {
    const report = await doctor(`${demo.origin}/api/demo-mcp/calendar`);
    expect(statuses(report)).toEqual({
      url: "warn", // plain http
      dns: "warn", // loopback
      connect: "pass",
      http: "pass",
      transport: "pass",
      initialize: "pass",
      auth: "pass",
      tools: "pass",
      timing: "pass",
    });
    expect(summary(report, "initialize")).toContain("accepts the connector's 2025-03-26");
    expect(summary(report, "tools")).toMatch(/^5 tools/);
    // The limits the connector's side applies, listed where a server's author looks.
    expect(summary(report, "tools")).toContain(
      "each answer at most 5 MiB, each tool call at most 30 s",
    );
    expect(summary(report, "http")).toMatch(/GET answered 405/);
    expect(report.verdict.status).toBe("warn");
  });

  it("says the real API cannot use a plain-http loopback server, and which of its errors that causes", async () => {
    const report = await doctor(`${demo.origin}/api/demo-mcp/calendar`, { target: "anthropic" });
    expect(statuses(report)).toMatchObject({ url: "fail", dns: "fail" });
    expect(report.verdict.status).toBe("fail");
    expect(report.explains.map((entry) => entry.text)).toContain(
      "Failed to connect to MCP server '…'",
    );
  });

  it("refusing a name's private address: the policy in the headline, no address quoted, the rest on one line", async () => {
    const report = await runDoctor("https://vm.internal.test/mcp", {
      target: "emulator",
      policy: { allowPrivate: false },
      fetch: createGuardedFetch({ policy: { allowPrivate: false } }),
      resolve: () => Promise.resolve(["10.1.2.3"]),
      timeoutMs: 1_500,
    });
    expect(statuses(report).dns).toBe("fail");
    expect(summary(report, "dns")).toContain(
      "vm.internal.test resolves to an address on a private network",
    );
    expect(JSON.stringify(report)).not.toContain("10.1.2.3");
    expect(report.verdict.message).toContain(
      "cannot use this server: refused by this playground's address policy (MCP_ALLOW_PRIVATE_NETWORK)",
    );
    expect(report.verdict.message).not.toMatch(/DNS failed/);
    // A name that does not resolve says so, apart from one that is refused.
    const missing = await runDoctor("https://nowhere.internal.test/mcp", {
      target: "emulator",
      policy: { allowPrivate: false },
      fetch: createGuardedFetch({ policy: { allowPrivate: false } }),
      resolve: () => Promise.reject(Object.assign(new Error("not found"), { code: "ENOTFOUND" })),
      timeoutMs: 1_500,
    });
    expect(summary(missing, "dns")).toContain("does not resolve (ENOTFOUND)");
  });

  it("names a refused port", async () => {
    const report = await doctor("http://127.0.0.1:9/mcp");
    expect(statuses(report).connect).toBe("fail");
    expect(summary(report, "connect")).toMatch(/Nothing listens on 127\.0\.0\.1:9/);
    expect(statuses(report).tools).toBe("skip");
  });

  it("names a server that hangs", async () => {
    const report = await doctor(hangingUrl);
    expect(statuses(report).http).toBe("fail");
    expect(report.checks.find((entry) => entry.id === "http")?.fix).toMatch(
      /405 Method Not Allowed is fine/,
    );
  });

  it("names a web page that is not an MCP endpoint", async () => {
    const report = await doctor(pageUrl);
    expect(statuses(report)).toMatchObject({ http: "warn", transport: "fail" });
    expect(summary(report, "http")).toContain("It is a web page");
  });

  it("names a 401, and finds the OAuth metadata of a server that uses OAuth", async () => {
    const plain = await doctor(`${demo.origin}/api/demo-mcp/tasks`);
    expect(statuses(plain)).toMatchObject({ transport: "skip", auth: "fail" });
    expect(summary(plain, "auth")).toContain("wants a token");
    const wrong = await doctor(`${demo.origin}/api/demo-mcp/tasks`, { token: "wrong" });
    expect(summary(wrong, "auth")).toContain("refused the token");
    expect(wrong.explains.map((entry) => entry.text)).toContain(
      "Invalid authorization token for MCP server '…'. Please check your token and try again.",
    );
    const oauth = await doctor(`${demo.origin}/api/demo-mcp/notes`);
    expect(summary(oauth, "auth")).toContain(
      `It uses OAuth: authorization server ${demo.origin}/api/demo-oauth`,
    );
    expect(oauth.checks.find((entry) => entry.id === "auth")?.fix).toContain("Sign in");
  });

  it("names a server that speaks only the legacy SSE transport", async () => {
    const report = await doctor(everythingSse.url);
    expect(statuses(report).transport).toBe("warn");
    expect(summary(report, "transport")).toContain("Legacy SSE");
    expect(statuses(report).tools).toBe("pass");
  });

  it("names the revision a server negotiated, and warns when it refuses the connector's", async () => {
    const report = await doctor(noConnectorRevision.url);
    expect(statuses(report)).toMatchObject({ initialize: "warn", tools: "pass" });
    expect(summary(report, "initialize")).toMatch(/^era 2\.0\.0, protocol 2025-11-25/);
    expect(summary(report, "initialize")).toContain(
      "it refuses the connector's 2025-03-26 (it speaks 2025-11-25, 2025-06-18)",
    );
    expect(report.verdict.status).toBe("warn");
  });

  it("names a server that speaks only a revision neither this app nor the connector speaks", async () => {
    const report = await doctor(futureOnly.url);
    expect(statuses(report)).toMatchObject({ transport: "pass", initialize: "fail" });
    expect(summary(report, "transport")).toContain("Streamable HTTP answered");
    const words = summary(report, "initialize");
    expect(words).toContain("speaks only protocol 2026-07-28");
    expect(words).toContain("The connector sends 2025-03-26, which it refuses too");
    expect(words).not.toMatch(/check the path/i);
    expect(report.checks.find((entry) => entry.id === "initialize")?.fix).toMatch(
      /the connector cannot use this server until/i,
    );
  });

  it("names a protocol version MCP clients do not know", async () => {
    const report = await doctor(oldProtocolUrl);
    expect(statuses(report).initialize).toBe("fail");
    expect(summary(report, "initialize")).toMatch(/protocol version/i);
  });
});
