import { describe, expect, it } from "vitest";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { buildRequest, redactRequest } from "./build-request";
import { createConfigRow, createDefaultState, createServer } from "./composer";
import type { ComposerState } from "./types";
import { sequentialIds } from "@/test/support/sequential-ids";
import { toolTurnBlocks } from "@/test/support/conversation-fixtures";

function state(overrides: Partial<ComposerState> = {}): ComposerState {
  return { ...createDefaultState(sequentialIds()), ...overrides };
}

describe("buildRequest", () => {
  it("builds the exact params of the demo state, betas included; it validates for the emulator", () => {
    const request = buildRequest({
      ...createDefaultState(sequentialIds(), "http://127.0.0.1:4000"),
    });
    expect(request).toEqual({
      model: "claude-opus-4-6",
      max_tokens: 1024,
      messages: [
        { role: "user", content: "Use list_events to show what is on my calendar this week." },
      ],
      mcp_servers: [
        { type: "url", url: "http://127.0.0.1:4000/api/demo-mcp/calendar", name: "calendar" },
        {
          type: "url",
          url: "http://127.0.0.1:4000/api/demo-mcp/tasks",
          name: "tasks",
          authorization_token: "demo-tasks-token",
        },
      ],
      tools: [
        {
          type: "mcp_toolset",
          mcp_server_name: "calendar",
          default_config: { enabled: false },
          configs: { list_events: { enabled: true }, search_events: { enabled: true } },
        },
        { type: "mcp_toolset", mcp_server_name: "tasks" },
      ],
      betas: ["mcp-client-2025-11-20"],
      stream: true,
    });
    const problems = validateRequest(request, { target: "emulator" });
    expect(problems.map((p) => `${p.severity}:${p.code}`)).toEqual([
      "info:url_loopback_http",
      "info:url_loopback_http",
    ]);
    expect(validateRequest(request).map((p) => p.code)).toEqual(["url_not_https", "url_not_https"]);
  });

  it("sends the earlier turns first, assistant blocks exactly as they came; stream only when on", () => {
    const assistant = toolTurnBlocks();
    const request = buildRequest(
      state({
        conversation: [
          { id: "t1", role: "user", content: "What is on?" },
          { id: "t2", role: "assistant", content: structuredClone(assistant) },
        ],
        message: "And tomorrow?",
        stream: false,
      }),
    );
    expect(request.messages).toEqual([
      { role: "user", content: "What is on?" },
      { role: "assistant", content: assistant },
      { role: "user", content: "And tomorrow?" },
    ]);
    expect("stream" in request).toBe(false);
    // An empty message after an assistant turn resumes it (pause_turn): no empty user turn.
    const resumed = buildRequest(
      state({ conversation: [{ id: "t1", role: "assistant", content: "…" }], message: " " }),
    );
    expect(resumed.messages).toEqual([{ role: "assistant", content: "…" }]);
  });

  it("omits empty optional fields instead of sending null", () => {
    const newId = sequentialIds();
    const request = buildRequest(
      state({
        system: "  ",
        servers: [
          createServer(newId, {
            name: "a",
            url: "https://a.dev",
            configs: [createConfigRow(newId, { tool: "x" })],
          }),
        ],
      }),
    );
    expect(request).not.toHaveProperty("system");
    const json = JSON.stringify(request);
    expect(json).not.toContain("null");
    expect(json).not.toContain("authorization_token");
    expect(json).not.toContain("default_config");
    expect(json).not.toContain("configs");
  });

  it("puts the tool search tool first, then one toolset per server in order", () => {
    const newId = sequentialIds();
    const request = buildRequest(
      state({
        toolSearch: "bm25",
        servers: [
          createServer(newId, {
            name: "a",
            url: "https://a.dev",
            cacheTtl: "1h",
            authorizationToken: "tok",
          }),
          createServer(newId, {
            name: "b",
            url: "https://b.dev",
            defaultConfig: { deferLoading: true },
          }),
        ],
      }),
    );
    expect(request.tools).toEqual([
      { type: "tool_search_tool_bm25_20251119", name: "tool_search_tool_bm25" },
      {
        type: "mcp_toolset",
        mcp_server_name: "a",
        cache_control: { type: "ephemeral", ttl: "1h" },
      },
      { type: "mcp_toolset", mcp_server_name: "b", default_config: { defer_loading: true } },
    ]);
    expect(request.mcp_servers?.[0]?.authorization_token).toBe("tok");
  });

  it("sends no beta when told to, so the API's 400 can be seen", () => {
    const request = buildRequest(state({ beta: "none" }));
    expect(request).not.toHaveProperty("betas");
    expect(validateRequest(request).map((p) => p.code)).toContain("missing_mcp_beta");
  });

  it("redacts tokens for display without touching the original", () => {
    const newId = sequentialIds();
    const request = buildRequest(
      state({
        servers: [
          createServer(newId, {
            name: "a",
            url: "https://a.dev",
            authorizationToken: "secret-token",
          }),
        ],
      }),
    );
    const shown = redactRequest(request);
    expect(JSON.stringify(shown)).not.toContain("secret-token");
    expect(request.mcp_servers?.[0]?.authorization_token).toBe("secret-token");
  });
});
