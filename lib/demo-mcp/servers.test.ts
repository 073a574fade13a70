import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { serveDemoServers } from "../testing/demo-servers";
import { callMcpTool, connectMcp, listAllTools, McpConnectionError } from "../mcp/client";
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
