// The emulator's fan-out caps: each refused, or cut short, with words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/domain/limits";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { serveDemoServers } from "@/test/support/demo-servers";
import { runEmulator } from "./run";
import { ApiError } from "./errors";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  demo = await serveDemoServers();
});
afterAll(() => demo.close());

const options = (limits: Partial<typeof DEFAULT_LIMITS>) => ({
  betas: ["mcp-client-2025-11-20"],
  fetch: createGuardedFetch({ policy: { allowPrivate: true } }),
  limits: { ...DEFAULT_LIMITS, ...limits },
});

function request(servers: string[], message: string) {
  return {
    model: "claude-opus-4-6",
    max_tokens: 512,
    messages: [{ role: "user" as const, content: message }],
    mcp_servers: servers.map((name, index) => ({
      type: "url" as const,
      url: demo.url(name),
      name: `${name}${index}`,
    })),
    tools: servers.map((name, index) => ({
      type: "mcp_toolset" as const,
      mcp_server_name: `${name}${index}`,
    })),
  };
}

describe("emulator caps", () => {
  it("refuses more MCP servers than PLAYGROUND_MAX_MCP_SERVERS, before connecting to any", async () => {
    const error = await runEmulator(
      request(["calendar", "calendar", "calendar"], "hi"),
      options({ maxMcpServers: 2 }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(
      /at most 2 MCP servers.*PLAYGROUND_MAX_MCP_SERVERS.*3/,
    );
  });

  it("refuses a server listing over the tool cap with the API's error code", async () => {
    const error = await runEmulator(request(["catalog"], "hi"), options({ maxTools: 100 })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ status: 400, errorCode: "available_tools_limit_exceeded" });
    expect((error as ApiError).message).toMatch(/catalog0.*more than 100 tools/);
  });

  it("makes at most PLAYGROUND_MAX_TOOL_CALLS calls in a turn, and says which were not made", async () => {
    const calls = Array.from({ length: 4 }, () => "call calendar0.list_events {}").join("\n");
    const message = await runEmulator(
      request(["calendar"], calls),
      options({ maxToolCallsPerTurn: 2 }),
    );
    expect(message.content.filter((block) => block.type === "mcp_tool_use")).toHaveLength(2);
    const texts = message.content.flatMap((block) => (block.type === "text" ? [block.text] : []));
    expect(texts.join("\n")).toMatch(
      /4 tool calls were asked for; this emulator makes at most 2 in one turn \(PLAYGROUND_MAX_TOOL_CALLS\)/,
    );
  });
});
