// Composer state → the exact params of `client.beta.messages.create`. One object feeds the preview,
// the sender, the share link and the snippets. Empty optional fields are omitted, never null.
import type {
  BetaCacheControlEphemeral,
  BetaMCPToolConfig,
  BetaMCPToolDefaultConfig,
  BetaMCPToolset,
  BetaMessageParam,
  BetaRequestMCPServerURLDefinition,
  BetaSystemMessageParam,
  BetaToolUnion,
  MessageCreateParamsBase,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { serversAddedMidConversation, toolChangeBetas } from "./tool-change-blocks";
import {
  connectorServers,
  type ComposerState,
  type SystemTurnContent,
  type ServerDraft,
  type ToolFlags,
  type ToolSearchKind,
} from "./types";

export type MessagesRequest = MessageCreateParamsBase;

export function buildRequest(state: ComposerState): MessagesRequest {
  const tools: BetaToolUnion[] = [];
  const toolSearch = buildToolSearchTool(state.toolSearch);
  if (toolSearch) tools.push(toolSearch);
  // A stdio server is for the client-side export only: the connector cannot reach it.
  const servers = connectorServers(state.servers);
  // A server whose toolset a tool change adds mid-conversation has none in `tools`: the
  // tool_addition carries it, as the server's card configures it.
  const addedLater = serversAddedMidConversation(state.conversation);
  for (const server of servers) if (!addedLater.has(server.name)) tools.push(buildToolset(server));

  const request: MessagesRequest = {
    model: state.model,
    max_tokens: state.maxTokens,
    messages: state.conversation.map(({ id: _id, ...turn }): BetaMessageParam =>
      turn.role === "system" && addedLater.size ? withCardToolsets(turn, servers) : turn,
    ),
  };
  // After an assistant turn, an empty message sends none: that is how a paused turn
  // (stop_reason "pause_turn") is resumed. Otherwise the message is the next user turn.
  const resumesAssistant =
    state.message.trim() === "" && state.conversation.at(-1)?.role === "assistant";
  if (!resumesAssistant) request.messages.push({ role: "user", content: state.message });
  if (state.system.trim() !== "") request.system = state.system;
  if (servers.length > 0) request.mcp_servers = servers.map(buildServerDefinition);
  if (tools.length > 0) request.tools = tools;
  // Tool changes between turns bring the beta they need (the validator names any other missing).
  const betas = [
    ...(state.beta !== "none" ? [state.beta] : []),
    ...toolChangeBetas(request.messages),
  ];
  if (betas.length) request.betas = betas;
  if (state.options) Object.assign(request, state.options);
  if (state.stream) request.stream = true;
  return request;
}

/** The servers with a toolset in `tools`, in order: those a tool change adds later have none. */
export function toolsetServers(
  state: Pick<ComposerState, "servers" | "conversation">,
): ServerDraft[] {
  const addedLater = serversAddedMidConversation(state.conversation);
  return connectorServers(state.servers).filter((server) => !addedLater.has(server.name));
}

/** A system turn's toolset definitions, each as its server's card configures the toolset. */
function withCardToolsets(
  turn: { role: "system"; content: SystemTurnContent },
  servers: readonly ServerDraft[],
): BetaSystemMessageParam {
  if (typeof turn.content === "string") return turn;
  return {
    ...turn,
    content: turn.content.map((block) => {
      if (block.type !== "tool_addition" || block.tool.type !== "tool_definition") return block;
      const definition = block.tool.definition;
      const server =
        definition.type === "mcp_toolset"
          ? servers.find((candidate) => candidate.name === definition.mcp_server_name)
          : undefined;
      return server
        ? { ...block, tool: { ...block.tool, definition: buildToolset(server) } }
        : block;
    }),
  };
}

/** Position of the first toolset in `tools`: the tool search tool, when present, comes first. */
export function firstToolsetIndex(state: Pick<ComposerState, "toolSearch">): number {
  return state.toolSearch === "none" ? 0 : 1;
}

export function buildServerDefinition(server: ServerDraft): BetaRequestMCPServerURLDefinition {
  const definition: BetaRequestMCPServerURLDefinition = {
    type: "url",
    url: server.url,
    name: server.name,
  };
  if (server.authorizationToken !== "") definition.authorization_token = server.authorizationToken;
  return definition;
}

export function buildToolset(server: ServerDraft): BetaMCPToolset {
  const toolset: BetaMCPToolset = { type: "mcp_toolset", mcp_server_name: server.name };
  const defaultConfig = toWireFlags(server.defaultConfig);
  if (defaultConfig) toolset.default_config = defaultConfig;

  const configs: Record<string, BetaMCPToolConfig> = {};
  for (const row of server.configs) {
    const flags = toWireFlags(row);
    // A row without a tool name or without a flag says nothing; the composer flags blank rows.
    if (row.tool.trim() === "" || !flags) continue;
    configs[row.tool.trim()] = flags;
  }
  if (Object.keys(configs).length > 0) toolset.configs = configs;
  if (server.cacheTtl !== "none") toolset.cache_control = buildCacheControl(server.cacheTtl);
  if (server.pinnedTools) {
    toolset.tools = server.pinnedTools.map((tool) => ({
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      input_schema: tool.inputSchema,
    }));
  }
  return toolset;
}

function buildCacheControl(ttl: "5m" | "1h"): BetaCacheControlEphemeral {
  return { type: "ephemeral", ttl };
}

function toWireFlags(flags: ToolFlags): BetaMCPToolDefaultConfig | undefined {
  const wire: BetaMCPToolDefaultConfig = {};
  if (flags.enabled !== undefined) wire.enabled = flags.enabled;
  if (flags.deferLoading !== undefined) wire.defer_loading = flags.deferLoading;
  return Object.keys(wire).length > 0 ? wire : undefined;
}

function buildToolSearchTool(kind: ToolSearchKind): BetaToolUnion | undefined {
  if (kind === "regex") {
    return { type: "tool_search_tool_regex_20251119", name: "tool_search_tool_regex" };
  }
  if (kind === "bm25") {
    return { type: "tool_search_tool_bm25_20251119", name: "tool_search_tool_bm25" };
  }
  return undefined;
}

/** The request as shown on screen and copied from the preview: tokens replaced by a marker. */
export function redactRequest(request: MessagesRequest): MessagesRequest {
  if (!request.mcp_servers) return request;
  return {
    ...request,
    mcp_servers: request.mcp_servers.map((server) =>
      server.authorization_token ? { ...server, authorization_token: REDACTED_TOKEN } : server,
    ),
  };
}

export const REDACTED_TOKEN = "•••• (hidden; set in the composer)";
