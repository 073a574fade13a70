// count_tokens in the emulator, through the official SDK's client.beta.messages.countTokens: the
// same estimate a Message's usage starts from; deferred tools not counted until surfaced, the
// tool search tool counted; the API's errors for a request it refuses.
import Anthropic, { APIError } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { handleEmulatorCountTokens, handleEmulatorRequest } from "./handler";

let demo: ServedHandler;
let emulator: ServedHandler;
let client: Anthropic;

beforeAll(async () => {
  demo = await serveHandler(
    (request) =>
      demoServersInProcess(new URL(request.url).origin).handle(request) ??
      new Response("not found", { status: 404 }),
  );
  emulator = await serveHandler((request) =>
    new URL(request.url).pathname.endsWith("/count_tokens")
      ? handleEmulatorCountTokens(request)
      : handleEmulatorRequest(request),
  );
  client = new Anthropic({
    apiKey: "test-key",
    baseURL: `${emulator.origin}/api/emulator`,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await Promise.all([emulator.close(), demo.close()]);
});

const catalog = (toolset: Record<string, unknown>, search = false) => ({
  model: "claude-opus-4-6",
  messages: [{ role: "user" as const, content: "Which tools are there?" }],
  mcp_servers: [
    { type: "url" as const, url: `${demo.origin}/api/demo-mcp/catalog`, name: "catalog" },
  ],
  tools: [
    { type: "mcp_toolset" as const, mcp_server_name: "catalog", ...toolset },
    ...(search
      ? [
          {
            type: "tool_search_tool_regex_20251119" as const,
            name: "tool_search_tool_regex" as const,
          },
        ]
      : []),
  ],
  betas: ["mcp-client-2025-11-20"],
});

describe("count_tokens in the emulator", () => {
  it("counts what is loaded: deferring the catalog's 500 tools costs far fewer tokens", async () => {
    const eager = await client.beta.messages.countTokens(catalog({}));
    const deferred = await client.beta.messages.countTokens(
      catalog(
        {
          default_config: { defer_loading: true },
          configs: { billing_get_record: { defer_loading: false } },
        },
        true,
      ),
    );
    expect(eager.input_tokens).toBeGreaterThan(10_000);
    expect(deferred.input_tokens).toBeLessThan(eager.input_tokens / 50);
    expect(deferred.context_management).toBeNull();
  });

  it("counts the tool search tool, and equals the input a Message's usage starts from", async () => {
    const toolset = {
      default_config: { defer_loading: true },
      configs: { billing_get_record: { defer_loading: false } },
    };
    const without = await client.beta.messages.countTokens({
      ...catalog(toolset, true),
      tools: catalog(toolset, true).tools.slice(0, 1),
    });
    const withSearch = await client.beta.messages.countTokens(catalog(toolset, true));
    expect(withSearch.input_tokens).toBeGreaterThan(without.input_tokens);
    const stream = client.beta.messages.stream({ ...catalog(toolset, true), max_tokens: 256 });
    let started = 0;
    stream.on("streamEvent", (event) => {
      if (event.type === "message_start") started = event.message.usage.input_tokens;
    });
    await stream.finalMessage();
    expect(started).toBe(withSearch.input_tokens);
  });

  it("answers the API's 400 for a request it refuses, and 401 without a key", async () => {
    const refused = await client.beta.messages
      .countTokens({ ...catalog({}), betas: [] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(APIError);
    expect((refused as APIError).status).toBe(400);
    expect(String((refused as APIError).message)).toContain("mcp_servers");
    const noKey = await fetch(`${emulator.origin}/api/emulator/v1/messages/count_tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("request-id")).toMatch(/^req_/);
  });
});
