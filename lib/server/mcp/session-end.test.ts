// Every session opened is ended (DELETE with its Mcp-Session-Id), on success, error and cancel:
// discovery, the doctor and the emulator against a stateful server that counts open sessions; and
// a session the server forgot (404) is started again once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDoctor } from "@/lib/server/doctor/run";
import { runEmulator } from "@/lib/server/emulator/run";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { serveSessionServer, type SessionServer } from "@/test/support/session-server";
import { callMcpTool, connectMcp, listToolEntries } from "./client";
import { discoverTools } from "./discover";

let server: SessionServer;
const fetch = createGuardedFetch({ policy: { allowPrivate: true } });

beforeAll(async () => {
  server = await serveSessionServer();
});
afterAll(async () => {
  await server?.close();
});

async function settled(): Promise<number> {
  // A DELETE may still be on its way when the caller returns.
  for (let tries = 0; tries < 50 && server.open() > 0; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return server.open();
}

describe("sessions are ended", () => {
  it("by discovery", async () => {
    const before = server.opened();
    const result = await discoverTools(server.url, { fetch, pool: null });
    expect(result.ok).toBe(true);
    expect(server.opened()).toBe(before + 1);
    expect(await settled()).toBe(0);
  });

  it("by a session closed after a call, and by one cancelled mid-call", async () => {
    const session = await connectMcp(server.url, { fetch, pool: null });
    await callMcpTool(session, "ping", {}, { timeoutMs: 5_000 });
    expect(server.open()).toBe(1);
    await session.close();
    expect(await settled()).toBe(0);

    const cancel = new AbortController();
    const cancelled = await connectMcp(server.url, { fetch, pool: null, signal: cancel.signal });
    cancel.abort();
    await cancelled.close();
    expect(await settled()).toBe(0);
  });

  it("by the doctor (its own connection and the connector-style initialize probe)", async () => {
    const before = server.opened();
    const report = await runDoctor(server.url, {
      target: "emulator",
      policy: { allowPrivate: true },
      fetch,
      timeoutMs: 3_000,
    });
    expect(report.checks.find((entry) => entry.id === "initialize")?.status).toBe("pass");
    expect(server.opened() - before).toBeGreaterThanOrEqual(2);
    expect(await settled()).toBe(0);
  });

  it("by the emulator, after a request that called a tool", async () => {
    const message = await runEmulator(
      {
        model: "claude-opus-4-6",
        max_tokens: 100,
        messages: [{ role: "user", content: "call s.ping {}" }],
        mcp_servers: [{ type: "url", url: server.url, name: "s" }],
        tools: [{ type: "mcp_toolset", mcp_server_name: "s" }],
      },
      { betas: ["mcp-client-2025-11-20"], fetch },
    );
    expect(JSON.stringify(message.content)).toContain("pong");
    expect(await settled()).toBe(0);
  });
});

describe("a session the server no longer knows", () => {
  it("is started again once (initialize without the old id), and the call goes through", async () => {
    const session = await connectMcp(server.url, { fetch, pool: null });
    const before = server.opened();
    server.forget();
    const result = await callMcpTool(session, "ping", {}, { timeoutMs: 5_000 });
    expect(result.content).toEqual([{ type: "text", text: "pong" }]);
    expect(server.opened()).toBe(before + 1);
    // Listing renews the same way.
    server.forget();
    expect((await listToolEntries(session)).length).toBe(1);
    expect(server.opened()).toBe(before + 2);
    await session.close();
    expect(await settled()).toBe(0);
  });
});
