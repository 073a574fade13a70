import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/messages/route";
import { serveDemoServers } from "@/test/support/demo-servers";
import { forwardMessages, MAX_REQUEST_BYTES, TARGET_HEADER } from "./forward-messages";

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
