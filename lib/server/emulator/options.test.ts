// Request options in the emulator, through the official SDK: a thinking block first when thinking
// is on (streamed as thinking_delta and signature_delta), and the API's own 400s for options it
// refuses.
import { APIError } from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { emulatorWithDemoServers } from "@/test/support/emulator-harness";

const harness = emulatorWithDemoServers();

const request = (extra: Record<string, unknown>) => ({
  model: "claude-opus-4-6",
  max_tokens: 4096,
  messages: [{ role: "user" as const, content: "call calendar.list_events {}" }],
  mcp_servers: [{ type: "url" as const, url: harness.demoUrl("calendar"), name: "calendar" }],
  tools: [{ type: "mcp_toolset" as const, mcp_server_name: "calendar" }],
  betas: ["mcp-client-2025-11-20"],
  ...extra,
});

describe("request options in the emulator", () => {
  it("puts a thinking block first when thinking is enabled, streamed or not", async () => {
    const message = await harness
      .client()
      .beta.messages.create(request({ thinking: { type: "enabled", budget_tokens: 1024 } }));
    expect(message.content.map((block) => block.type)).toEqual([
      "thinking",
      "text",
      "mcp_tool_use",
      "mcp_tool_result",
      "text",
    ]);
    const streamed = await harness
      .client()
      .beta.messages.stream(request({ thinking: { type: "adaptive" } }))
      .finalMessage();
    const thinking = streamed.content[0];
    expect(thinking?.type).toBe("thinking");
    if (thinking?.type !== "thinking") throw new Error("no thinking block");
    expect(thinking.thinking).toContain("adaptive");
    expect(thinking.signature).toMatch(/^emulator-/);
  });

  it("refuses what the API refuses, in its words", async () => {
    const refused = async (extra: Record<string, unknown>) => {
      const error = await harness
        .client()
        .beta.messages.create(request(extra))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).status).toBe(400);
      return String((error as APIError).message);
    };
    expect(await refused({ thinking: { type: "enabled", budget_tokens: 8192 } })).toContain(
      "`max_tokens` must be greater than `thinking.budget_tokens`.",
    );
    expect(
      await refused({ thinking: { type: "adaptive" }, tool_choice: { type: "any" } }),
    ).toContain("Thinking may not be enabled when tool_choice forces tool use.");
  });
});
