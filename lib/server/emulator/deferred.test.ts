// Deferred tools that really work in the emulator: tool search (regex and BM25) with the API's
// blocks and errors, the available-tools limits, mcp-client-2026-09-15 listings and pinning, and
// image results as the API treats them — through the official SDK, streamed and not.
import Anthropic from "@anthropic-ai/sdk";
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { sequentialIds } from "@/test/support/sequential-ids";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { estimateTokens } from "@/lib/domain/toolset/token-estimate";
import { handleEmulatorRequest } from "./handler";

let demo: ServedHandler;
let emulator: ServedHandler;
let images: ServedHandler;
const toolListCalls: string[] = [];

beforeAll(async () => {
  // The demo servers, counting who is asked for tools/list.
  demo = await serveHandler(async (request) => {
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => null);
    if ((body as { method?: unknown } | null)?.method === "tools/list")
      toolListCalls.push(new URL(request.url).pathname);
    return (
      demoServersInProcess(new URL(request.url).origin).handle(request) ??
      new Response("not found", { status: 404 })
    );
  });
  images = await serveHandler(async (request) => {
    const server = new McpServer({ name: "images", version: "1.0.0" });
    server.registerTool("chart", { description: "Draws a chart" }, () => ({
      content: [
        { type: "text", text: "Here is the chart:" },
        { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" },
      ],
    }));
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    return transport.handleRequest(request);
  });
  let ids = sequentialIds();
  emulator = await serveHandler((request) => {
    // Each request gets ids from the start, so a streamed and a plain answer can be compared.
    if (request.headers.get("x-reset-ids")) ids = sequentialIds();
    return handleEmulatorRequest(request, { createId: (prefix) => `${prefix}_${ids()}` });
  });
});
afterAll(async () => {
  await Promise.all([demo.close(), emulator.close(), images.close()]);
});

const client = () =>
  new Anthropic({ apiKey: "k", baseURL: `${emulator.origin}/api/emulator`, maxRetries: 0 });

function catalogRequest(
  message: string,
  search: "regex" | "bm25",
  extra: Record<string, unknown> = {},
) {
  return {
    model: "claude-opus-4-6",
    max_tokens: 1024,
    messages: [{ role: "user" as const, content: message }],
    mcp_servers: [
      { type: "url" as const, url: `${demo.origin}/api/demo-mcp/catalog`, name: "catalog" },
    ],
    tools: [
      search === "regex"
        ? {
            type: "tool_search_tool_regex_20251119" as const,
            name: "tool_search_tool_regex" as const,
          }
        : {
            type: "tool_search_tool_bm25_20251119" as const,
            name: "tool_search_tool_bm25" as const,
          },
      {
        type: "mcp_toolset" as const,
        mcp_server_name: "catalog",
        default_config: { defer_loading: true },
        configs: { billing_get_000: { defer_loading: false } },
        ...extra,
      },
    ],
    betas: ["mcp-client-2025-11-20"],
  };
}

const types = (message: BetaMessage) => message.content.map((block) => block.type);

async function bothWays(params: ReturnType<typeof catalogRequest>) {
  const headers = { "x-reset-ids": "1" };
  const plain = await client().beta.messages.create(params, { headers });
  const stream = client().beta.messages.stream(params, { headers });
  // message_start carries the prompt as sent, before anything was searched or called.
  let upFrontInputTokens = 0;
  stream.on("streamEvent", (event) => {
    if (event.type === "message_start") upFrontInputTokens = event.message.usage.input_tokens;
  });
  const streamed = await stream.finalMessage();
  return { plain, streamed, upFrontInputTokens };
}

describe("tool search in the emulator", () => {
  it("BM25: a named deferred tool is searched for, found, then called; streamed equals plain", async () => {
    const { plain, streamed, upFrontInputTokens } = await bothWays(
      catalogRequest("Use billing_export_040 to export the billing records.", "bm25"),
    );
    expect(types(plain)).toEqual([
      "text",
      "server_tool_use",
      "tool_search_tool_result",
      "mcp_tool_use",
      "mcp_tool_result",
      "text",
    ]);
    const [, search, result, call] = plain.content;
    expect(search).toMatchObject({
      type: "server_tool_use",
      name: "tool_search_tool_bm25",
      input: { query: "billing_export_040" },
      caller: { type: "direct" },
    });
    expect(search?.type === "server_tool_use" && search.id).toMatch(/^srvtoolu_/);
    expect(result).toMatchObject({
      type: "tool_search_tool_result",
      tool_use_id: search?.type === "server_tool_use" ? search.id : "",
      content: { type: "tool_search_tool_search_result" },
    });
    const references =
      result?.type === "tool_search_tool_result" &&
      result.content.type === "tool_search_tool_search_result"
        ? result.content.tool_references
        : [];
    expect(references[0]).toEqual({
      type: "tool_reference",
      tool_name: "catalog_billing_export_040",
    });
    expect(references.length).toBeLessThanOrEqual(5);
    expect(call).toMatchObject({
      type: "mcp_tool_use",
      name: "billing_export_040",
      server_name: "catalog",
    });
    // The SDK's stream helper adds parsed_output; the rest is the same message.
    const { parsed_output: _parsed, ...rest } = streamed as typeof streamed & {
      parsed_output?: unknown;
    };
    expect(rest).toEqual(plain);
    // Loading the found definitions costs input tokens beyond the up-front prompt and beyond the
    // tool result that came back.
    const toolResult = plain.content[4];
    const resultText =
      toolResult?.type === "mcp_tool_result" && Array.isArray(toolResult.content)
        ? toolResult.content.map((part) => part.text).join("")
        : "";
    expect(upFrontInputTokens).toBeGreaterThan(0);
    expect(plain.usage.input_tokens - upFrontInputTokens).toBeGreaterThan(
      estimateTokens(resultText),
    );
  });

  it("a pattern that makes backtracking engines hang is answered at once, and the process stays free", async () => {
    // The report: this never returned, and /api/health stopped answering with it.
    let worstGapMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGapMs = Math.max(worstGapMs, now - last);
      last = now;
    }, 5);
    try {
      for (const pattern of ["(.|.)*!!", "((a+))+$", "(\\w|a)+$", "(a|a)+$"]) {
        const message = await client().beta.messages.create(
          catalogRequest(`search ${pattern}`, "regex"),
        );
        expect(types(message)).toEqual([
          "text",
          "server_tool_use",
          "tool_search_tool_result",
          "text",
        ]);
      }
    } finally {
      clearInterval(ticker);
    }
    expect(worstGapMs).toBeLessThan(250);
  });

  it("regex: a `search` line runs the pattern case-insensitively and lists what it found", async () => {
    const message = await client().beta.messages.create(
      catalogRequest("search ^CRM_EXPORT_0[0-4]", "regex"),
    );
    expect(types(message)).toEqual(["text", "server_tool_use", "tool_search_tool_result", "text"]);
    expect(message.content[1]).toMatchObject({ input: { pattern: "^CRM_EXPORT_0[0-4]" } });
    const result = message.content[2];
    expect(
      result?.type === "tool_search_tool_result" &&
        result.content.type === "tool_search_tool_search_result"
        ? result.content.tool_references.map((reference) => reference.tool_name)
        : [],
    ).toEqual(["catalog_crm_export_041"]);
  });

  it("takes a limit: `search … limit=N` asks for up to N results", async () => {
    const message = await client().beta.messages.create(
      catalogRequest("search export limit=12", "bm25"),
    );
    expect(message.content[1]).toMatchObject({ input: { query: "export", limit: 12 } });
    const result = message.content[2];
    expect(
      result?.type === "tool_search_tool_result" &&
        result.content.type === "tool_search_tool_search_result" &&
        result.content.tool_references.length,
    ).toBe(12);
  });

  it("a bad pattern is an error inside a 200 answer, as the API gives it", async () => {
    const message = await client().beta.messages.create(
      catalogRequest("search billing_(", "regex"),
    );
    expect(message.content[2]).toMatchObject({
      type: "tool_search_tool_result",
      content: { type: "tool_search_tool_result_error", error_code: "invalid_tool_input" },
    });
  });

  it("refuses more than 10,000 deferred tools with 400 available_tools_limit_exceeded", async () => {
    const pinned = Array.from({ length: 10_001 }, (_, index) => ({
      name: `t${index}`,
      input_schema: { type: "object" },
    }));
    const params = {
      ...catalogRequest("hi", "bm25", { tools: pinned }),
      betas: ["mcp-client-2026-09-15"],
    };
    const error = await client()
      .beta.messages.create(params)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as { error?: unknown }).error).toMatchObject({
      error: { details: { error_code: "available_tools_limit_exceeded" } },
    });
  });
});

describe("mcp-client-2026-09-15 in the emulator", () => {
  const calendar = () => ({
    type: "url" as const,
    url: `${demo.origin}/api/demo-mcp/calendar`,
    name: "calendar",
  });
  const request = (
    messages: Anthropic.Beta.BetaMessageParam[],
    toolset: Record<string, unknown> = {},
  ) => ({
    model: "claude-opus-4-6",
    max_tokens: 1024,
    messages,
    mcp_servers: [calendar()],
    tools: [{ type: "mcp_toolset" as const, mcp_server_name: "calendar", ...toolset }],
    betas: ["mcp-client-2026-09-15"],
  });

  it("starts with a listing, reuses it when sent back (the server is not asked again), and never lists a pinned toolset", async () => {
    toolListCalls.length = 0;
    const first = await client().beta.messages.create(
      request([{ role: "user", content: "list_events" }]),
    );
    expect(types(first)[0]).toBe("mcp_tool_listing");
    expect(first.content[0]).toMatchObject({ mcp_server_name: "calendar" });
    expect(toolListCalls).toHaveLength(1);

    const second = await client().beta.messages.create(
      request([
        { role: "user", content: "list_events" },
        { role: "assistant", content: first.content as Anthropic.Beta.BetaContentBlockParam[] },
        { role: "user", content: "search_events" },
      ]),
    );
    expect(types(second)).not.toContain("mcp_tool_listing");
    expect(types(second)).toContain("mcp_tool_use");
    expect(toolListCalls).toHaveLength(1);

    const listing = first.content[0];
    const pinned = listing?.type === "mcp_tool_listing" ? listing.tools : [];
    const third = await client().beta.messages.create(
      request([{ role: "user", content: "list_events" }], { tools: pinned }),
    );
    expect(types(third)).toEqual(["text", "mcp_tool_use", "mcp_tool_result", "text"]);
    expect(toolListCalls).toHaveLength(1);
  });

  it("refuses a listing block without the beta", async () => {
    const error = await client()
      .beta.messages.create({
        ...request([
          { role: "user", content: "hi" },
          {
            role: "assistant",
            content: [{ type: "mcp_tool_listing", mcp_server_name: "calendar", tools: [] }],
          },
          { role: "user", content: "again" },
        ]),
        betas: ["mcp-client-2025-11-20"],
      })
      .catch((caught: unknown) => caught);
    expect(String(error)).toContain(
      "mcp_tool_listing block needs the 'mcp-client-2026-09-15' beta",
    );
  });
});

describe("images, as the API treats them", () => {
  it("replaces an image with the API's placeholder text, not an error", async () => {
    const message = await client().beta.messages.create({
      model: "claude-opus-4-6",
      max_tokens: 512,
      messages: [{ role: "user", content: "call images.chart" }],
      mcp_servers: [{ type: "url", url: `${images.origin}/mcp`, name: "images" }],
      tools: [{ type: "mcp_toolset", mcp_server_name: "images" }],
      betas: ["mcp-client-2025-11-20"],
    });
    const result = message.content.find((block) => block.type === "mcp_tool_result");
    expect(result).toMatchObject({
      is_error: false,
      content: [
        {
          type: "text",
          text: "Here is the chart:\n[MCP tool returned an image (format: image/png) but the Anthropic API doesn't currently support image responses]",
        },
      ],
    });
  });
});
