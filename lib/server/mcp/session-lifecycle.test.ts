// Sessions end: failing, timed-out and cancelled runs leave no connection open and no slot taken;
// a tool call is bounded by its own deadline, not the connect deadline; the SSE fallback keeps its
// headers; the caps on listing size and concurrent sessions are refused with words.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEmulator } from "@/lib/server/emulator/run";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import {
  callMcpTool,
  connectMcp,
  ConnectionSlots,
  listAllTools,
  processConnectionSlots,
} from "./client";
import { discoverTools } from "./discover";

/** A server that accepts connections and never answers, counting the sockets it holds open. */
let hanging: Server;
let hangingUrl: string;
const openSockets = new Set<Socket>();
const hangingRequests: IncomingMessage["headers"][] = [];

/** A real MCP server with a slow tool and, on request, a huge tool list. */
let slow: ServedHandler;

beforeAll(async () => {
  hanging = createServer((req) => {
    hangingRequests.push(req.headers);
  });
  hanging.on("connection", (socket) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/mcp`;

  slow = await serveHandler(async (request) => {
    const toolCount = Number(new URL(request.url).searchParams.get("tools") ?? 1);
    const server = new McpServer({ name: "slow", version: "1.0.0" });
    server.registerTool("slow_echo", { description: "Answers after 600 ms." }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return { content: [{ type: "text", text: "late but fine" }] };
    });
    for (let index = 1; index < toolCount; index += 1) {
      server.registerTool(`tool_${index}`, { description: "x".repeat(200) }, () => ({
        content: [],
      }));
    }
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    return transport.handleRequest(request);
  });
});
afterAll(async () => {
  hanging.closeAllConnections();
  hanging.close();
  await slow.close();
});

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

const guarded = createGuardedFetch({ policy: { allowPrivate: true } });
const request = (urls: string[]) => ({
  model: "claude-opus-4-6",
  max_tokens: 100,
  messages: [{ role: "user" as const, content: "hello" }],
  mcp_servers: urls.map((url, index) => ({ type: "url" as const, url, name: `s${index}` })),
  tools: urls.map((_, index) => ({ type: "mcp_toolset" as const, mcp_server_name: `s${index}` })),
});

describe("MCP sessions end", () => {
  it("many failing and cancelled runs against a hanging server leave no connection open", async () => {
    const runs: Promise<unknown>[] = [];
    for (let index = 0; index < 12; index += 1) {
      const controller = new AbortController();
      const options = {
        betas: ["mcp-client-2025-11-20"],
        fetch: guarded,
        signal: controller.signal,
        connectTimeoutMs: 400,
      };
      // Half cancelled early; half left to time out; some alongside a server that fails at once.
      if (index % 2 === 0) setTimeout(() => controller.abort(), 30 + index * 5);
      const urls = index % 3 === 0 ? [hangingUrl, "http://127.0.0.1:9/mcp"] : [hangingUrl];
      runs.push(
        runEmulator(request(urls), options).then(
          () => "answered",
          () => "failed",
        ),
      );
    }
    expect(await Promise.all(runs)).toEqual(Array(12).fill("failed"));
    expect(hangingRequests.length).toBeGreaterThan(0);
    const drained = await waitFor(() => openSockets.size === 0, 6_000);
    expect({ drained, open: openSockets.size }).toEqual({ drained: true, open: 0 });
    expect(processConnectionSlots().inUse).toBe(0);
  }, 20_000);

  it("one server failing closes the others still connecting, whatever their deadline", async () => {
    const started = Date.now();
    const outcome = await runEmulator(request([hangingUrl, "http://127.0.0.1:9/mcp"]), {
      betas: ["mcp-client-2025-11-20"],
      fetch: guarded,
      connectTimeoutMs: 30_000,
    }).catch((error: unknown) => error);
    expect(String(outcome)).toContain("Failed to connect to MCP server 's1'");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await waitFor(() => openSockets.size === 0, 3_000)).toBe(true);
    expect(processConnectionSlots().inUse).toBe(0);
  }, 15_000);

  it("discovery against a hanging server, timed out or cancelled, also lets go", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const [timedOut, cancelled] = await Promise.all([
      discoverTools(hangingUrl, { timeoutMs: 300, fetch: guarded }),
      discoverTools(hangingUrl, { timeoutMs: 5_000, fetch: guarded, signal: controller.signal }),
    ]);
    expect(timedOut).toMatchObject({ ok: false, kind: "timeout" });
    expect(cancelled).toMatchObject({ ok: false });
    expect(await waitFor(() => openSockets.size === 0, 6_000)).toBe(true);
    expect(processConnectionSlots().inUse).toBe(0);
  }, 15_000);

  it("gives a tool call its own deadline, not what is left of the connect deadline", async () => {
    const session = await connectMcp(`${slow.origin}/mcp`, { connectTimeoutMs: 300 });
    try {
      // Well past the 300 ms connect deadline by the time it answers.
      await new Promise((resolve) => setTimeout(resolve, 350));
      const result = await callMcpTool(session, "slow_echo", {}, { timeoutMs: 5_000 });
      expect(result.content).toEqual([{ type: "text", text: "late but fine" }]);
      await expect(callMcpTool(session, "slow_echo", {}, { timeoutMs: 100 })).rejects.toThrow(
        /timed out/i,
      );
    } finally {
      await session.close();
    }
  });

  it("keeps the token and Accept header on the SSE fallback's event stream", async () => {
    const before = hangingRequests.length;
    // The hanging server answers nothing, so use a server that 404s POST and records the GET.
    const recorded: IncomingMessage["headers"][] = [];
    const sseOnly = createServer((req, res) => {
      if (req.method === "POST") {
        res.writeHead(404);
        return res.end();
      }
      recorded.push(req.headers);
      res.writeHead(500);
      res.end();
    });
    await new Promise<void>((resolve) => sseOnly.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(sseOnly.address() as AddressInfo).port}/sse`;
    await connectMcp(url, { authorizationToken: "tok-123", connectTimeoutMs: 2_000 }).catch(
      () => undefined,
    );
    sseOnly.closeAllConnections();
    sseOnly.close();
    expect(recorded[0]).toMatchObject({
      authorization: "Bearer tok-123",
      accept: expect.stringContaining("text/event-stream") as unknown,
    });
    expect(hangingRequests.length).toBe(before);
  });

  it("refuses a listing over the tool or byte cap, with words", async () => {
    const session = await connectMcp(`${slow.origin}/mcp?tools=50`);
    try {
      await expect(
        listAllTools(session, undefined, { maxTools: 20, maxBytes: 1e9 }),
      ).rejects.toThrow(/more than 20 tools \(PLAYGROUND_MAX_TOOLS/);
      await expect(
        listAllTools(session, undefined, { maxTools: 1000, maxBytes: 2048 }),
      ).rejects.toThrow(/exceed 2 KB \(PLAYGROUND_MAX_TOOL_BYTES/);
      expect(await listAllTools(session, undefined, { maxTools: 50, maxBytes: 1e9 })).toHaveLength(
        50,
      );
    } finally {
      await session.close();
    }
  });

  it("refuses a session over the concurrent-connection cap, and frees the slot on close", async () => {
    const slots = new ConnectionSlots(1);
    const pool = { client: "a", slots };
    const first = await connectMcp(`${slow.origin}/mcp`, { pool });
    await expect(
      connectMcp(`${slow.origin}/mcp`, { pool: { client: "b", slots } }),
    ).rejects.toMatchObject({
      kind: "busy",
      message: expect.stringContaining("PLAYGROUND_MAX_MCP_CONNECTIONS") as unknown,
    });
    await first.close();
    await first.close(); // twice is harmless
    expect(slots.inUse).toBe(0);
    const again = await connectMcp(`${slow.origin}/mcp`, { pool });
    await again.close();
  });

  it("gives each client a share of the pool: one client's open sessions leave room for others", async () => {
    const slots = new ConnectionSlots(4, 2);
    const greedy = { client: "greedy", slots };
    const held = [
      await connectMcp(`${slow.origin}/mcp`, { pool: greedy }),
      await connectMcp(`${slow.origin}/mcp`, { pool: greedy }),
    ];
    await expect(connectMcp(`${slow.origin}/mcp`, { pool: greedy })).rejects.toMatchObject({
      kind: "busy",
      message: expect.stringContaining("PLAYGROUND_MAX_MCP_CONNECTIONS_PER_CLIENT") as unknown,
    });
    // Someone else still gets in; and a session that is not counted (in process) takes no slot.
    const other = await connectMcp(`${slow.origin}/mcp`, { pool: { client: "other", slots } });
    const uncounted = await connectMcp(`${slow.origin}/mcp`, { pool: null });
    expect(slots.inUse).toBe(3);
    await Promise.all([...held, other, uncounted].map((session) => session.close()));
    expect(slots.inUse).toBe(0);
    expect(slots.heldBy("greedy")).toBe(0);
  });
});
