// The mcp_toolset entries of tools: each needs the current beta, known keys, a server name, flags
// that are booleans (a pinned list needs the pinning beta), and together they must reference
// every server exactly once.
import { MCP_BETA_CURRENT, MCP_BETA_PINNING } from "../betas";
import type { ToolsetLayers } from "../merge";
import { isObject, reportExtraKeys, type Report } from "../problems";

const TOOLSET_KEYS = new Set([
  "type",
  "mcp_server_name",
  "default_config",
  "configs",
  "cache_control",
  "tools",
]);
const TOOL_CONFIG_KEYS = new Set(["enabled", "defer_loading"]);

export interface ToolsetInfo {
  index: number;
  serverName: string;
  layers: ToolsetLayers;
  cacheControl: unknown;
}

/** Reads the mcp_toolset entries, reporting what is malformed in each. */
export function collectToolsets(
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

export function validateReferences(
  servers: unknown[],
  serverNames: Map<string, number>,
  toolsets: ToolsetInfo[],
  hasCurrentBeta: boolean,
  report: Report,
  /** Servers a tool_addition defines a toolset for: referenced, though not in `tools`. */
  addedLater: ReadonlySet<string> = new Set(),
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
    if (referencedBy.has(name) || addedLater.has(name) || !isObject(servers[index])) continue;
    report(
      "error",
      "server_unreferenced",
      `mcp_servers.${index}`,
      `MCP server '${name}' is defined but not referenced by any \`mcp_toolset\` in \`tools\`. Add {"type": "mcp_toolset", "mcp_server_name": "${name}"} to tools.`,
      `MCP server '${name}' is defined but not referenced by any \`mcp_toolset\` in \`tools\`.`,
    );
  }
}
