// A click on a tool's value in the preview: flip its effective value by writing the minimal
// `configs` entry, and remove the entry when the value returns to what it would inherit.
import { buildToolset } from "./build-request";
import { createConfigRow, type NewId } from "./composer";
import { resolveTool, SYSTEM_DEFAULTS } from "@/lib/domain/toolset/merge";
import type { ServerDraft, ToolConfigDraft } from "./types";

export type ToolFlag = "enabled" | "deferLoading";

export function toggleToolFlag(
  server: ServerDraft,
  tool: string,
  flag: ToolFlag,
  newId: NewId,
): ServerDraft {
  const effective = resolveTool(buildToolset(server), tool);
  const next = !(flag === "enabled" ? effective.enabled.value : effective.deferLoading.value);
  const inherited =
    server.defaultConfig[flag] ??
    (flag === "enabled" ? SYSTEM_DEFAULTS.enabled : SYSTEM_DEFAULTS.defer_loading);
  // The row buildRequest would use for this tool: the last one with its name.
  const rowIndex = server.configs.findLastIndex((row) => row.tool.trim() === tool);
  const row = rowIndex >= 0 ? server.configs[rowIndex] : undefined;

  if (next === inherited) {
    if (!row) return server;
    const rest: ToolConfigDraft = { ...row };
    delete rest[flag];
    const empty = rest.enabled === undefined && rest.deferLoading === undefined;
    return {
      ...server,
      configs: empty
        ? server.configs.filter((_, i) => i !== rowIndex)
        : server.configs.map((r, i) => (i === rowIndex ? rest : r)),
    };
  }
  if (row)
    return {
      ...server,
      configs: server.configs.map((r, i) => (i === rowIndex ? { ...r, [flag]: next } : r)),
    };
  return {
    ...server,
    configs: [...server.configs, createConfigRow(newId, { tool, [flag]: next })],
  };
}
