// The MCP betas the validator knows, and how a request names them.

export const MCP_BETA_CURRENT = "mcp-client-2025-11-20";
export const MCP_BETA_PINNING = "mcp-client-2026-09-15";
export const MCP_BETA_DEPRECATED = "mcp-client-2025-04-04";
export const BETAS_RELAXING_DEFERRAL = [
  "inline-tools-2026-09-15",
  "mid-conversation-tool-changes-2026-07-01",
];
export const TOOL_SEARCH_TYPES = new Set([
  "tool_search_tool_regex_20251119",
  "tool_search_tool_bm25_20251119",
  "tool_search_tool_regex",
  "tool_search_tool_bm25",
]);

/** The betas of a request: a list, or the header's comma-separated form. */
export function readBetas(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((beta): beta is string => typeof beta === "string");
  if (typeof value === "string") return value.split(",").map((beta) => beta.trim());
  return [];
}
