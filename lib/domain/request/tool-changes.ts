// Tool changes mid-conversation: `tool_addition` / `tool_removal` blocks in `role: "system"`
// messages add an MCP toolset (inline-tools-2026-09-15, with mcp-client-2026-09-15 for a toolset
// definition), or withdraw and re-add a toolset or one tool by reference
// (mid-conversation-tool-changes-2026-07-01 or inline-tools-2026-09-15). Pure: replaying them
// says which toolsets and tools are offered from each message on; the validator, the emulator and
// the preview all read the same replay.
import type { BetaMCPToolset } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { changedServer, toolChangesOf, type LocatedChange } from "./tool-change-blocks";

export {
  changedServer,
  INLINE_TOOLS_BETA,
  MCP_DEFINITION_BETA,
  serversAddedMidConversation,
  TOOL_CHANGES_BETA,
  toolChangeBetas,
  toolChangesOf,
  type LocatedChange,
  type ToolChangeBlock,
} from "./tool-change-blocks";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What a server offers from some message on: its toolset, and the tools withdrawn one by one. */
export interface OfferedToolset {
  toolset: BetaMCPToolset;
  /** Where it came from: `tools`, or the message whose tool_addition defined it. */
  from: "tools" | number;
  removedTools: string[];
}

/** The toolsets offered after a message: by server name. */
export type OfferedToolsets = ReadonlyMap<string, OfferedToolset>;

export interface ToolChangeProblem {
  code:
    | "tool_change_needs_beta"
    | "tool_reference_unresolved"
    | "tool_name_conflict"
    | "invalid_request";
  path: string;
  message: string;
}

/**
 * Replays the changes over the toolsets of `tools`: what is offered after each message. `after[i]`
 * is the state once messages[0..i] are read (the model answers with the last one).
 */
export function replayToolChanges(request: { tools?: unknown; messages?: unknown }): {
  initial: OfferedToolsets;
  after: OfferedToolsets[];
  problems: ToolChangeProblem[];
} {
  const problems: ToolChangeProblem[] = [];
  const state = new Map<string, OfferedToolset>();
  for (const tool of Array.isArray(request.tools) ? request.tools : []) {
    if (isObject(tool) && tool.type === "mcp_toolset" && typeof tool.mcp_server_name === "string")
      state.set(tool.mcp_server_name, {
        toolset: tool as unknown as BetaMCPToolset,
        from: "tools",
        removedTools: [],
      });
  }
  const initial = new Map(state);
  // A withdrawn toolset can come back by reference: its definition is remembered.
  const known = new Map(state);
  const messages = Array.isArray(request.messages) ? request.messages : [];
  const changes = toolChangesOf(messages);
  const after: OfferedToolsets[] = [];
  let next = 0;
  messages.forEach((_, messageIndex) => {
    while (next < changes.length && changes[next]!.messageIndex === messageIndex) {
      applyChange(changes[next]!, state, known, problems);
      next += 1;
    }
    after.push(new Map(state));
  });
  return { initial, after, problems };
}

function applyChange(
  { messageIndex, blockIndex, block }: LocatedChange,
  state: Map<string, OfferedToolset>,
  known: Map<string, OfferedToolset>,
  problems: ToolChangeProblem[],
): void {
  const path = `messages.${messageIndex}.content.${blockIndex}.tool`;
  const tool = block.tool as unknown;
  if (!isObject(tool)) {
    problems.push({ code: "invalid_request", path, message: `${path}: Field required.` });
    return;
  }
  const server = changedServer(block);
  if (tool.type === "tool_definition") {
    if (block.type !== "tool_addition") {
      problems.push({
        code: "invalid_request",
        path,
        message: `${path}: a tool_removal takes a reference, not a tool_definition.`,
      });
      return;
    }
    if (!server) return; // a non-MCP tool defined inline: not the connector's concern
    if (state.has(server)) {
      problems.push({
        code: "tool_name_conflict",
        path,
        message: `${path}: MCP server '${server}' already has a toolset offered at this point (tool_name_conflict). Remove it first, or change that toolset instead of adding a second.`,
      });
      return;
    }
    const entry: OfferedToolset = {
      toolset: tool.definition as BetaMCPToolset,
      from: messageIndex,
      removedTools: [],
    };
    state.set(server, entry);
    known.set(server, entry);
    return;
  }
  if (tool.type === "tool_reference") return; // a non-MCP tool by name
  if (!server) {
    problems.push({
      code: "invalid_request",
      path,
      message: `${path}.server_name: Field required; name the MCP server.`,
    });
    return;
  }
  if (tool.type === "mcp_toolset_reference") {
    if (block.type === "tool_removal") {
      if (!state.delete(server)) unresolved(problems, path, server, "is not offered at this point");
    } else {
      const remembered = known.get(server);
      if (!remembered) unresolved(problems, path, server, "has no toolset in tools or earlier");
      else if (state.has(server)) conflict(problems, path, server);
      else state.set(server, { ...remembered, removedTools: [] });
    }
    return;
  }
  if (tool.type === "mcp_tool_reference") {
    const name = typeof tool.name === "string" ? tool.name : "";
    const current = state.get(server);
    if (!current) {
      unresolved(problems, path, server, "has no toolset offered at this point");
      return;
    }
    const removed = new Set(current.removedTools);
    if (block.type === "tool_removal") removed.add(name);
    else removed.delete(name);
    state.set(server, { ...current, removedTools: [...removed] });
  }
}

function unresolved(problems: ToolChangeProblem[], path: string, server: string, why: string) {
  problems.push({
    code: "tool_reference_unresolved",
    path,
    message: `${path}: MCP server '${server}' ${why} (tool_reference_unresolved).`,
  });
}

function conflict(problems: ToolChangeProblem[], path: string, server: string) {
  problems.push({
    code: "tool_name_conflict",
    path,
    message: `${path}: the toolset of MCP server '${server}' is already offered at this point (tool_name_conflict).`,
  });
}

/** The toolsets the model is offered when it answers: after the last message. */
export function finalToolsets(request: { tools?: unknown; messages?: unknown }): OfferedToolsets {
  const { initial, after } = replayToolChanges(request);
  return after.at(-1) ?? initial;
}
