// The API's merge, per field: configs[tool] → default_config → system default (enabled: true,
// defer_loading: false). Every effective value carries the layer it came from, so the preview can
// explain itself.
import type { BetaMCPToolset } from "@anthropic-ai/sdk/resources/beta/messages/messages";

export const VALUE_SOURCES = ["configs", "default_config", "default"] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

export const SYSTEM_DEFAULTS = { enabled: true, defer_loading: false } as const;

export interface ResolvedValue {
  value: boolean;
  source: ValueSource;
}

export interface MergedTool {
  name: string;
  enabled: ResolvedValue;
  deferLoading: ResolvedValue;
}

export type ToolsetLayers = Pick<BetaMCPToolset, "default_config" | "configs">;

export interface ToolsetMerge {
  /** One row per tool: the server's tools when known, else the names `configs` mentions. */
  tools: MergedTool[];
  /** What a tool not named in `configs` gets; null when the server's full list is known. */
  otherTools: MergedTool | null;
  /** `configs` keys the server does not list (only when the list is known). */
  unknownConfigNames: string[];
}

export const OTHER_TOOLS_NAME = "*";

export function resolveTool(toolset: ToolsetLayers, name: string): MergedTool {
  const own =
    toolset.configs && Object.hasOwn(toolset.configs, name) ? toolset.configs[name] : undefined;
  return {
    name,
    enabled: resolveField(own?.enabled, toolset.default_config?.enabled, SYSTEM_DEFAULTS.enabled),
    deferLoading: resolveField(
      own?.defer_loading,
      toolset.default_config?.defer_loading,
      SYSTEM_DEFAULTS.defer_loading,
    ),
  };
}

function resolveField(
  fromConfigs: boolean | undefined,
  fromDefaultConfig: boolean | undefined,
  systemDefault: boolean,
): ResolvedValue {
  if (typeof fromConfigs === "boolean") return { value: fromConfigs, source: "configs" };
  if (typeof fromDefaultConfig === "boolean") {
    return { value: fromDefaultConfig, source: "default_config" };
  }
  return { value: systemDefault, source: "default" };
}

/**
 * @param serverToolNames the server's real tool list when discovered; omit it to preview from the
 *   `configs` keys plus an "every other tool" row.
 */
export function mergeToolset(
  toolset: ToolsetLayers,
  serverToolNames?: readonly string[],
): ToolsetMerge {
  const configNames = toolset.configs ? Object.keys(toolset.configs) : [];
  if (!serverToolNames) {
    return {
      tools: configNames.map((name) => resolveTool(toolset, name)),
      otherTools: resolveTool({ default_config: toolset.default_config }, OTHER_TOOLS_NAME),
      unknownConfigNames: [],
    };
  }
  const listed = nameSet(serverToolNames);
  // Most tools have no configs entry: they share one inherited row's values (no per-tool objects).
  const inherited = resolveTool({ default_config: toolset.default_config }, OTHER_TOOLS_NAME);
  const configs = toolset.configs ?? {};
  return {
    tools: serverToolNames.map((name) =>
      Object.hasOwn(configs, name)
        ? resolveTool(toolset, name)
        : { name, enabled: inherited.enabled, deferLoading: inherited.deferLoading },
    ),
    otherTools: null,
    unknownConfigNames: configNames.filter((name) => !listed.has(name)),
  };
}

export interface MergeSummary {
  /** Enabled tools, deferred or not. */
  enabled: number;
  /** Enabled tools that are deferred: withheld until tool search surfaces them. */
  deferred: number;
  /** Enabled tools whose definitions go to the model up front. */
  upFront: number;
  disabled: number;
}

export function summarizeTools(tools: readonly MergedTool[]): MergeSummary {
  const summary: MergeSummary = { enabled: 0, deferred: 0, upFront: 0, disabled: 0 };
  for (const tool of tools) {
    if (!tool.enabled.value) {
      summary.disabled += 1;
      continue;
    }
    summary.enabled += 1;
    if (tool.deferLoading.value) summary.deferred += 1;
    else summary.upFront += 1;
  }
  return summary;
}

export function describeSummary(summary: MergeSummary): string {
  const tools = summary.enabled === 1 ? "tool" : "tools";
  return `${summary.enabled} ${tools} enabled, ${summary.deferred} deferred, ${summary.disabled} disabled`;
}

export interface ToolsetTally {
  /** Enabled tools sent up front (not deferred). */
  upFront: number;
  /** Enabled, deferred tools. */
  deferred: number;
  /** Whether tools beyond the known names (the "every other tool" row) are enabled and up front / deferred. */
  othersUpFront: boolean;
  othersDeferred: boolean;
}

/** The counts the validator needs, without building a row per tool (10,000 tools stay cheap). */
export function tallyToolset(
  toolset: ToolsetLayers,
  serverToolNames?: readonly string[],
): ToolsetTally {
  const configs = toolset.configs ?? {};
  const defaults = toolset.default_config ?? {};
  const baseEnabled = defaults.enabled ?? SYSTEM_DEFAULTS.enabled;
  const baseDeferred = defaults.defer_loading ?? SYSTEM_DEFAULTS.defer_loading;
  const tally: ToolsetTally = {
    upFront: 0,
    deferred: 0,
    othersUpFront: false,
    othersDeferred: false,
  };
  const count = (name: string) => {
    const own = Object.hasOwn(configs, name) ? configs[name] : undefined;
    if (!(own?.enabled ?? baseEnabled)) return;
    if (own?.defer_loading ?? baseDeferred) tally.deferred += 1;
    else tally.upFront += 1;
  };
  if (serverToolNames) {
    for (const name of serverToolNames) count(name);
  } else {
    for (const name of Object.keys(configs)) count(name);
    tally.othersUpFront = baseEnabled && !baseDeferred;
    tally.othersDeferred = baseEnabled && baseDeferred;
  }
  return tally;
}

const nameSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The names of a discovered tool list as a set, built once per list: the preview re-merges on
 * every keystroke while the discovered lists stay the same objects.
 */
export function nameSet(names: readonly string[]): ReadonlySet<string> {
  let set = nameSets.get(names);
  if (!set) {
    set = new Set(names);
    nameSets.set(names, set);
  }
  return set;
}
