// The MCP connector's validation rules, applied to any request body (not only what the composer
// makes: imports feed it too). Where the API's own error text is known it is quoted; where the
// real behaviour is unconfirmed the message says so rather than claiming more than the sources do.
import { validateHistoryBlocks } from "./validate-history";
import { nameSet, resolveTool, tallyToolset, type ToolsetLayers } from "./merge";

export type Severity = "error" | "warning";

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
  "destructive_tool_open",
  "no_tool_enabled",
  "too_many_deferred_tools",
  "empty_text",
  "listing_needs_beta",
  "listing_server_unknown",
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
}

export const MCP_BETA_CURRENT = "mcp-client-2025-11-20";
export const MCP_BETA_PINNING = "mcp-client-2026-09-15";
export const MCP_BETA_DEPRECATED = "mcp-client-2025-04-04";
const BETAS_RELAXING_DEFERRAL = [
  "inline-tools-2026-09-15",
  "mid-conversation-tool-changes-2026-07-01",
];
const TOOL_SEARCH_TYPES = new Set([
  "tool_search_tool_regex_20251119",
  "tool_search_tool_bm25_20251119",
  "tool_search_tool_regex",
  "tool_search_tool_bm25",
]);
const MAX_CACHE_BREAKPOINTS = 4;
const MAX_DEFERRED_TOOLS = 10_000;

const SERVER_KEYS = new Set(["type", "url", "name", "authorization_token", "tool_configuration"]);
const TOOLSET_KEYS = new Set([
  "type",
  "mcp_server_name",
  "default_config",
  "configs",
  "cache_control",
  "tools",
]);
const TOOL_CONFIG_KEYS = new Set(["enabled", "defer_loading"]);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function validateRequest(request: unknown, context: ValidationContext = {}): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (severity, code, path, message, apiMessage) => {
    problems.push(
      apiMessage
        ? { severity, code, path, message, apiMessage }
        : { severity, code, path, message },
    );
  };

  if (!isObject(request)) {
    report("error", "invalid_request", "", "The request body must be a JSON object.");
    return problems;
  }

  validateBasics(request, report);

  const betas = readBetas(request.betas);
  const hasCurrentBeta = betas.includes(MCP_BETA_CURRENT) || betas.includes(MCP_BETA_PINNING);
  const hasDeprecatedBeta = betas.includes(MCP_BETA_DEPRECATED);
  const servers = Array.isArray(request.mcp_servers) ? request.mcp_servers : undefined;
  const tools = Array.isArray(request.tools) ? request.tools : [];

  if (request.mcp_servers !== undefined && !servers) {
    report("error", "invalid_request", "mcp_servers", "mcp_servers: Input should be a valid list.");
  }
  if (request.tools !== undefined && !Array.isArray(request.tools)) {
    report("error", "invalid_request", "tools", "tools: Input should be a valid list.");
  }

  // Beta gate: without an MCP beta the API does not know the field at all.
  if (servers && !hasCurrentBeta && !hasDeprecatedBeta) {
    report(
      "error",
      "missing_mcp_beta",
      "betas",
      `mcp_servers: Extra inputs are not permitted. The API answers this 400 when the MCP beta is missing: add betas: ['${MCP_BETA_CURRENT}'] (header anthropic-beta).`,
      "mcp_servers: Extra inputs are not permitted",
    );
  }
  if (hasDeprecatedBeta && !hasCurrentBeta) {
    report(
      "warning",
      "deprecated_mcp_beta",
      "betas",
      `'${MCP_BETA_DEPRECATED}' is deprecated. Upgrade to '${MCP_BETA_CURRENT}', which configures tools with an mcp_toolset per server.`,
    );
  } else if (hasDeprecatedBeta && hasCurrentBeta) {
    report(
      "warning",
      "deprecated_mcp_beta",
      "betas",
      `'${MCP_BETA_DEPRECATED}' is deprecated and not needed beside '${MCP_BETA_CURRENT}'; remove it.`,
    );
  }

  const serverNames = validateServers(servers ?? [], { hasCurrentBeta, context, report });
  const toolsets = collectToolsets(tools, { betas, hasCurrentBeta, report });
  validateReferences(servers ?? [], serverNames, toolsets, hasCurrentBeta, report);
  validateDeferral(tools, toolsets, betas, context, report);
  validateCacheControl(request, tools, report);
  for (const problem of validateHistoryBlocks(request.messages, {
    pinningBeta: betas.includes(MCP_BETA_PINNING),
    serverNames: new Set(serverNames.keys()),
  }))
    report("error", problem.code, problem.path, problem.message);
  return problems;
}

type Report = (
  severity: Severity,
  code: ProblemCode,
  path: string,
  message: string,
  apiMessage?: string,
) => void;

function validateBasics(request: JsonObject, report: Report): void {
  if (typeof request.model !== "string" || request.model.trim() === "") {
    report(
      "error",
      "invalid_request",
      "model",
      "model: Field required. Choose a model id, e.g. claude-opus-4-6.",
    );
  }
  const maxTokens = request.max_tokens;
  if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1) {
    report(
      "error",
      "invalid_request",
      "max_tokens",
      "max_tokens: Input should be a whole number of at least 1.",
    );
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    report("error", "invalid_request", "messages", "messages: At least one message is required.");
    return;
  }
  request.messages.forEach((message, index) => {
    if (!isObject(message)) {
      report(
        "error",
        "invalid_request",
        `messages.${index}`,
        `messages.${index}: Input should be an object.`,
      );
      return;
    }
    const content = message.content;
    const emptyString = typeof content === "string" && content.trim() === "";
    const emptyBlocks =
      Array.isArray(content) &&
      content.some((block) => isObject(block) && block.type === "text" && block.text === "");
    if (emptyString || emptyBlocks || (Array.isArray(content) && content.length === 0)) {
      report(
        "error",
        "empty_text",
        `messages.${index}.content`,
        "messages: text content blocks must be non-empty. Write a message.",
      );
    }
  });
}

function readBetas(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((beta): beta is string => typeof beta === "string");
  // The header form: several betas comma-separated.
  if (typeof value === "string") return value.split(",").map((beta) => beta.trim());
  return [];
}

function validateServers(
  servers: unknown[],
  options: { hasCurrentBeta: boolean; context: ValidationContext; report: Report },
): Map<string, number> {
  const { context, report } = options;
  const names = new Map<string, number>();
  servers.forEach((server, index) => {
    const path = `mcp_servers.${index}`;
    if (!isObject(server)) {
      report("error", "invalid_request", path, `${path}: Input should be an object.`);
      return;
    }
    reportExtraKeys(server, SERVER_KEYS, path, report);
    if (server.type !== "url") {
      report(
        "error",
        "server_type",
        `${path}.type`,
        `${path}.type: Input should be 'url' (the only supported type).`,
      );
    }

    const name = typeof server.name === "string" ? server.name : "";
    if (name.trim() === "") {
      report(
        "error",
        "name_empty",
        `${path}.name`,
        `${path}.name: Every MCP server needs a name; its mcp_toolset refers to it.`,
      );
    } else if (names.has(name)) {
      report(
        "error",
        "name_duplicate",
        `${path}.name`,
        `MCP server name '${name}' is used twice (mcp_servers.${names.get(name)} and ${path}). Names must be unique: rename one.`,
      );
    } else {
      names.set(name, index);
    }

    validateServerUrl(server.url, `${path}.url`, name, context.target ?? "anthropic", report);

    if (
      server.authorization_token !== undefined &&
      server.authorization_token !== null &&
      typeof server.authorization_token !== "string"
    ) {
      report(
        "error",
        "invalid_request",
        `${path}.authorization_token`,
        `${path}.authorization_token: Input should be a string.`,
      );
    }
    if (
      server.tool_configuration !== undefined &&
      server.tool_configuration !== null &&
      options.hasCurrentBeta
    ) {
      report(
        "warning",
        "legacy_tool_configuration",
        `${path}.tool_configuration`,
        `tool_configuration is the deprecated ${MCP_BETA_DEPRECATED} shape. Under ${MCP_BETA_CURRENT} set enabled tools in this server's mcp_toolset instead (how the API treats a leftover tool_configuration is unconfirmed).`,
      );
    }
  });
  return names;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return (
    LOOPBACK_HOSTS.has(hostname) ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname) ||
    hostname.endsWith(".localhost")
  );
}

function validateServerUrl(
  value: unknown,
  path: string,
  name: string,
  target: ValidationTarget,
  report: Report,
): void {
  const label = name ? `MCP server '${name}'` : "This MCP server";
  if (typeof value !== "string" || value.trim() === "") {
    report(
      "error",
      "url_invalid",
      path,
      `${path}: ${label} needs a URL, e.g. https://mcp.example.com/mcp.`,
    );
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    report(
      "error",
      "url_invalid",
      path,
      `${path}: '${value}' is not a valid URL. Use a full address such as https://mcp.example.com/mcp.`,
    );
    return;
  }
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && target === "emulator" && isLoopbackHost(url.hostname)) {
    report(
      "warning",
      "url_loopback_http",
      path,
      `${label} uses http:// on this machine: fine for the emulator; the real API needs https://.`,
    );
    return;
  }
  report(
    "error",
    "url_not_https",
    path,
    `${path}: ${label}'s URL must start with https:// (the API accepts only https:// MCP servers).`,
  );
}

interface ToolsetInfo {
  index: number;
  serverName: string;
  layers: ToolsetLayers;
  cacheControl: unknown;
}

function collectToolsets(
  tools: unknown[],
  options: { betas: string[]; hasCurrentBeta: boolean; report: Report },
): ToolsetInfo[] {
  const { report } = options;
  const toolsets: ToolsetInfo[] = [];
  tools.forEach((tool, index) => {
    const path = `tools.${index}`;
    if (!isObject(tool) || tool.type !== "mcp_toolset") return;
    if (!options.hasCurrentBeta) {
      report(
        "error",
        "toolset_needs_beta",
        path,
        `${path}: mcp_toolset needs the '${MCP_BETA_CURRENT}' beta. Without it the API rejects this tool type (exact text unconfirmed).`,
      );
    }
    reportExtraKeys(tool, TOOLSET_KEYS, path, report);
    const serverName = typeof tool.mcp_server_name === "string" ? tool.mcp_server_name : "";
    if (serverName === "") {
      report(
        "error",
        "invalid_request",
        `${path}.mcp_server_name`,
        `${path}.mcp_server_name: Field required; name the MCP server this toolset configures.`,
      );
    }
    if (
      tool.tools !== undefined &&
      tool.tools !== null &&
      !options.betas.includes(MCP_BETA_PINNING)
    ) {
      report(
        "error",
        "pinned_tools_need_beta",
        `${path}.tools`,
        `${path}.tools: a pinned tool list needs the '${MCP_BETA_PINNING}' beta.`,
      );
    }
    const layers: ToolsetLayers = {};
    if (tool.default_config !== undefined) {
      const flags = readToolConfig(tool.default_config, `${path}.default_config`, report);
      if (flags) layers.default_config = flags;
    }
    if (tool.configs !== undefined && tool.configs !== null) {
      if (!isObject(tool.configs)) {
        report(
          "error",
          "invalid_request",
          `${path}.configs`,
          `${path}.configs: Input should be an object keyed by tool name.`,
        );
      } else {
        const configs: NonNullable<ToolsetLayers["configs"]> = {};
        for (const [toolName, config] of Object.entries(tool.configs)) {
          const flags = readToolConfig(config, `${path}.configs.${toolName}`, report);
          if (flags) configs[toolName] = flags;
        }
        layers.configs = configs;
      }
    }
    toolsets.push({ index, serverName, layers, cacheControl: tool.cache_control });
  });
  return toolsets;
}

function readToolConfig(
  value: unknown,
  path: string,
  report: Report,
): { enabled?: boolean; defer_loading?: boolean } | undefined {
  if (!isObject(value)) {
    report(
      "error",
      "invalid_request",
      path,
      `${path}: Input should be an object with enabled and/or defer_loading.`,
    );
    return undefined;
  }
  reportExtraKeys(value, TOOL_CONFIG_KEYS, path, report);
  const flags: { enabled?: boolean; defer_loading?: boolean } = {};
  for (const key of ["enabled", "defer_loading"] as const) {
    const field = value[key];
    if (field === undefined) continue;
    if (typeof field === "boolean") flags[key] = field;
    else
      report(
        "error",
        "invalid_request",
        `${path}.${key}`,
        `${path}.${key}: Input should be a valid boolean.`,
      );
  }
  return flags;
}

function validateReferences(
  servers: unknown[],
  serverNames: Map<string, number>,
  toolsets: ToolsetInfo[],
  hasCurrentBeta: boolean,
  report: Report,
): void {
  const referencedBy = new Map<string, number[]>();
  for (const toolset of toolsets) {
    if (toolset.serverName === "") continue;
    if (!serverNames.has(toolset.serverName)) {
      report(
        "error",
        "toolset_server_missing",
        `tools.${toolset.index}.mcp_server_name`,
        `tools.${toolset.index}: mcp_toolset names MCP server '${toolset.serverName}', which is not defined in mcp_servers. Add the server or fix the name.`,
      );
      continue;
    }
    const list = referencedBy.get(toolset.serverName) ?? [];
    list.push(toolset.index);
    referencedBy.set(toolset.serverName, list);
  }
  for (const [name, indexes] of referencedBy) {
    if (indexes.length > 1) {
      report(
        "error",
        "server_multiple_toolsets",
        `tools.${indexes[1]}`,
        `MCP server '${name}' is referenced by ${indexes.length} mcp_toolsets (tools.${indexes.join(", tools.")}). Each server takes exactly one toolset: merge them.`,
      );
    }
  }
  // Under the deprecated beta, servers configure themselves with tool_configuration; no toolset needed.
  if (!hasCurrentBeta) return;
  for (const [name, index] of serverNames) {
    if (referencedBy.has(name) || !isObject(servers[index])) continue;
    report(
      "error",
      "server_unreferenced",
      `mcp_servers.${index}`,
      `MCP server '${name}' is defined but not referenced by any \`mcp_toolset\` in \`tools\`. Add {"type": "mcp_toolset", "mcp_server_name": "${name}"} to tools.`,
      `MCP server '${name}' is defined but not referenced by any \`mcp_toolset\` in \`tools\`.`,
    );
  }
}

function validateDeferral(
  tools: unknown[],
  toolsets: ToolsetInfo[],
  betas: string[],
  context: ValidationContext,
  report: Report,
): void {
  let anyNonDeferred = false;
  let deferredCount = 0;
  let hasToolSearch = false;
  const deferringToolsets: ToolsetInfo[] = [];

  tools.forEach((tool, index) => {
    if (!isObject(tool) || tool.type === "mcp_toolset") return;
    const deferred = tool.defer_loading === true;
    if (typeof tool.type === "string" && TOOL_SEARCH_TYPES.has(tool.type)) {
      hasToolSearch = true;
      if (deferred) {
        report(
          "error",
          "tool_search_deferred",
          `tools.${index}.defer_loading`,
          `tools.${index}: the tool search tool must never be deferred; remove defer_loading: true from it.`,
        );
      }
    }
    if (deferred) {
      deferredCount += 1;
      if (isObject(tool.cache_control)) {
        report(
          "error",
          "deferred_with_cache_control",
          `tools.${index}.cache_control`,
          `tools.${index}: a tool with defer_loading: true cannot also carry cache_control. Remove one of them.`,
        );
      }
    } else {
      anyNonDeferred = true;
    }
  });

  for (const toolset of toolsets) {
    const known = context.serverTools?.[toolset.serverName];
    const tally = tallyToolset(toolset.layers, known);
    if (tally.upFront > 0 || tally.othersUpFront) anyNonDeferred = true;
    deferredCount += tally.deferred;
    const othersDeferred = tally.othersDeferred;
    if (tally.deferred > 0 || othersDeferred) deferringToolsets.push(toolset);

    const noneEnabled =
      tally.upFront + tally.deferred === 0 && !tally.othersUpFront && !othersDeferred;
    if (noneEnabled && (known === undefined || known.length > 0)) {
      report(
        "warning",
        "no_tool_enabled",
        `tools.${toolset.index}`,
        `No tool of MCP server '${toolset.serverName}' is enabled, so the model can use none of them. Enable at least one in configs, or remove the server.`,
      );
    }
    const unknownConfigNames =
      known && toolset.layers.configs ? unknownNames(toolset.layers.configs, known) : [];
    if (toolset.layers.default_config?.enabled !== false) {
      for (const name of context.destructiveTools?.[toolset.serverName] ?? []) {
        if (!resolveTool(toolset.layers, name).enabled.value) continue;
        report(
          "warning",
          "destructive_tool_open",
          `tools.${toolset.index}.configs.${name}`,
          `'${name}' of MCP server '${toolset.serverName}' is marked destructive and is enabled: every tool a denylist does not name stays open. Disable it, or switch to an allowlist.`,
        );
      }
    }
    for (const name of unknownConfigNames) {
      report(
        "warning",
        "unknown_tool",
        `tools.${toolset.index}.configs.${name}`,
        `MCP server '${toolset.serverName}' does not list a tool named '${name}'. The API ignores this entry (a backend warning, not an error): check the spelling.`,
      );
    }
    if (othersDeferred && isObject(toolset.cacheControl)) {
      report(
        "warning",
        "deferred_with_cache_control",
        `tools.${toolset.index}.cache_control`,
        `tools.${toolset.index}: cache_control on a toolset whose tools are deferred by default may be refused (the API forbids cache_control on deferred tools; for toolsets this is unconfirmed).`,
      );
    }
  }

  const relaxed = betas.some((beta) => BETAS_RELAXING_DEFERRAL.includes(beta));
  if (!anyNonDeferred && (deferringToolsets.length > 0 || deferredCount > 0) && !relaxed) {
    report(
      "error",
      "all_tools_deferred",
      "tools",
      "At least one tool must have defer_loading=false. All tools cannot be deferred. Add a tool search tool (never deferred) or set defer_loading: false on a tool.",
      "At least one tool must have defer_loading=false. All tools cannot be deferred.",
    );
  }
  if (deferringToolsets.length > 0 && !hasToolSearch) {
    for (const toolset of deferringToolsets) {
      report(
        "warning",
        "deferred_without_tool_search",
        `tools.${toolset.index}`,
        `MCP server '${toolset.serverName}' has deferred tools but the request has no tool search tool, so the model cannot discover them. Add tool_search_tool_regex or tool_search_tool_bm25.`,
      );
    }
  }
  if (deferredCount > MAX_DEFERRED_TOOLS) {
    report(
      "error",
      "too_many_deferred_tools",
      "tools",
      `${deferredCount} deferred tools: the API allows at most ${MAX_DEFERRED_TOOLS.toLocaleString("en-US")} (error_code available_tools_limit_exceeded).`,
    );
  }
}

function unknownNames(configs: Record<string, unknown>, known: readonly string[]): string[] {
  const listed = nameSet(known);
  return Object.keys(configs).filter((name) => !listed.has(name));
}

function validateCacheControl(request: JsonObject, tools: unknown[], report: Report): void {
  const breakpoints: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (!isObject(value) || value.cache_control === undefined || value.cache_control === null)
      return;
    breakpoints.push(path);
    const cacheControl = value.cache_control;
    const valid =
      isObject(cacheControl) &&
      cacheControl.type === "ephemeral" &&
      (cacheControl.ttl === undefined || cacheControl.ttl === "5m" || cacheControl.ttl === "1h");
    if (!valid) {
      report(
        "error",
        "cache_control_invalid",
        `${path}.cache_control`,
        `${path}.cache_control: Input should be {"type": "ephemeral"} with an optional ttl of "5m" or "1h".`,
      );
    }
  };
  if (Array.isArray(request.system))
    request.system.forEach((block, i) => visit(block, `system.${i}`));
  tools.forEach((tool, i) => visit(tool, `tools.${i}`));
  if (Array.isArray(request.messages)) {
    request.messages.forEach((message, i) => {
      if (isObject(message) && Array.isArray(message.content)) {
        message.content.forEach((block, j) => visit(block, `messages.${i}.content.${j}`));
      }
    });
  }
  if (breakpoints.length > MAX_CACHE_BREAKPOINTS) {
    report(
      "error",
      "too_many_cache_breakpoints",
      breakpoints[MAX_CACHE_BREAKPOINTS] ?? "tools",
      `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints.length}.`,
    );
  }
}

function reportExtraKeys(
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
  return [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
}
