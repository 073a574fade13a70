import type { APIError } from "@anthropic-ai/sdk";
import Anthropic from "@anthropic-ai/sdk";
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { handleEmulatorRequest } from "./handler";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
let emulator: ServedHandler;
let client: Anthropic;

beforeAll(async () => {
  demo = await serveDemoServers();
  emulator = await serveHandler((request) => handleEmulatorRequest(request));
  client = new Anthropic({
    apiKey: "test-key",
    baseURL: `${emulator.origin}/api/emulator`,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await emulator.close();
  await demo.close();
});

function calendarRequest(message: string, toolset: Record<string, unknown> = {}) {
  return {
    model: "claude-opus-4-6",
    max_tokens: 1024,
    messages: [{ role: "user" as const, content: message }],
    mcp_servers: [{ type: "url" as const, url: demo.url("calendar"), name: "calendar" }],
    tools: [{ type: "mcp_toolset" as const, mcp_server_name: "calendar", ...toolset }],
    betas: ["mcp-client-2025-11-20"],
  };
}

const types = (message: BetaMessage) => message.content.map((block) => block.type);

describe("the emulator, through the official SDK", () => {
  it("calls a named tool: text → mcp_tool_use → mcp_tool_result → text, with the API's ids", async () => {
    const { data: message, response } = await client.beta.messages
      .create(calendarRequest("Use list_events to show my week."))
      .withResponse();
    expect(types(message)).toEqual(["text", "mcp_tool_use", "mcp_tool_result", "text"]);
    expect(message.id).toMatch(/^msg_/);
    expect(message.model).toBe("claude-opus-4-6");
    expect(message.stop_reason).toBe("end_turn");
    const use = message.content[1];
    const result = message.content[2];
    if (use?.type !== "mcp_tool_use" || result?.type !== "mcp_tool_result")
      throw new Error("order");
    expect(use.id).toMatch(/^mcptoolu_/);
    expect(use).toMatchObject({ name: "list_events", server_name: "calendar", input: {} });
    expect(result.tool_use_id).toBe(use.id);
    expect(result.is_error).toBe(false);
    expect(JSON.stringify(result.content)).toContain("Team stand-up");
    // As the observed API payloads: a result's text parts carry no `citations` key.
    expect(Object.keys((result.content as object[])[0] ?? {}).sort()).toEqual(["text", "type"]);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    // The final text says what came back without repeating it (no wide code block of it).
    const final = message.content.at(-1);
    if (final?.type !== "text" || !Array.isArray(result.content)) throw new Error("final text");
    const whole = (result.content[0] as { text: string }).text;
    expect(final.text).toMatch(
      /\*\*calendar\.list_events\*\* returned \d+ lines, [\d,]+ characters \(in its result above\), beginning “/,
    );
    expect(final.text).not.toContain("```");
    expect(final.text).not.toContain(whole);
  });

  it("runs explicit `call server.tool {json}` lines, several of them", async () => {
    const message = await client.beta.messages.create(
      calendarRequest(
        'call calendar.search_events {"query": "lunch"}\ncall calendar.create_event {"title": "x", "start": "2026-12-01T10:00"}',
      ),
    );
    expect(types(message)).toEqual([
      "text",
      "mcp_tool_use",
      "mcp_tool_result",
      "mcp_tool_use",
      "mcp_tool_result",
      "text",
    ]);
    expect(JSON.stringify(message.content[2])).toContain("Lunch with Ada");
  });

  it("cannot call a tool its allowlist leaves out, and says so", async () => {
    const message = await client.beta.messages.create(
      calendarRequest("Please delete_all_events now.", {
        default_config: { enabled: false },
        configs: { list_events: { enabled: true } },
      }),
    );
    expect(types(message)).toEqual(["text"]);
    const text = message.content[0];
    expect(text?.type === "text" && text.text).toContain(
      "`delete_all_events` of `calendar` is not available",
    );
  });

  it("lists what it can see when no tool is named, and deferring lowers input_tokens", async () => {
    const open = await client.beta.messages.create(calendarRequest("Hello there"));
    expect(types(open)).toEqual(["text"]);
    expect(open.content[0]?.type === "text" && open.content[0].text).toContain("5 callable");
    const deferred = await client.beta.messages.create({
      ...calendarRequest("Hello there", { default_config: { defer_loading: true } }),
      tools: [
        { type: "tool_search_tool_regex_20251119", name: "tool_search_tool_regex" },
        {
          type: "mcp_toolset",
          mcp_server_name: "calendar",
          default_config: { defer_loading: true },
        },
      ],
    });
    expect(deferred.content[0]?.type === "text" && deferred.content[0].text).toContain(
      "5 deferred",
    );
    expect(deferred.usage.input_tokens).toBeLessThan(open.usage.input_tokens - 100);
  });

  it("reports a failing tool as is_error, and an authorized server works with its token", async () => {
    const base = {
      model: "claude-opus-4-6",
      max_tokens: 256,
      messages: [{ role: "user" as const, content: "sync_tasks please" }],
      tools: [{ type: "mcp_toolset" as const, mcp_server_name: "tasks" }],
      betas: ["mcp-client-2025-11-20"],
    };
    const message = await client.beta.messages.create({
      ...base,
      mcp_servers: [
        {
          type: "url",
          url: demo.url("tasks"),
          name: "tasks",
          authorization_token: DEMO_TASKS_TOKEN,
        },
      ],
    });
    const result = message.content.find((block) => block.type === "mcp_tool_result");
    expect(result).toMatchObject({ is_error: true });
    const refused = await client.beta.messages
      .create({
        ...base,
        mcp_servers: [
          { type: "url", url: demo.url("tasks"), name: "tasks", authorization_token: "wrong" },
        ],
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Anthropic.BadRequestError);
    expect((refused as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
      type: "error",
      error: {
        type: "invalid_request_error",
        message:
          "Invalid authorization token for MCP server 'tasks'. Please check your token and try again.",
      },
    });
  });

  it("answers the API's 400s: no beta, unreferenced server, non-loopback http", async () => {
    const noBeta = await client.beta.messages
      .create({ ...calendarRequest("hi"), betas: undefined })
      .catch((e: unknown) => e);
    expect(noBeta).toBeInstanceOf(Anthropic.BadRequestError);
    expect((noBeta as APIError).error).toMatchObject({
      error: {
        type: "invalid_request_error",
        message: "mcp_servers: Extra inputs are not permitted",
      },
      request_id: expect.stringMatching(/^req_/) as unknown,
    });
    expect((noBeta as APIError).requestID).toMatch(/^req_/);
    const unreferenced = await client.beta.messages
      .create({ ...calendarRequest("hi"), tools: [] })
      .catch((e: unknown) => e as APIError);
    expect((unreferenced as APIError).error).toMatchObject({
      error: {
        message:
          "MCP server 'calendar' is defined but not referenced by any `mcp_toolset` in `tools`.",
      },
    });
    const remoteHttp = await client.beta.messages
      .create({
        ...calendarRequest("hi"),
        mcp_servers: [{ type: "url", url: "http://example.com/mcp", name: "calendar" }],
      })
      .catch((e: unknown) => e as APIError);
    expect((remoteHttp as APIError).status).toBe(400);
  });

  it("accepts the deprecated 2025-04-04 shape", async () => {
    const message = await client.beta.messages.create({
      model: "claude-opus-4-6",
      max_tokens: 256,
      messages: [{ role: "user", content: "search_events and delete_all_events" }],
      mcp_servers: [
        {
          type: "url",
          url: demo.url("calendar"),
          name: "calendar",
          tool_configuration: { allowed_tools: ["search_events"] },
        },
      ],
      betas: ["mcp-client-2025-04-04"],
    });
    expect(types(message)).toEqual(["text", "mcp_tool_use", "mcp_tool_result", "text"]);
    expect(message.content[0]?.type === "text" && message.content[0].text).toContain(
      "delete_all_events",
    );
  });

  it("answers 401 without a key, accepts x-api-key and ?beta=true, and 400 for an unreachable server", async () => {
    const url = `${emulator.origin}/api/emulator/v1/messages?beta=true`;
    const body = JSON.stringify({ ...calendarRequest("hi"), betas: undefined });
    const headers = {
      "content-type": "application/json",
      "anthropic-beta": "mcp-client-2025-11-20",
    };
    const noKey = await fetch(url, { method: "POST", headers, body });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("request-id")).toMatch(/^req_/);
    const withKey = await fetch(url, {
      method: "POST",
      headers: { ...headers, "x-api-key": "k" },
      body,
    });
    expect(withKey.status).toBe(200);
    const unreachable = await client.beta.messages
      .create({
        ...calendarRequest("hi"),
        mcp_servers: [{ type: "url", url: "http://127.0.0.1:9/mcp", name: "calendar" }],
      })
      .catch((e: unknown) => e as APIError);
    expect((unreachable as APIError).status).toBe(400);
    expect((unreachable as APIError).message).toContain(
      "Failed to connect to MCP server 'calendar'",
    );
  });
});
