import { describe, expect, it } from "vitest";
import { validateRequest, type Problem } from "./validate";

const server = (name: string, url = `https://${name}.example.com/mcp`) => ({
  type: "url",
  url,
  name,
});
const toolset = (name: string, extra: object = {}) => ({
  type: "mcp_toolset",
  mcp_server_name: name,
  ...extra,
});

function request(overrides: Record<string, unknown> = {}) {
  return {
    model: "claude-opus-4-6",
    max_tokens: 1024,
    messages: [{ role: "user", content: "hello" }],
    betas: ["mcp-client-2025-11-20"],
    mcp_servers: [server("calendar")],
    tools: [toolset("calendar")],
    ...overrides,
  };
}

const codes = (problems: Problem[]) => problems.map((p) => `${p.severity}:${p.code}@${p.path}`);

describe("validateRequest", () => {
  it("accepts the docs' basic request with no problem", () => {
    expect(validateRequest(request())).toEqual([]);
  });

  it("refuses mcp_servers without the MCP beta, with the API's text", () => {
    const problems = validateRequest(request({ betas: undefined }));
    const beta = problems.find((p) => p.code === "missing_mcp_beta");
    expect(beta?.severity).toBe("error");
    expect(beta?.message).toContain("mcp_servers: Extra inputs are not permitted");
    expect(codes(problems)).toContain("error:toolset_needs_beta@tools.0");
  });

  it("accepts the beta given as a comma-separated header value", () => {
    expect(validateRequest(request({ betas: "foo-2025-01-01, mcp-client-2025-11-20" }))).toEqual(
      [],
    );
  });

  it("warns about the deprecated beta and accepts its tool_configuration shape", () => {
    const problems = validateRequest(
      request({
        betas: ["mcp-client-2025-04-04"],
        mcp_servers: [{ ...server("calendar"), tool_configuration: { allowed_tools: ["a"] } }],
        tools: undefined,
      }),
    );
    expect(codes(problems)).toEqual(["warning:deprecated_mcp_beta@betas"]);
  });

  it("flags a toolset sent under the deprecated beta", () => {
    expect(codes(validateRequest(request({ betas: ["mcp-client-2025-04-04"] })))).toContain(
      "error:toolset_needs_beta@tools.0",
    );
  });

  it("requires https:// for the real API", () => {
    const problems = validateRequest(
      request({ mcp_servers: [server("calendar", "http://calendar.example.com/mcp")] }),
    );
    expect(codes(problems)).toEqual(["error:url_not_https@mcp_servers.0.url"]);
    expect(problems[0]?.message).toMatch(/must start with https:\/\//);
    // One apostrophe: "the URL of MCP server 'calendar'", never "'calendar''s URL".
    expect(problems[0]?.message).toContain("the URL of MCP server 'calendar' must start");
    expect(problems[0]?.message).not.toContain("''");
  });

  it("lets the emulator reach loopback http:// (a note, not a warning), but not other http://", () => {
    const loopback = validateRequest(
      request({ mcp_servers: [server("calendar", "http://127.0.0.1:3000/mcp")] }),
      {
        target: "emulator",
      },
    );
    expect(codes(loopback)).toEqual(["info:url_loopback_http@mcp_servers.0.url"]);
    const remote = validateRequest(
      request({ mcp_servers: [server("calendar", "http://example.com/mcp")] }),
      {
        target: "emulator",
      },
    );
    expect(codes(remote)).toEqual(["error:url_not_https@mcp_servers.0.url"]);
  });

  it("refuses a stdio entry for its type, not for its command", () => {
    const problems = validateRequest(
      request({
        mcp_servers: [{ type: "stdio", name: "memory", command: "npx", args: ["server-memory"] }],
        tools: [{ type: "mcp_toolset", mcp_server_name: "memory" }],
      }),
    );
    expect(codes(problems)).toEqual(["error:server_type@mcp_servers.0.type"]);
    expect(problems[0]?.message).toContain("'stdio' servers are not reachable by the connector");
  });

  it("rejects malformed and empty URLs", () => {
    expect(
      codes(validateRequest(request({ mcp_servers: [server("calendar", "not a url")] }))),
    ).toEqual(["error:url_invalid@mcp_servers.0.url"]);
    expect(codes(validateRequest(request({ mcp_servers: [server("calendar", "")] })))).toEqual([
      "error:url_invalid@mcp_servers.0.url",
    ]);
  });

  it("requires non-empty, unique server names", () => {
    const problems = validateRequest(
      request({
        mcp_servers: [server("a"), server("a"), { type: "url", url: "https://x.dev", name: "" }],
        tools: [toolset("a")],
      }),
    );
    expect(codes(problems)).toEqual(
      expect.arrayContaining([
        "error:name_duplicate@mcp_servers.1.name",
        "error:name_empty@mcp_servers.2.name",
      ]),
    );
  });

  it("requires every server to be referenced, with the API's exact text", () => {
    const problems = validateRequest(request({ mcp_servers: [server("calendar"), server("mcp")] }));
    expect(problems).toEqual([
      {
        severity: "error",
        code: "server_unreferenced",
        path: "mcp_servers.1",
        message: expect.stringContaining("Add {") as unknown,
        apiMessage:
          "MCP server 'mcp' is defined but not referenced by any `mcp_toolset` in `tools`.",
      },
    ]);
  });

  it("requires every toolset to name an existing server, and one toolset per server", () => {
    const problems = validateRequest(
      request({ tools: [toolset("calendar"), toolset("calendar"), toolset("ghost")] }),
    );
    expect(codes(problems)).toEqual([
      "error:toolset_server_missing@tools.2.mcp_server_name",
      "error:server_multiple_toolsets@tools.1",
    ]);
  });

  it("requires at least one non-deferred tool, with the docs' text", () => {
    const problems = validateRequest(
      request({ tools: [toolset("calendar", { default_config: { defer_loading: true } })] }),
    );
    const allDeferred = problems.find((p) => p.code === "all_tools_deferred");
    expect(allDeferred?.message).toContain(
      "At least one tool must have defer_loading=false. All tools cannot be deferred.",
    );
    expect(codes(problems)).toContain("warning:deferred_without_tool_search@tools.0");
  });

  it("is satisfied by a tool search tool, which must not itself be deferred", () => {
    const deferred = { default_config: { defer_loading: true } };
    const ok = validateRequest(
      request({
        tools: [
          { type: "tool_search_tool_regex_20251119", name: "tool_search_tool_regex" },
          toolset("calendar", deferred),
        ],
      }),
    );
    expect(ok).toEqual([]);
    const bad = validateRequest(
      request({
        tools: [
          {
            type: "tool_search_tool_bm25_20251119",
            name: "tool_search_tool_bm25",
            defer_loading: true,
          },
          toolset("calendar", deferred),
        ],
      }),
    );
    expect(codes(bad)).toEqual(
      expect.arrayContaining([
        "error:tool_search_deferred@tools.0.defer_loading",
        "error:all_tools_deferred@tools",
      ]),
    );
  });

  it("skips the deferral rule under the inline-tools beta", () => {
    const problems = validateRequest(
      request({
        betas: ["mcp-client-2025-11-20", "inline-tools-2026-09-15"],
        tools: [toolset("calendar", { default_config: { defer_loading: true } })],
      }),
    );
    expect(codes(problems)).not.toContain("error:all_tools_deferred@tools");
  });

  it("counts a non-deferred per-tool config as the one non-deferred tool", () => {
    const problems = validateRequest(
      request({
        tools: [
          { type: "tool_search_tool_regex_20251119", name: "tool_search_tool_regex" },
          toolset("calendar", {
            default_config: { defer_loading: true },
            configs: { a: { defer_loading: false } },
          }),
        ],
      }),
    );
    expect(problems).toEqual([]);
  });

  it("allows at most 4 cache_control breakpoints, with the API's text", () => {
    const cached = { cache_control: { type: "ephemeral", ttl: "5m" } };
    const names = ["a", "b", "c", "d", "e"];
    const problems = validateRequest(
      request({
        mcp_servers: names.map((n) => server(n)),
        tools: names.map((n) => toolset(n, cached)),
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "A maximum of 4 blocks with cache_control may be provided. Found 5.",
    ]);
    const four = validateRequest(
      request({
        mcp_servers: names.slice(0, 4).map((n) => server(n)),
        tools: names.slice(0, 4).map((n) => toolset(n, cached)),
      }),
    );
    expect(four).toEqual([]);
  });

  it("counts breakpoints in system and message blocks too, and checks their shape", () => {
    const cc = { cache_control: { type: "ephemeral" } };
    const problems = validateRequest(
      request({
        system: [
          { type: "text", text: "s", ...cc },
          { type: "text", text: "t", ...cc },
        ],
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: "x", ...cc },
              { type: "text", text: "y", cache_control: { type: "forever" } },
            ],
          },
        ],
        tools: [toolset("calendar", cc)],
      }),
    );
    expect(codes(problems)).toEqual([
      "error:cache_control_invalid@messages.0.content.1.cache_control",
      "error:too_many_cache_breakpoints@messages.0.content.1",
    ]);
  });

  it("forbids cache_control on a deferred tool", () => {
    const problems = validateRequest(
      request({
        tools: [
          toolset("calendar"),
          {
            name: "x",
            input_schema: { type: "object" },
            defer_loading: true,
            cache_control: { type: "ephemeral" },
          },
        ],
      }),
    );
    expect(codes(problems)).toEqual(["error:deferred_with_cache_control@tools.1.cache_control"]);
  });

  it("warns about configs naming tools the server does not list, once discovered", () => {
    const body = request({
      tools: [toolset("calendar", { configs: { serch_events: { enabled: false } } })],
    });
    expect(validateRequest(body)).toEqual([]);
    const problems = validateRequest(body, { serverTools: { calendar: ["search_events"] } });
    expect(codes(problems)).toEqual(["warning:unknown_tool@tools.0.configs.serch_events"]);
  });

  it("warns when a server has no enabled tool", () => {
    const problems = validateRequest(
      request({ tools: [toolset("calendar", { default_config: { enabled: false } })] }),
    );
    expect(codes(problems)).toEqual(["warning:no_tool_enabled@tools.0"]);
  });

  it("refuses more than 10,000 deferred tools", () => {
    const names = Array.from({ length: 10_001 }, (_, i) => `t${i}`);
    const problems = validateRequest(
      request({
        tools: [
          { type: "tool_search_tool_regex_20251119", name: "tool_search_tool_regex" },
          toolset("calendar", { default_config: { defer_loading: true } }),
        ],
      }),
      { serverTools: { calendar: names } },
    );
    expect(codes(problems)).toEqual(["error:too_many_deferred_tools@tools"]);
  });

  it("reports extra inputs and wrong types the way the API does", () => {
    const problems = validateRequest(
      request({
        // Not a type name at all: the fields are judged too (a stdio entry is judged by its type).
        mcp_servers: [{ ...server("calendar"), type: 5, token: "x" }],
        tools: [
          toolset("calendar", {
            default_config: { enabled: "yes", extra: 1 },
            configs: { a: { enable: true } },
          }),
        ],
      }),
    );
    expect(codes(problems)).toEqual([
      "error:extra_input@mcp_servers.0.token",
      "error:server_type@mcp_servers.0.type",
      "error:extra_input@tools.0.default_config.extra",
      "error:invalid_request@tools.0.default_config.enabled",
      "error:extra_input@tools.0.configs.a.enable",
    ]);
    expect(problems[0]?.message).toBe("mcp_servers.0.token: Extra inputs are not permitted.");
  });

  it("checks model, max_tokens and messages, and survives any JSON", () => {
    expect(codes(validateRequest({ model: "", max_tokens: 0, messages: [] }))).toEqual([
      "error:invalid_request@model",
      "error:invalid_request@max_tokens",
      "error:invalid_request@messages",
    ]);
    expect(codes(validateRequest(request({ messages: [{ role: "user", content: "" }] })))).toEqual([
      "error:empty_text@messages.0.content",
    ]);
    for (const garbage of [
      null,
      3,
      "x",
      [],
      { mcp_servers: 5, tools: {} },
      { mcp_servers: [null, 1], tools: [null, 2, "x"] },
    ]) {
      expect(() => validateRequest(garbage)).not.toThrow();
      expect(validateRequest(garbage).length).toBeGreaterThan(0);
    }
  });

  it("warns about a leftover tool_configuration under the current beta", () => {
    const problems = validateRequest(
      request({ mcp_servers: [{ ...server("calendar"), tool_configuration: { enabled: true } }] }),
    );
    expect(codes(problems)).toEqual([
      "warning:legacy_tool_configuration@mcp_servers.0.tool_configuration",
    ]);
  });

  it("rejects a pinned tool list without the 2026-09-15 beta", () => {
    const body = request({
      tools: [toolset("calendar", { tools: [{ name: "a", input_schema: {} }] })],
    });
    expect(codes(validateRequest(body))).toEqual(["error:pinned_tools_need_beta@tools.0.tools"]);
    expect(validateRequest({ ...body, betas: ["mcp-client-2026-09-15"] })).toEqual([]);
  });
});

describe("destructive tools", () => {
  const body = (toolsetExtra: object) => ({
    model: "m",
    max_tokens: 1,
    messages: [{ role: "user", content: "x" }],
    betas: ["mcp-client-2025-11-20"],
    mcp_servers: [{ type: "url", url: "https://c.dev/mcp", name: "calendar" }],
    tools: [{ type: "mcp_toolset", mcp_server_name: "calendar", ...toolsetExtra }],
  });
  const context = {
    serverTools: { calendar: ["list_events", "delete_all_events", "share_calendar_publicly"] },
    destructiveTools: { calendar: ["delete_all_events", "share_calendar_publicly"] },
  };
  it("warns about a destructive tool a denylist leaves open", () => {
    const problems = validateRequest(
      body({ configs: { delete_all_events: { enabled: false } } }),
      context,
    );
    expect(problems.map((p) => `${p.code}@${p.path}`)).toEqual([
      "destructive_tool_open@tools.0.configs.share_calendar_publicly",
    ]);
  });
  it("says nothing under an allowlist", () => {
    expect(
      validateRequest(
        body({ default_config: { enabled: false }, configs: { list_events: { enabled: true } } }),
        context,
      ),
    ).toEqual([]);
  });
});
