import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { serveDemoServers } from "@/test/support/demo-servers";
import { callMcpTool, connectMcp, listAllTools, McpConnectionError } from "@/lib/server/mcp/client";
import { DEMO_TASKS_TOKEN } from "./servers";

let served: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  served = await serveDemoServers();
});
afterAll(() => served.close());

describe("demo MCP servers, through the official MCP client", () => {
  it("the calendar lists its five tools with annotations", async () => {
    const client = new Client({ name: "test", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(new URL(served.url("calendar"))));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      "list_events",
      "search_events",
      "create_event",
      "delete_all_events",
      "share_calendar_publicly",
    ]);
    expect(
      tools.find((tool) => tool.name === "delete_all_events")?.annotations?.destructiveHint,
    ).toBe(true);
    const result = await client.callTool({ name: "search_events", arguments: { query: "review" } });
    expect(JSON.stringify(result.content)).toContain("Design review");
    await client.close();
  });

  it("bulk lists 10,000 tools (fewer with ?tools=N), destructive ones among them, and answers calls", async () => {
    const client = new Client({ name: "test", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(new URL(served.url("bulk"))));
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(10_000);
    expect(new Set(tools.map((tool) => tool.name)).size).toBe(10_000);
    const destructive = tools.filter((tool) => tool.annotations?.destructiveHint);
    expect(destructive.length).toBe(103);
    expect(destructive.every((tool) => tool.name.includes("_delete_"))).toBe(true);
    const ok = await client.callTool({ name: tools[5]!.name, arguments: { query: "x" } });
    expect(ok.isError).toBeFalsy();
    const missing = await client.callTool({ name: "no_such_tool", arguments: {} });
    expect(missing.isError).toBe(true);
    await client.close();

    const small = new Client({ name: "test", version: "1" });
    await small.connect(
      new StreamableHTTPClientTransport(new URL(`${served.url("bulk")}?tools=250`)),
    );
    expect((await small.listTools()).tools).toHaveLength(250);
    await small.close();
  });

  it("our client: tasks needs its token, and sync_tasks fails with isError", async () => {
    await expect(connectMcp(served.url("tasks"))).rejects.toMatchObject({
      kind: "unauthorized",
    });
    const session = await connectMcp(served.url("tasks"), {
      authorizationToken: DEMO_TASKS_TOKEN,
    });
    expect(session.transport).toBe("streamable-http");
    expect((await listAllTools(session)).map((tool) => tool.name)).toEqual([
      "list_tasks",
      "complete_task",
      "sync_tasks",
    ]);
    const result = await callMcpTool(session, "sync_tasks", {});
    expect(result.isError).toBe(true);
    await session.close();
  });

  it("our client reports an unreachable server and a non-MCP URL clearly", async () => {
    const error = await connectMcp("http://127.0.0.1:9/mcp", { connectTimeoutMs: 3000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(McpConnectionError);
    expect((error as McpConnectionError).kind).toBe("unreachable");
    const notMcp = await connectMcp(`${served.origin}/nothing-here`, {
      connectTimeoutMs: 3000,
    }).catch((e: unknown) => e);
    expect((notMcp as McpConnectionError).kind).toBe("not_mcp");
  });
});
