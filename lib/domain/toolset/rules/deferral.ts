// defer_loading across the request: at least one tool up front (unless a beta relaxes it), the
// tool search tool never deferred and present when tools are, no cache_control on deferred tools,
// at most 10,000 deferred; and per toolset, the tools a person should hear about (none enabled,
// a destructive one left open, names the server does not list).
import { findLookalike, namesWithHidden } from "@/lib/domain/request/tool-name-index";
import { visibleName } from "@/lib/domain/request/tool-names";
import { BETAS_RELAXING_DEFERRAL, TOOL_SEARCH_TYPES } from "../betas";
import { nameSet, resolveTool, tallyToolset } from "../merge";
import { isObject, type Report, type ValidationContext } from "../problems";
import type { ToolsetInfo } from "./toolsets";

const MAX_DEFERRED_TOOLS = 10_000;

export function validateDeferral(
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
    for (const name of context.taskRequiredTools?.[toolset.serverName] ?? []) {
      if (!resolveTool(toolset.layers, name).enabled.value) continue;
      report(
        "warning",
        "task_required_tool_enabled",
        `tools.${toolset.index}.configs.${name}`,
        `'${name}' of MCP server '${toolset.serverName}' needs MCP tasks (execution.taskSupport: "required"): the connector does not run tools as tasks, so a call to it fails. Disable it.`,
      );
    }
    for (const name of unknownConfigNames) {
      const lookalike = known && findLookalike(known, name);
      report(
        "warning",
        lookalike ? "lookalike_tool" : "unknown_tool",
        `tools.${toolset.index}.configs.${name}`,
        lookalike
          ? `configs names '${visibleName(name)}', which differs from the server's '${visibleName(lookalike)}' only by invisible or direction-changing characters: this entry does not apply to that tool.`
          : `MCP server '${toolset.serverName}' does not list a tool named '${visibleName(name)}'. The API ignores this entry (a backend warning, not an error): check the spelling.`,
      );
    }
    for (const name of known ? namesWithHidden(known) : []) {
      report(
        "warning",
        "hidden_characters_in_tool_name",
        `tools.${toolset.index}`,
        `MCP server '${toolset.serverName}' lists a tool named '${visibleName(name)}': its invisible or direction-changing characters can make it pass for another tool, and a denylist entry for the name it looks like does not reach it.`,
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
