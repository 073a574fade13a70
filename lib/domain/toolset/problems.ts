// What the validator reports and how: the problem codes, the report callback every rule family
// writes to, and the helpers they share. The rules themselves are in lib/domain/toolset/rules/.

/** "info": worth knowing, nothing to fix (e.g. loopback http:// with the emulator). */
export type Severity = "error" | "warning" | "info";

export const PROBLEM_CODES = [
  "invalid_request",
  "extra_input",
  "missing_mcp_beta",
  "deprecated_mcp_beta",
  "toolset_needs_beta",
  "pinned_tools_need_beta",
  "legacy_tool_configuration",
  "server_type",
  "url_invalid",
  "url_not_https",
  "url_loopback_http",
  "name_empty",
  "name_duplicate",
  "toolset_server_missing",
  "server_unreferenced",
  "server_multiple_toolsets",
  "all_tools_deferred",
  "tool_search_deferred",
  "deferred_without_tool_search",
  "deferred_with_cache_control",
  "cache_control_invalid",
  "too_many_cache_breakpoints",
  "unknown_tool",
  "lookalike_tool",
  "hidden_characters_in_tool_name",
  "destructive_tool_open",
  "task_required_tool_enabled",
  "no_tool_enabled",
  "too_many_deferred_tools",
  "too_many_definition_bytes",
  "empty_text",
  "listing_needs_beta",
  "listing_server_unknown",
  "tool_change_needs_beta",
  "tool_reference_unresolved",
  "tool_name_conflict",
  "request_option_invalid",
  "request_option_unsupported",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  severity: Severity;
  /** Where, in the API's own notation: `mcp_servers.0.url`, `tools.1.configs.search_events`. */
  path: string;
  message: string;
  code: ProblemCode;
  /** The API's own error text, where it is known (the emulator answers with it). */
  apiMessage?: string;
}

export type ValidationTarget = "anthropic" | "emulator";

export interface ValidationContext {
  /** The real API takes https:// only; the emulator also takes loopback http:// (with a warning). */
  target?: ValidationTarget;
  /** Tool names each server really lists, by server name, once discovered. */
  serverTools?: Readonly<Record<string, readonly string[]>>;
  /** Tools whose annotations say destructiveHint, by server name. */
  destructiveTools?: Readonly<Record<string, readonly string[]>>;
  /** Tools whose `execution.taskSupport` is "required" (callable only as MCP tasks), by server name. */
  taskRequiredTools?: Readonly<Record<string, readonly string[]>>;
  /** Each discovered tool's definition, by server name (what the 4 MB limit is counted over). */
  toolDefinitions?: Readonly<Record<string, readonly ToolDefinition[]>>;
}

/** A tool's definition as a server lists it (the fields the API's size limit counts). */
export interface ToolDefinition {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: unknown;
  outputSchema?: unknown;
  annotations?: unknown;
}

export type Report = (
  severity: Severity,
  code: ProblemCode,
  path: string,
  message: string,
  apiMessage?: string,
) => void;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function reportExtraKeys(
  value: JsonObject,
  allowed: Set<string>,
  path: string,
  report: Report,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      report(
        "error",
        "extra_input",
        `${path}.${key}`,
        `${path}.${key}: Extra inputs are not permitted.`,
      );
    }
  }
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...problems].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
