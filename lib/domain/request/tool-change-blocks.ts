// The tool-change blocks of a conversation, and what the request needs for them: the betas, and
// which servers a tool_addition defines a toolset for. Small on purpose: building every request
// reads it (the replay of the changes is in tool-changes.ts).
import type {
  BetaRequestToolAdditionBlock,
  BetaRequestToolRemovalBlock,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";

export const INLINE_TOOLS_BETA = "inline-tools-2026-09-15";
export const TOOL_CHANGES_BETA = "mid-conversation-tool-changes-2026-07-01";
export const MCP_DEFINITION_BETA = "mcp-client-2026-09-15";

export type ToolChangeBlock = BetaRequestToolAdditionBlock | BetaRequestToolRemovalBlock;

/** One tool change, where it is in `messages`. */
export interface LocatedChange {
  messageIndex: number;
  blockIndex: number;
  block: ToolChangeBlock;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every tool_addition / tool_removal block of the `role: "system"` messages, in order. */
export function toolChangesOf(messages: unknown): LocatedChange[] {
  if (!Array.isArray(messages)) return [];
  const found: LocatedChange[] = [];
  messages.forEach((message: unknown, messageIndex) => {
    if (!isObject(message) || message.role !== "system" || !Array.isArray(message.content)) return;
    message.content.forEach((block: unknown, blockIndex) => {
      if (isObject(block) && (block.type === "tool_addition" || block.type === "tool_removal"))
        found.push({ messageIndex, blockIndex, block: block as unknown as ToolChangeBlock });
    });
  });
  return found;
}

/** The betas a request's tool changes need (for the composer to send, and the validator to ask). */
export function toolChangeBetas(messages: unknown): string[] {
  const changes = toolChangesOf(messages);
  const definitions = changes.filter(({ block }) => block.tool?.type === "tool_definition");
  const needed = new Set<string>();
  if (definitions.length) needed.add(INLINE_TOOLS_BETA);
  else if (changes.length) needed.add(TOOL_CHANGES_BETA);
  return [...needed];
}

/** The server a change is about, or null (a plain tool_reference or a non-MCP definition). */
export function changedServer(block: ToolChangeBlock): string | null {
  const tool = block.tool as unknown;
  if (!isObject(tool)) return null;
  if (tool.type === "mcp_toolset_reference" || tool.type === "mcp_tool_reference")
    return typeof tool.server_name === "string" ? tool.server_name : null;
  if (tool.type === "tool_definition" && isObject(tool.definition)) {
    const definition = tool.definition;
    return definition.type === "mcp_toolset" && typeof definition.mcp_server_name === "string"
      ? definition.mcp_server_name
      : null;
  }
  return null;
}

/** Servers that a tool_addition defines a toolset for (they need no toolset in `tools`). */
export function serversAddedMidConversation(messages: unknown): Set<string> {
  const added = new Set<string>();
  for (const { block } of toolChangesOf(messages)) {
    if (block.type !== "tool_addition" || block.tool?.type !== "tool_definition") continue;
    const server = changedServer(block);
    if (server) added.add(server);
  }
  return added;
}
