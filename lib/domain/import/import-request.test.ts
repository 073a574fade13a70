import { describe, expect, it } from "vitest";
import { generateSnippet } from "@/lib/domain/export/snippets";
import { buildRequest } from "@/lib/domain/request/build-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import { sequentialIds } from "@/test/support/sequential-ids";
import { twoTurnConversation } from "@/test/support/conversation-fixtures";
import { describeImported, importRequest } from "./import-request";

const ok = (text: string) => {
  const result = importRequest(text, sequentialIds());
  if (!result.success) throw new Error(result.error);
  return result.data;
};

describe("importRequest", () => {
  it("a JSON body built by the composer comes back to the same request", () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    const params = buildRequest({ ...state, toolSearch: "bm25", system: "Be brief." });
    const imported = ok(JSON.stringify(params));
    expect(buildRequest(imported.state)).toEqual(params);
    expect(imported.notes).toEqual([]);
  });

  it("a conversation comes back whole: earlier turns unchanged, the last user text to edit", () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    const params = buildRequest({
      ...state,
      conversation: twoTurnConversation(),
      message: "second",
    });
    const imported = ok(JSON.stringify(params));
    expect(buildRequest(imported.state)).toEqual(params);
    expect(imported.state.message).toBe("second");
    expect(imported.state.conversation).toHaveLength(2);
    expect(imported.state.stream).toBe(true);
    expect(imported.notes).toEqual([]);

    // Ending on an assistant turn (a paused turn to resume): it stays, the message is empty.
    const paused = ok(JSON.stringify({ ...params, messages: params.messages.slice(0, 2) }));
    expect(paused.state.message).toBe("");
    expect(buildRequest(paused.state).messages).toEqual(params.messages.slice(0, 2));
  });

  it("our own curl export comes back to the same request, tokens left for the person to enter", () => {
    const params = buildRequest(createDefaultState(sequentialIds(), "http://localhost:3000"));
    const imported = ok(generateSnippet("curl", { ...params, system: "Costs $5 `now` \\ later" }));
    const { mcp_servers, ...rest } = buildRequest(imported.state);
    expect(rest).toEqual({
      ...params,
      mcp_servers: undefined,
      system: "Costs $5 `now` \\ later",
    } as unknown as typeof rest);
    expect(mcp_servers?.[1]).toEqual({
      type: "url",
      url: "http://localhost:3000/api/demo-mcp/tasks",
      name: "tasks",
    });
    expect(imported.notes).toEqual([
      "tasks: the token was the variable $MCP_TOKEN_TASKS; enter the real token.",
    ]);
  });

  it("reads curl the way the API docs and other tools write it", () => {
    const command = `curl https://api.anthropic.com/v1/messages \\
  --header "Content-Type: application/json" \\
  -H "X-API-Key: $ANTHROPIC_API_KEY" \\
  -H 'anthropic-version: 2023-06-01' \\
  -H "anthropic-beta: mcp-client-2025-11-20" \\
  --data-raw '{
    "model": "claude-opus-4-6",
    "max_tokens": 1000,
    "messages": [{"role": "user", "content": "What tools do you have available?"}],
    "mcp_servers": [{"type": "url", "url": "https://example-server.modelcontextprotocol.io/sse", "name": "example-mcp", "authorization_token": "YOUR_TOKEN"}],
    "tools": [{"type": "mcp_toolset", "mcp_server_name": "example-mcp"}]
  }'`;
    const { state } = ok(command);
    expect(state.beta).toBe("mcp-client-2025-11-20");
    expect(state.servers[0]).toMatchObject({
      name: "example-mcp",
      // A docs placeholder is flagged, not imported as a token.
      authorizationToken: "",
      configs: [],
    });
    expect(
      ok(
        `curl --data='{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"x"}]}' https://x`,
      ).state.message,
    ).toBe("x");
    expect(
      ok(
        `curl -d "{\\"model\\":\\"m\\",\\"max_tokens\\":1,\\"messages\\":[{\\"role\\":\\"user\\",\\"content\\":\\"q\\"}]}"`,
      ).state.message,
    ).toBe("q");
  });

  it("migrates the deprecated 2025-04-04 shape and says what changed", () => {
    const { state, notes } = ok(
      JSON.stringify({
        model: "claude-sonnet-4-5",
        max_tokens: 500,
        messages: [{ role: "user", content: "hi" }],
        betas: ["mcp-client-2025-04-04"],
        mcp_servers: [
          {
            type: "url",
            url: "https://a.dev/mcp",
            name: "a",
            tool_configuration: { enabled: true, allowed_tools: ["search", "read"] },
          },
          {
            type: "url",
            url: "https://b.dev/mcp",
            name: "b",
            tool_configuration: { enabled: false },
          },
          { type: "url", url: "https://c.dev/mcp", name: "c" },
        ],
      }),
    );
    expect(state.beta).toBe("mcp-client-2025-11-20");
    const request = buildRequest(state);
    expect(request.tools).toEqual([
      {
        type: "mcp_toolset",
        mcp_server_name: "a",
        default_config: { enabled: false },
        configs: { search: { enabled: true }, read: { enabled: true } },
      },
      { type: "mcp_toolset", mcp_server_name: "b", default_config: { enabled: false } },
      { type: "mcp_toolset", mcp_server_name: "c" },
    ]);
    expect(notes).toEqual([
      "a: allowed_tools [search, read] became an allowlist (default off, those on).",
      "b: tool_configuration.enabled false became default_config.enabled false.",
      "c: it had no mcp_toolset; one enabling every tool was added (the API requires one per server).",
      "The beta was upgraded from mcp-client-2025-04-04 to mcp-client-2025-11-20.",
      'Stream is now off: the request has no "stream": true. Turn Stream on for server-sent events.',
    ]);
  });

  it("names where a bad input goes wrong, and never throws", () => {
    const error = (text: string) => {
      const result = importRequest(text, sequentialIds());
      expect(result.success).toBe(false);
      return result.success ? "" : result.error;
    };
    expect(error("")).toContain("Paste");
    expect(error('{"model": "m",\n  "max_tokens": }')).toMatch(/line 2, column/);
    expect(error('{"model": 5, "max_tokens": 1, "messages": []}')).toBe(
      "model: expected a string.",
    );
    expect(
      error(
        '{"model": "m", "max_tokens": 1, "messages": [{"role":"user","content":"x"}], "mcp_servers": [{"name": "a"}]}',
      ),
    ).toBe("mcp_servers.0.url: expected a string.");
    expect(error("curl 'unclosed")).toContain("not closed");
    expect(error("curl https://x")).toContain("no request body");
    for (const garbage of [
      "null",
      "[]",
      "42",
      '"x"',
      "curl",
      "{",
      "curl -H",
      "curl -d @file.json",
    ]) {
      expect(() => importRequest(garbage, sequentialIds())).not.toThrow();
      expect(importRequest(garbage, sequentialIds()).success).toBe(false);
    }
  });

  it("says it when the imported request turns Stream off, and flags a docs placeholder token", () => {
    const body = {
      model: "claude-opus-4-6",
      max_tokens: 1024,
      messages: [{ role: "user", content: "hi" }],
      mcp_servers: [
        {
          type: "url",
          url: "https://a.example.com/mcp",
          name: "a",
          authorization_token: "YOUR_TOKEN",
        },
        {
          type: "url",
          url: "https://b.example.com/mcp",
          name: "b",
          authorization_token: "your-api-key-here",
        },
        {
          type: "url",
          url: "https://c.example.com/mcp",
          name: "c",
          authorization_token: "sk-live-9f3a",
        },
      ],
      tools: ["a", "b", "c"].map((name) => ({ type: "mcp_toolset", mcp_server_name: name })),
      betas: ["mcp-client-2025-11-20"],
    };
    const curl = `curl https://api.anthropic.com/v1/messages -H "content-type: application/json" -d '${JSON.stringify(body)}'`;
    const imported = ok(curl);
    expect(imported.state.stream).toBe(false);
    expect(imported.notes).toContain(
      'Stream is now off: the request has no "stream": true. Turn Stream on for server-sent events.',
    );
    expect(imported.state.servers.map((server) => server.authorizationToken)).toEqual([
      "",
      "",
      "sk-live-9f3a",
    ]);
    expect(
      imported.notes.filter((note) => note.includes("placeholder from documentation")),
    ).toHaveLength(2);
    expect(describeImported(imported.state)).toBe(
      "claude-opus-4-6 · 3 servers (a, b, c) · not streamed",
    );
  });
});
