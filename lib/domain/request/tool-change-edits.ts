// Editing tool changes in the conversation: a change goes into a `role: "system"` turn between
// two turns (the one already there, or a new one), is described in words, and what each point of
// the conversation offers is summed up per server. Pure: the conversation editor renders these.
import type { BetaMCPToolset } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { NewId } from "./composer";
import { resolveTool } from "@/lib/domain/toolset/merge";
import type { OfferedToolsets, ToolChangeBlock } from "./tool-changes";
import type { ConversationTurn } from "./types";

export type ToolChangeKind = "add_toolset" | "remove_toolset" | "remove_tool" | "readd_tool";

export const TOOL_CHANGE_LABELS: Record<ToolChangeKind, string> = {
  add_toolset: "Add an MCP toolset",
  remove_toolset: "Remove a toolset",
  remove_tool: "Remove one tool",
  readd_tool: "Re-add one tool",
};

/** The block a change is sent as. */
export function toolChangeBlock(
  kind: ToolChangeKind,
  server: string,
  options: { tool?: string; toolset?: BetaMCPToolset } = {},
): ToolChangeBlock {
  switch (kind) {
    case "add_toolset":
      return {
        type: "tool_addition",
        tool: {
          type: "tool_definition",
          definition: options.toolset ?? { type: "mcp_toolset", mcp_server_name: server },
        },
      };
    case "remove_toolset":
      return { type: "tool_removal", tool: { type: "mcp_toolset_reference", server_name: server } };
    case "remove_tool":
    case "readd_tool":
      return {
        type: kind === "remove_tool" ? "tool_removal" : "tool_addition",
        tool: { type: "mcp_tool_reference", server_name: server, name: options.tool ?? "" },
      };
  }
}

/**
 * Puts a change after turn `afterIndex` (-1: before the first): into the system turn that is
 * already there, else into a new one.
 */
export function insertToolChange(
  conversation: readonly ConversationTurn[],
  afterIndex: number,
  block: ToolChangeBlock,
  newId: NewId,
): ConversationTurn[] {
  const at = afterIndex + 1;
  const next = conversation[at];
  if (next?.role === "system") {
    const content =
      typeof next.content === "string"
        ? [{ type: "text" as const, text: next.content }]
        : next.content;
    return conversation.map((turn, index) =>
      index === at ? { ...next, content: [...content, block] } : turn,
    );
  }
  return [
    ...conversation.slice(0, at),
    { id: newId(), role: "system", content: [block] },
    ...conversation.slice(at),
  ];
}

/** Removes one block of a system turn; the turn goes when it is left empty. */
export function removeToolChange(
  conversation: readonly ConversationTurn[],
  turnId: string,
  blockIndex: number,
): ConversationTurn[] {
  return conversation.flatMap((turn) => {
    if (turn.id !== turnId || turn.role !== "system" || typeof turn.content === "string")
      return [turn];
    const content = turn.content.filter((_, index) => index !== blockIndex);
    return content.length ? [{ ...turn, content }] : [];
  });
}

/** A change in words: "Add the toolset of tasks (defer_loading: true by default)". */
export function describeToolChange(block: { type: string; tool?: unknown }): string {
  const tool = (block.tool ?? {}) as {
    type?: string;
    server_name?: string;
    name?: string;
    definition?: {
      type?: string;
      mcp_server_name?: string;
      name?: string;
      default_config?: object;
    };
  };
  const verb = block.type === "tool_addition" ? "Add" : "Remove";
  switch (tool.type) {
    case "tool_definition": {
      const definition = tool.definition ?? {};
      if (definition.type !== "mcp_toolset")
        return `${verb} the tool ${definition.name ?? definition.type ?? "(unnamed)"}, defined here`;
      const defaults = definition.default_config
        ? ` (default_config ${JSON.stringify(definition.default_config)})`
        : "";
      return `${verb} the toolset of ${definition.mcp_server_name ?? "?"}, defined here${defaults}`;
    }
    case "mcp_toolset_reference":
      return `${verb} the toolset of ${tool.server_name ?? "?"}`;
    case "mcp_tool_reference":
      return `${verb} ${tool.server_name ?? "?"}.${tool.name ?? "?"}`;
    case "tool_reference":
      return `${verb} the tool ${tool.name ?? "?"}`;
    default:
      return `${block.type} (${tool.type ?? "no tool"})`;
  }
}

export interface OfferedSummary {
  server: string;
  /** Tool counts once the server's tools are known (discovered); null before. */
  upFront: number | null;
  deferred: number | null;
  removedTools: string[];
}

/** Per server offered at some point: how many tools are up front and deferred, and which were withdrawn. */
export function summarizeOffered(
  offered: OfferedToolsets,
  knownTools: Readonly<Record<string, readonly string[] | undefined>>,
): OfferedSummary[] {
  return [...offered].map(([server, entry]) => {
    const names = knownTools[server];
    const removed = new Set(entry.removedTools);
    let upFront = 0;
    let deferred = 0;
    for (const name of names ?? []) {
      if (removed.has(name)) continue;
      const tool = resolveTool(entry.toolset, name);
      if (!tool.enabled.value) continue;
      if (tool.deferLoading.value) deferred += 1;
      else upFront += 1;
    }
    return {
      server,
      upFront: names ? upFront : null,
      deferred: names ? deferred : null,
      removedTools: entry.removedTools,
    };
  });
}
