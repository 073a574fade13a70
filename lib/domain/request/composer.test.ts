import { describe, expect, it } from "vitest";
import {
  addConfigRow,
  addServer,
  createDefaultState,
  duplicateServer,
  moveServer,
  removeConfigRow,
  removeServer,
  uniqueServerName,
  updateConfigRow,
  withoutTokens,
} from "./composer";
import { applyPattern, detectPattern, TOOLSET_PATTERNS } from "./patterns";
import { buildToolset } from "./build-request";
import { findDraftProblems } from "./draft-problems";
import { fieldIdForPath } from "./field-ids";
import { sequentialIds } from "@/test/support/sequential-ids";

describe("composer edits", () => {
  it("adds servers with unique names, each with its own toolset", () => {
    const newId = sequentialIds();
    let state = createDefaultState(newId);
    state = addServer(addServer(state, newId), newId);
    expect(state.servers.map((s) => s.name)).toEqual(["calendar", "tasks", "server", "server-2"]);
  });

  it("moves, duplicates and removes servers", () => {
    const newId = sequentialIds();
    let state = createDefaultState(newId);
    const [calendar, tasks] = state.servers;
    state = moveServer(state, tasks!.id, -1);
    expect(state.servers.map((s) => s.name)).toEqual(["tasks", "calendar"]);
    expect(moveServer(state, tasks!.id, -1)).toBe(state);
    state = duplicateServer(state, calendar!.id, newId);
    expect(state.servers.map((s) => s.name)).toEqual(["tasks", "calendar", "calendar-copy"]);
    const copy = state.servers[2]!;
    expect(copy.configs.map((r) => r.tool)).toEqual(calendar!.configs.map((r) => r.tool));
    expect(copy.configs.map((r) => r.id)).not.toEqual(calendar!.configs.map((r) => r.id));
    state = removeServer(state, calendar!.id);
    expect(state.servers.map((s) => s.name)).toEqual(["tasks", "calendar-copy"]);
  });

  it("names copies uniquely", () => {
    const servers = [{ name: "a-copy" }, { name: "a-copy-2" }];
    expect(uniqueServerName("a-copy", servers)).toBe("a-copy-3");
  });

  it("adds per-tool rows following the pattern, edits and removes them", () => {
    const newId = sequentialIds();
    let state = createDefaultState(newId);
    const serverId = state.servers[0]!.id;
    state = addConfigRow(state, serverId, newId);
    const row = state.servers[0]!.configs.at(-1)!;
    expect(row.enabled).toBe(true); // allowlist server: new rows are picks "on"
    state = updateConfigRow(state, serverId, row.id, { tool: "create_event", deferLoading: true });
    expect(buildToolset(state.servers[0]!).configs?.create_event).toEqual({
      enabled: true,
      defer_loading: true,
    });
    state = removeConfigRow(state, serverId, row.id);
    expect(buildToolset(state.servers[0]!).configs).not.toHaveProperty("create_event");
  });

  it("strips tokens", () => {
    const newId = sequentialIds();
    const state = createDefaultState(newId);
    state.servers[0]!.authorizationToken = "secret";
    expect(JSON.stringify(withoutTokens(state))).not.toContain("secret");
  });
});

describe("patterns produce the documented shapes", () => {
  const newId = sequentialIds();
  const base = {
    ...createDefaultState(newId).servers[0]!,
    configs: [
      { id: "r1", tool: "search_events", enabled: false, deferLoading: true },
      { id: "r2", tool: "create_event" },
    ],
  };
  it("all tools: no default_config, no configs", () => {
    expect(buildToolset(applyPattern(base, "all"))).toEqual({
      type: "mcp_toolset",
      mcp_server_name: "calendar",
    });
  });
  it("allowlist: default off, picks on", () => {
    expect(buildToolset(applyPattern(base, "allowlist"))).toEqual({
      type: "mcp_toolset",
      mcp_server_name: "calendar",
      default_config: { enabled: false },
      configs: { search_events: { enabled: true }, create_event: { enabled: true } },
    });
  });
  it("denylist: picks off", () => {
    expect(buildToolset(applyPattern(base, "denylist"))).toEqual({
      type: "mcp_toolset",
      mcp_server_name: "calendar",
      configs: { search_events: { enabled: false }, create_event: { enabled: false } },
    });
  });
  it("mixed: default off and deferred, picks on", () => {
    expect(buildToolset(applyPattern(base, "mixed"))).toEqual({
      type: "mcp_toolset",
      mcp_server_name: "calendar",
      default_config: { enabled: false, defer_loading: true },
      configs: {
        search_events: { enabled: true, defer_loading: true },
        create_event: { enabled: true },
      },
    });
  });
  it("each pattern is detected back", () => {
    for (const pattern of TOOLSET_PATTERNS)
      expect(detectPattern(applyPattern(base, pattern))).toBe(pattern);
    expect(detectPattern(base)).toBe("custom");
  });
});

describe("draft problems and field ids", () => {
  it("flags blank and duplicate per-tool rows", () => {
    const newId = sequentialIds();
    const state = createDefaultState(newId);
    const server = state.servers[0]!;
    server.configs.push(
      { id: "blank", tool: " " },
      { id: "dup", tool: "list_events", enabled: false },
    );
    const problems = findDraftProblems(state);
    expect(problems.map((p) => [p.severity, p.code, p.fieldId])).toEqual([
      ["warning", "config_row_blank", `server-${server.id}-config-blank-tool`],
      ["error", "config_row_duplicate", `server-${server.id}-config-dup-tool`],
    ]);
  });

  it("maps API paths to composer fields, tool search offset included", () => {
    const newId = sequentialIds();
    const state = { ...createDefaultState(newId), toolSearch: "regex" as const };
    const server = state.servers[0]!;
    server.configs.push({ id: "dotted", tool: "a.b", enabled: true });
    expect(fieldIdForPath("mcp_servers.0.url", state)).toBe(`server-${server.id}-url`);
    expect(fieldIdForPath("tools.0.defer_loading", state)).toBe("field-tool-search");
    expect(fieldIdForPath("tools.1.default_config.defer_loading", state)).toBe(
      `server-${server.id}-default-defer`,
    );
    expect(fieldIdForPath("tools.1.configs.list_events", state)).toBe(
      `server-${server.id}-config-${server.configs[0]!.id}-tool`,
    );
    expect(fieldIdForPath("tools.1.configs.a.b.enabled", state)).toBe(
      `server-${server.id}-config-dotted-tool`,
    );
    expect(fieldIdForPath("betas", state)).toBe("field-beta");
    expect(fieldIdForPath("messages.0.content", state)).toBe("field-message");
    expect(fieldIdForPath("mcp_servers.9.url", state)).toBeUndefined();
  });
});
