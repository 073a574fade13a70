// The composer's state: what a person edits. The request sent, previewed, shared and exported is
// derived from it by `buildRequest`, never stored beside it.
import type {
  BetaAssistantMessageParam,
  BetaSystemMessageParam,
  BetaUserMessageParam,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { Model } from "@anthropic-ai/sdk/resources/messages/messages";
import type { CheckDraft } from "@/lib/domain/checks/drafts";
import type { RequestOptions } from "./options";

/** Current model ids from the SDK's own `Model` union; the field stays free text. */
export const MODEL_SUGGESTIONS = [
  "claude-opus-5-5",
  "claude-sonnet-5-5",
  "claude-haiku-5-5",
  "claude-opus-4-8",
  "claude-opus-4-6",
  "claude-sonnet-4-6",
  "claude-haiku-4-5",
  "claude-sonnet-4-5",
] as const satisfies readonly Model[];

export const MCP_BETAS = [
  "mcp-client-2025-11-20",
  "mcp-client-2026-09-15",
  "mcp-client-2025-04-04",
] as const;
export type McpBeta = (typeof MCP_BETAS)[number];
export const CURRENT_MCP_BETA: McpBeta = "mcp-client-2025-11-20";
export const DEPRECATED_MCP_BETA: McpBeta = "mcp-client-2025-04-04";
/** "none" sends no MCP beta at all, which the API answers with a 400: kept so people can see it. */
export type BetaChoice = McpBeta | "none";

export const TOOL_SEARCH_KINDS = ["none", "regex", "bm25"] as const;
export type ToolSearchKind = (typeof TOOL_SEARCH_KINDS)[number];

export const CACHE_TTLS = ["none", "5m", "1h"] as const;
export type CacheTtlChoice = (typeof CACHE_TTLS)[number];

/** `undefined` means "unset": the value is inherited. */
export interface ToolFlags {
  enabled?: boolean;
  deferLoading?: boolean;
}

export interface ToolConfigDraft extends ToolFlags {
  id: string;
  tool: string;
}

/** A tool as an MCP server lists it, pinned in the toolset (mcp-client-2026-09-15). */
export interface PinnedTool {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

/**
 * A local MCP server started as a process and spoken to over stdio. The connector cannot reach it
 * (it connects to URLs from Anthropic's servers): it exists for the client-side export.
 */
export interface StdioLaunch {
  command: string;
  args: string[];
  /** Names of the environment variables the process needs; their values are never kept. */
  env: string[];
}

export interface ServerDraft {
  id: string;
  name: string;
  url: string;
  authorizationToken: string;
  defaultConfig: ToolFlags;
  configs: ToolConfigDraft[];
  cacheTtl: CacheTtlChoice;
  /**
   * The URL's user name, password and query string go into share links, history and exported
   * code as they are (ticked by the person, who was told they often hold a key). Unset: left out.
   */
  keepUrlSecrets?: boolean;
  /** The pinned tool list: the API uses exactly these and does not ask the server. */
  pinnedTools?: PinnedTool[];
  /** Set: a stdio server, client-side only; its url and token are unused. */
  stdio?: StdioLaunch;
  /**
   * Imported from an OpenAI `allowed_tools: { read_only: true }`: the tools annotated read-only
   * become the allowlist once the server's tools are discovered.
   */
  readOnlyAllowlist?: boolean;
}

/** The servers the connector request carries: every one but the stdio ones. */
export function connectorServers<T extends Pick<ServerDraft, "stdio">>(servers: readonly T[]): T[] {
  return servers.filter((server) => !server.stdio);
}

/**
 * An earlier turn of the conversation, sent before `message`. Assistant turns hold the response's
 * content exactly as it came (MCP blocks included): the API wants it back unchanged.
 */
export type ConversationTurn = { id: string } & (
  | Pick<BetaUserMessageParam, "role" | "content">
  | Pick<BetaAssistantMessageParam, "role" | "content">
  /** A tool change between turns: tool_addition / tool_removal blocks (lib/domain/request/tool-changes.ts). */
  | (Pick<BetaSystemMessageParam, "role"> & { content: SystemTurnContent })
);

/** What a system turn holds: the tool changes (and any text) the API takes there. */
export type SystemTurnContent = Exclude<BetaSystemMessageParam["content"], undefined | null>;

export interface ComposerState {
  model: string;
  maxTokens: number;
  system: string;
  /** The earlier turns; `message` is the user turn that follows them. */
  conversation: ConversationTurn[];
  message: string;
  /** Ask for server-sent events (`stream: true`). */
  stream: boolean;
  beta: BetaChoice;
  toolSearch: ToolSearchKind;
  servers: ServerDraft[];
  /** What a run must do (the Checks section); written as collection files write them. */
  checks?: CheckDraft[];
  /** Thinking, effort, structured output, stop sequences, tool_choice, metadata, service tier: as sent. */
  options?: RequestOptions;
}

/** A tool as discovery found it on a server (what the preview, pins and Try work from). */
export interface ToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: unknown;
  destructive: boolean;
  readOnly: boolean;
  /** Its description or output schema speak of images: the API would drop them (unconfirmed guess). */
  mayReturnImages?: boolean;
  /** `execution.taskSupport: "required"`: only a client of MCP tasks can call it; the connector is not one. */
  needsTasks?: boolean;
  /** The server's annotations as it sent them (hints only: a server may say anything). */
  annotations?: ToolAnnotations;
  outputSchema?: unknown;
}

export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}
