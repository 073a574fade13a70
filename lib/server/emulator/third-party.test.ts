import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { startServerEverything, type RunningServer } from "@/test/support/server-everything";
import { handleEmulatorRequest } from "./handler";

let everything: RunningServer;
let everythingSse: RunningServer;
let emulator: ServedHandler;
let client: Anthropic;

beforeAll(async () => {
  [everything, everythingSse] = await Promise.all([
    startServerEverything(),
    startServerEverything("sse"),
  ]);
  emulator = await serveHandler((request) => handleEmulatorRequest(request));
  client = new Anthropic({
    apiKey: "k",
    baseURL: `${emulator.origin}/api/emulator`,
    maxRetries: 0,
  });
}, 30_000);
afterAll(async () => {
  await emulator.close();
  await Promise.all([everything.stop(), everythingSse.stop()]);
});

const request = (url: string, message: string) => ({
  model: "claude-opus-4-6",
  max_tokens: 256,
  messages: [{ role: "user" as const, content: message }],
  mcp_servers: [
    { type: "url" as const, url, name: "everything", authorization_token: "any-token" },
  ],
  tools: [{ type: "mcp_toolset" as const, mcp_server_name: "everything" }],
  betas: ["mcp-client-2025-11-20"],
});

describe("the emulator with @modelcontextprotocol/server-everything", () => {
  it("calls echo over Streamable HTTP", async () => {
    const message = await client.beta.messages.create(
      request(everything.url, 'call everything.echo {"message": "hello"}'),
    );
    const result = message.content.find((block) => block.type === "mcp_tool_result");
    expect(result).toMatchObject({
      is_error: false,
      content: [{ type: "text", text: "Echo: hello" }],
    });
  });

  it("falls back to SSE and reports a tool's isError as is_error", async () => {
    const message = await client.beta.messages.create(
      request(everythingSse.url, 'call everything.get-sum {"a": "x"}'),
    );
    const result = message.content.find((block) => block.type === "mcp_tool_result");
    expect(result).toMatchObject({ is_error: true });
  });
});
