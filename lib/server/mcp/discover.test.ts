import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Server as LowLevelServer } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveHandler } from "@/test/support/serve-handler";
import {
  startBridgedMemory,
  startServerEverything,
  startSystemMonitor,
  type RunningServer,
} from "@/test/support/server-everything";
import { discoverTools } from "./discover";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
let everything: RunningServer;
let everythingSse: RunningServer;
let hanging: Server;
let hangingUrl: string;

beforeAll(async () => {
  [demo, everything, everythingSse] = await Promise.all([
    serveDemoServers(),
    startServerEverything(),
    startServerEverything("sse"),
  ]);
  // A server that accepts connections and never answers.
  hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/mcp`;
}, 30_000);
afterAll(async () => {
  hanging.closeAllConnections();
  hanging.close();
  await Promise.all([demo.close(), everything.stop(), everythingSse.stop()]);
});

async function sdkToolNames(url: string, transport: "streamable" | "sse") {
  const client = new Client({ name: "reference", version: "1" });
  await client.connect(
    transport === "streamable"
      ? new StreamableHTTPClientTransport(new URL(url))
      : new SSEClientTransport(new URL(url)),
  );
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    names.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
  } while (cursor);
  await client.close();
  return names;
}

describe("discoverTools", () => {
  it("lists the demo calendar with annotations, server info and transport", async () => {
    const result = await discoverTools(demo.url("calendar"));
    if (!result.ok) throw new Error(result.message);
    expect(result.discovery.transport).toBe("streamable-http");
    expect(result.discovery.server).toEqual({ name: "demo-calendar", version: "1.0.0" });
    expect(
      result.discovery.tools.find((tool) => tool.name === "delete_all_events")?.annotations
        ?.destructiveHint,
    ).toBe(true);
    expect(result.discovery.malformed).toEqual([]);
  });

  it("matches what the MCP SDK's own client lists: server-everything over Streamable HTTP and over SSE", async () => {
    const streamable = await discoverTools(everything.url);
    const sse = await discoverTools(everythingSse.url);
    if (!streamable.ok || !sse.ok) throw new Error("discovery failed");
    expect(streamable.discovery.tools.map((tool) => tool.name)).toEqual(
      await sdkToolNames(everything.url, "streamable"),
    );
    expect(sse.discovery.transport).toBe("sse");
    expect(sse.discovery.tools.map((tool) => tool.name)).toEqual(
      await sdkToolNames(everythingSse.url, "sse"),
    );
    expect(streamable.discovery.tools.length).toBeGreaterThanOrEqual(10);
  });

  it("matches the SDK's list for a stateless server and for a stdio server bridged to HTTP", async () => {
    const [monitor, memory] = await Promise.all([startSystemMonitor(), startBridgedMemory()]);
    try {
      for (const server of [monitor, memory]) {
        const result = await discoverTools(server.url);
        if (!result.ok) throw new Error(`${server.url}: ${result.message}`);
        expect(result.discovery.tools.map((tool) => tool.name)).toEqual(
          await sdkToolNames(server.url, "streamable"),
        );
        expect(result.discovery.tools.length).toBeGreaterThan(0);
      }
    } finally {
      await Promise.all([monitor.stop(), memory.stop()]);
    }
  }, 40_000);

  it("needs the tasks server's token, and works with it", async () => {
    const without = await discoverTools(demo.url("tasks"));
    expect(without).toMatchObject({ ok: false, kind: "unauthorized" });
    const withToken = await discoverTools(demo.url("tasks"), {
      authorizationToken: DEMO_TASKS_TOKEN,
    });
    expect(withToken.ok && withToken.discovery.tools.map((tool) => tool.name)).toEqual([
      "list_tasks",
      "complete_task",
      "sync_tasks",
    ]);
  });

  it("gives each failure its kind within the time limit", async () => {
    const started = performance.now();
    const hang = await discoverTools(hangingUrl, { timeoutMs: 1500 });
    expect(hang).toMatchObject({ ok: false, kind: "timeout" });
    expect(performance.now() - started).toBeLessThan(4000);
    expect(await discoverTools("http://127.0.0.1:9/mcp", { timeoutMs: 3000 })).toMatchObject({
      ok: false,
      kind: "unreachable",
    });
    expect(await discoverTools(`${demo.origin}/not-mcp`, { timeoutMs: 3000 })).toMatchObject({
      ok: false,
      kind: "not_mcp",
    });
  });
});

describe("look-alike tool names", () => {
  it("are kept, but reported with what makes them so, instead of passing as clean", async () => {
    const names = [
      "list_tasks",
      "<img src=x onerror=alert(1)>",
      "list_\u202etasks",
      "list\u200btasks",
    ];
    const served = await serveHandler(async (request) => {
      const server = new LowLevelServer(
        { name: "lookalikes", version: "1.0.0" },
        { capabilities: { tools: {} } },
      );
      server.setRequestHandler(ListToolsRequestSchema, () => ({
        tools: names.map((name) => ({ name, inputSchema: { type: "object" as const } })),
      }));
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      await server.connect(transport);
      return transport.handleRequest(request);
    });
    try {
      const result = await discoverTools(`${served.origin}/mcp`);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.discovery.tools.map((tool) => tool.name)).toEqual(names);
      expect(result.discovery.malformed).toEqual([
        { index: 1, reason: expect.stringContaining("characters outside") as unknown, kept: true },
        { index: 2, reason: expect.stringContaining("⟨U+202E⟩") as unknown, kept: true },
        { index: 3, reason: expect.stringContaining("⟨U+200B⟩") as unknown, kept: true },
      ]);
    } finally {
      await served.close();
    }
  });
});
