// One-click toolset patterns, each producing exactly the shape the API docs show:
// all tools (no config), allowlist (default off, picks on), denylist (picks off), mixed (default
// off and deferred, picks on).
import type { ServerDraft, ToolConfigDraft, ToolFlags } from "./types";

export const TOOLSET_PATTERNS = ["all", "allowlist", "denylist", "mixed"] as const;
export type ToolsetPattern = (typeof TOOLSET_PATTERNS)[number];

export const PATTERN_LABELS: Record<ToolsetPattern, string> = {
  all: "All tools",
  allowlist: "Allowlist",
  denylist: "Denylist",
  mixed: "Mixed",
};

export const PATTERN_HINTS: Record<ToolsetPattern, string> = {
  all: "Every tool enabled, none deferred.",
  allowlist: "Everything off; the tools you list are on.",
  denylist: "Everything on; the tools you list are off.",
  mixed: "Everything off and deferred; the tools you list are on.",
};

export function applyPattern(server: ServerDraft, pattern: ToolsetPattern): ServerDraft {
  const pick =
    (flags: ToolFlags) =>
    (row: ToolConfigDraft): ToolConfigDraft => ({
      id: row.id,
      tool: row.tool,
      ...flags,
    });
  switch (pattern) {
    case "all":
      return { ...server, defaultConfig: {}, configs: [] };
    case "allowlist":
      return {
        ...server,
        defaultConfig: { enabled: false },
        configs: server.configs.map(pick({ enabled: true })),
      };
    case "denylist":
      return {
        ...server,
        defaultConfig: {},
        configs: server.configs.map(pick({ enabled: false })),
      };
    case "mixed":
      return {
        ...server,
        defaultConfig: { enabled: false, deferLoading: true },
        configs: server.configs.map((row) => ({
          ...pick({ enabled: true })(row),
          deferLoading: row.deferLoading,
        })),
      };
  }
}

/** Which pattern the server's settings currently match, or "custom". */
export function detectPattern(server: ServerDraft): ToolsetPattern | "custom" {
  const { enabled, deferLoading } = server.defaultConfig;
  const rows = server.configs;
  const rowsAre = (test: (row: ToolConfigDraft) => boolean) => rows.every(test);
  if (enabled === undefined && deferLoading === undefined && rows.length === 0) return "all";
  if (
    enabled === false &&
    deferLoading === undefined &&
    rowsAre((r) => r.enabled === true && r.deferLoading === undefined)
  ) {
    return "allowlist";
  }
  if (
    enabled === undefined &&
    deferLoading === undefined &&
    rows.length > 0 &&
    rowsAre((r) => r.enabled === false && r.deferLoading === undefined)
  ) {
    return "denylist";
  }
  if (enabled === false && deferLoading === true && rowsAre((r) => r.enabled === true))
    return "mixed";
  return "custom";
}
