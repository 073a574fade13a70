import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/messages/route";
import { POST as COUNT } from "@/app/api/messages/count_tokens/route";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveHandler } from "@/test/support/serve-handler";
import {
  forwardCountTokens,
  forwardMessages,
  MAX_REQUEST_BYTES,
  TARGET_HEADER,
} from "./forward-messages";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  demo = await serveDemoServers();
});
afterAll(() => demo.close());

function post(body: unknown, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/messages", {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const params = () => ({
  model: "claude-opus-4-6",
  max_tokens: 512,
  messages: [{ role: "user", content: "list_events" }],
  mcp_servers: [{ type: "url", url: demo.url("calendar"), name: "calendar" }],
  tools: [{ type: "mcp_toolset", mcp_server_name: "calendar" }],
  betas: ["mcp-client-2025-11-20"],
});

describe("POST /api/messages", () => {
  it("sends to the emulator when the server has no key, and passes its answer through", async () => {
    const response = await POST(post(params()));
    expect(response.status).toBe(200);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(response.headers.get("x-playground-target")).toBe("emulator");
    const message = (await response.json()) as { content: { type: string }[] };
    expect(message.content.map((block) => block.type)).toEqual([
      "text",
      "mcp_tool_use",
      "mcp_tool_result",
      "text",
    ]);
  });

  it("keeps an API error's status, body and request-id", async () => {
    const response = await POST(post({ ...params(), betas: [] }));
    expect(response.status).toBe(400);
    const requestId = response.headers.get("request-id");
    expect(requestId).toMatch(/^req_/);
    expect(await response.json()).toEqual({
      type: "error",
      error: {
        type: "invalid_request_error",
        message: "mcp_servers: Extra inputs are not permitted",
      },
      request_id: requestId,
    });
  });

  it("refuses malformed JSON, a wrong shape and an oversized body with clear 4xx errors", async () => {
    const malformed = await POST(post("{nope"));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { message: "The request body is not valid JSON." },
    });

    const wrongShape = await POST(post({ model: "", messages: "hi" }));
    expect(wrongShape.status).toBe(400);
    const shape = (await wrongShape.json()) as { error: { message: string } };
    expect(shape.error.message).toContain("max_tokens");
    expect(shape.error.message).toContain("messages");

    const huge = await POST(post({ ...params(), system: "x".repeat(MAX_REQUEST_BYTES) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { type: "request_too_large" } });
  });

  it("asks for a key when the Anthropic target has none", async () => {
    const response = await forwardMessages(post(params(), { [TARGET_HEADER]: "anthropic" }), {});
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "No Anthropic API key",
    );
  });

  it("reaches a real API endpoint with the key and says clearly when it cannot", async () => {
    const response = await forwardMessages(post(params(), { [TARGET_HEADER]: "anthropic" }), {
      apiKey: "sk-test",
      baseURL: "http://127.0.0.1:9",
      timeoutMs: 3000,
    });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("api_connection_error");
    expect(body.error.message).toContain("Could not reach the Anthropic API");
    expect(JSON.stringify(body)).not.toContain("sk-test");
  });
});

describe("POST /api/messages/count_tokens", () => {
  const counted = () => {
    const { max_tokens: _max, ...rest } = params();
    return rest;
  };

  it("counts on the emulator when the server has no key: deferring lowers the count", async () => {
    const eager = await COUNT(post(counted()));
    expect(eager.status).toBe(200);
    expect(eager.headers.get("x-playground-target")).toBe("emulator");
    const eagerCount = ((await eager.json()) as { input_tokens: number }).input_tokens;
    const deferred = await COUNT(
      post({
        ...counted(),
        tools: [
          {
            type: "mcp_toolset",
            mcp_server_name: "calendar",
            default_config: { defer_loading: true },
            configs: { list_events: { defer_loading: false } },
          },
          { type: "tool_search_tool_bm25_20251119", name: "tool_search_tool_bm25" },
        ],
      }),
    );
    const deferredCount = ((await deferred.json()) as { input_tokens: number }).input_tokens;
    expect(deferredCount).toBeLessThan(eagerCount);
  });

  it("asks the real API's count_tokens with the server's key, and passes its answer back", async () => {
    const seen: { path: string; key: string | null; body: unknown }[] = [];
    const upstream = await serveHandler(async (request) => {
      seen.push({
        path: new URL(request.url).pathname,
        key: request.headers.get("x-api-key") ?? request.headers.get("authorization"),
        body: await request.json(),
      });
      return Response.json(
        { input_tokens: 1234, context_management: null },
        {
          headers: { "request-id": "req_upstream" },
        },
      );
    });
    try {
      const response = await forwardCountTokens(post(counted(), { [TARGET_HEADER]: "anthropic" }), {
        apiKey: "sk-server",
        baseURL: upstream.origin,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ input_tokens: 1234, context_management: null });
      expect(response.headers.get("request-id")).toBe("req_upstream");
      expect(seen).toHaveLength(1);
      expect(seen[0]?.path).toBe("/v1/messages/count_tokens");
      expect(seen[0]?.key).toMatch(/^(Bearer )?sk-server$/);
      expect(JSON.stringify(seen[0]!.body)).not.toContain("max_tokens");
    } finally {
      await upstream.close();
    }
  });

  it("refuses a body without messages in words", async () => {
    const response = await COUNT(post({ model: "claude-opus-4-6" }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("count_tokens params");
  });
});
