// Pasted text → composer state: a JSON request body (with or without `betas`), a curl command, or
// a request in the deprecated mcp-client-2025-04-04 shape, which is migrated to mcp_toolset the way
// the migration guide maps it. Every change is said in a note; anything unreadable is an error
// naming where. Never throws on what it reads.
import type { NewId } from "@/lib/domain/request/composer";
import { createConfigRow, createDefaultState, createServer } from "@/lib/domain/request/composer";
import { describeIssue } from "@/lib/domain/blocks/schema";
import { turnText } from "@/lib/domain/request/conversation";
import { turnContentSchema } from "@/lib/domain/request/schema";
import {
  CURRENT_MCP_BETA,
  MCP_BETAS,
  type BetaChoice,
  type ComposerState,
  type ConversationTurn,
  type ServerDraft,
  type ToolFlags,
} from "@/lib/domain/request/types";
import { parseCurl } from "./curl";
import {
  ImportError,
  isObject,
  isPlaceholderToken,
  isSecretReference,
  type JsonObject as Json,
} from "@/lib/domain/translate/common";
import { importMcpServersConfig, mcpServersOf } from "@/lib/domain/translate/mcp-servers-config";
import { importOpenAiResponses, openAiToolsOf } from "@/lib/domain/translate/openai-responses";

export interface ImportedRequest {
  state: ComposerState;
  notes: string[];
}

export type ImportResult =
  { success: true; data: ImportedRequest } | { success: false; error: string };

/**
 * `base` is the composer as it stands: a config that holds only servers (an mcpServers JSON, an
 * OpenAI tool list) replaces its servers and keeps the rest.
 */
export function importRequest(text: string, newId: NewId, base?: ComposerState): ImportResult {
  const input = text.trim();
  if (!input)
    return {
      success: false,
      error:
        "Paste a JSON request body, a curl command, an mcpServers config or an OpenAI request first.",
    };
  try {
    let bodyText = input;
    let headerBetas: string[] = [];
    if (/^curl(\s|$)/.test(input)) {
      const curl = parseCurl(input);
      if (!curl.success)
        return { success: false, error: `The curl command could not be read: ${curl.error}` };
      if (!curl.data.body)
        return { success: false, error: "The curl command has no request body (-d / --data)." };
      bodyText = curl.data.body;
      headerBetas = splitBetas(curl.data.headers["anthropic-beta"]);
    }
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch (error) {
      return {
        success: false,
        error: `The request body is not valid JSON: ${describeJsonError(error, bodyText)}`,
      };
    }
    const current = base ?? createDefaultState(newId);
    const config = mcpServersOf(body);
    if (config) return { success: true, data: importMcpServersConfig(config, current, newId) };
    const openAi = openAiToolsOf(body);
    if (openAi) return { success: true, data: importOpenAiResponses(openAi, current, newId) };
    const imported = stateFromRequest(body, headerBetas, newId);
    // The request as written does not stream: say so rather than turn the switch off unseen.
    if (!imported.state.stream && current.stream)
      imported.notes.push(
        'Stream is now off: the request has no "stream": true. Turn Stream on for server-sent events.',
      );
    return { success: true, data: imported };
  } catch (error) {
    if (error instanceof ImportError) return { success: false, error: error.message };
    return {
      success: false,
      error: `The request could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function stateFromRequest(body: unknown, headerBetas: string[], newId: NewId): ImportedRequest {
  if (!isObject(body)) throw new ImportError("The request must be a JSON object.");
  const notes: string[] = [];
  const betas = [
    ...headerBetas,
    ...(Array.isArray(body.betas)
      ? body.betas.filter((b): b is string => typeof b === "string")
      : splitBetas(body.betas)),
  ];

  const model = body.model;
  if (typeof model !== "string") throw new ImportError("model: expected a string.");
  const maxTokens = body.max_tokens;
  if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens))
    throw new ImportError("max_tokens: expected a whole number.");

  const { conversation, message } = readMessages(body.messages, newId, notes);
  const state: ComposerState = {
    model,
    maxTokens,
    system: readSystem(body.system, notes),
    conversation,
    message,
    stream: body.stream === true,
    beta: "none",
    toolSearch: "none",
    servers: [],
  };

  const mcpBetas = betas.filter((beta): beta is (typeof MCP_BETAS)[number] =>
    (MCP_BETAS as readonly string[]).includes(beta),
  );
  const deprecated = mcpBetas.includes("mcp-client-2025-04-04");
  const current = mcpBetas.find((beta) => beta !== "mcp-client-2025-04-04");
  let beta: BetaChoice = current ?? (deprecated ? "mcp-client-2025-04-04" : "none");

  const servers = body.mcp_servers === undefined ? [] : body.mcp_servers;
  if (!Array.isArray(servers)) throw new ImportError("mcp_servers: expected a list.");
  const tools = body.tools === undefined ? [] : body.tools;
  if (!Array.isArray(tools)) throw new ImportError("tools: expected a list.");

  const toolsets = new Map<string, Json>();
  tools.forEach((tool, index) => {
    if (!isObject(tool)) throw new ImportError(`tools.${index}: expected an object.`);
    if (tool.type === "mcp_toolset") {
      if (typeof tool.mcp_server_name !== "string")
        throw new ImportError(`tools.${index}.mcp_server_name: expected a string.`);
      if (toolsets.has(tool.mcp_server_name))
        notes.push(
          `tools.${index}: a second toolset for '${tool.mcp_server_name}' was dropped (one per server).`,
        );
      else toolsets.set(tool.mcp_server_name, tool);
    } else if (typeof tool.type === "string" && tool.type.startsWith("tool_search_tool_regex"))
      state.toolSearch = "regex";
    else if (typeof tool.type === "string" && tool.type.startsWith("tool_search_tool_bm25"))
      state.toolSearch = "bm25";
    else
      notes.push(
        `tools.${index}: a ${typeof tool.type === "string" ? `'${tool.type}'` : "custom"} tool is not part of the MCP composer and was left out.`,
      );
  });

  // A server whose toolset a tool change adds mid-conversation has it there, not in `tools`: its
  // card takes that toolset (the composer sends it back in the same place).
  for (const turn of conversation) {
    if (turn.role !== "system" || typeof turn.content === "string") continue;
    for (const block of turn.content) {
      if (block.type !== "tool_addition" || block.tool.type !== "tool_definition") continue;
      const definition = block.tool.definition as unknown as Json;
      if (
        definition.type === "mcp_toolset" &&
        typeof definition.mcp_server_name === "string" &&
        !toolsets.has(definition.mcp_server_name)
      )
        toolsets.set(definition.mcp_server_name, definition);
    }
  }

  let migrated = false;
  servers.forEach((server, index) => {
    const path = `mcp_servers.${index}`;
    if (!isObject(server)) throw new ImportError(`${path}: expected an object.`);
    if (typeof server.url !== "string") throw new ImportError(`${path}.url: expected a string.`);
    if (typeof server.name !== "string") throw new ImportError(`${path}.name: expected a string.`);
    const draft = createServer(newId, { name: server.name, url: server.url });
    const token = server.authorization_token;
    if (typeof token === "string" && token) {
      if (isSecretReference(token))
        notes.push(`${server.name}: the token was the variable ${token}; enter the real token.`);
      else if (isPlaceholderToken(token))
        notes.push(
          `${server.name}: the token “${token.slice(0, 40)}” is a placeholder from documentation, not a token: it was not imported; enter the real one.`,
        );
      else draft.authorizationToken = token;
    }
    const toolset = toolsets.get(server.name);
    if (toolset) {
      applyToolset(draft, toolset, newId, `tools (${server.name})`);
      toolsets.delete(server.name);
    } else if (isObject(server.tool_configuration)) {
      migrateToolConfiguration(draft, server.tool_configuration, newId, notes);
      migrated = true;
    } else {
      notes.push(
        `${server.name}: it had no mcp_toolset; one enabling every tool was added (the API requires one per server).`,
      );
    }
    if (toolset && isObject(server.tool_configuration))
      notes.push(
        `${server.name}: its deprecated tool_configuration was dropped in favour of its mcp_toolset.`,
      );
    state.servers.push(draft);
  });
  for (const name of toolsets.keys())
    notes.push(`The toolset for '${name}' names no server in mcp_servers and was left out.`);

  if (deprecated || migrated) {
    if (beta !== CURRENT_MCP_BETA && beta !== "mcp-client-2026-09-15") {
      notes.push(`The beta was upgraded from mcp-client-2025-04-04 to ${CURRENT_MCP_BETA}.`);
    }
    if (beta === "mcp-client-2025-04-04" || beta === "none") beta = CURRENT_MCP_BETA;
  }
  state.beta = beta;
  return { state, notes };
}

/** The migration guide's mapping: enabled:false → every tool off; allowed_tools → an allowlist. */
function migrateToolConfiguration(
  draft: ServerDraft,
  config: Json,
  newId: NewId,
  notes: string[],
): void {
  const allowed = Array.isArray(config.allowed_tools)
    ? config.allowed_tools.filter((t): t is string => typeof t === "string")
    : null;
  if (config.enabled === false) {
    draft.defaultConfig = { enabled: false };
    notes.push(
      `${draft.name}: tool_configuration.enabled false became default_config.enabled false.`,
    );
  } else if (allowed) {
    draft.defaultConfig = { enabled: false };
    draft.configs = allowed.map((tool) => createConfigRow(newId, { tool, enabled: true }));
    notes.push(
      `${draft.name}: allowed_tools [${allowed.join(", ")}] became an allowlist (default off, those on).`,
    );
  } else {
    notes.push(`${draft.name}: tool_configuration enabled every tool, so its toolset enables all.`);
  }
}

function applyToolset(draft: ServerDraft, toolset: Json, newId: NewId, where: string): void {
  draft.defaultConfig = readFlags(toolset.default_config, `${where}.default_config`);
  if (isObject(toolset.configs)) {
    draft.configs = Object.entries(toolset.configs).map(([tool, flags]) =>
      createConfigRow(newId, { tool, ...readFlags(flags, `${where}.configs.${tool}`) }),
    );
  }
  const cache = toolset.cache_control;
  if (isObject(cache)) draft.cacheTtl = cache.ttl === "1h" ? "1h" : "5m";
  if (Array.isArray(toolset.tools)) {
    draft.pinnedTools = toolset.tools.map((tool, index) => {
      const path = `${where}.tools.${index}`;
      if (!isObject(tool) || typeof tool.name !== "string" || tool.name === "")
        throw new ImportError(`${path}: a pinned tool needs a name.`);
      if (!isObject(tool.input_schema))
        throw new ImportError(`${path}.input_schema: expected an object.`);
      return {
        name: tool.name,
        ...(typeof tool.description === "string" ? { description: tool.description } : {}),
        inputSchema: tool.input_schema,
      };
    });
  }
}

function readFlags(value: unknown, path: string): ToolFlags {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new ImportError(`${path}: expected an object.`);
  const flags: ToolFlags = {};
  if (value.enabled !== undefined) {
    if (typeof value.enabled !== "boolean")
      throw new ImportError(`${path}.enabled: expected true or false.`);
    flags.enabled = value.enabled;
  }
  if (value.defer_loading !== undefined) {
    if (typeof value.defer_loading !== "boolean")
      throw new ImportError(`${path}.defer_loading: expected true or false.`);
    flags.deferLoading = value.defer_loading;
  }
  return flags;
}

function readSystem(value: unknown, notes: string[]): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const texts = value
      .filter(isObject)
      .map((block) => (typeof block.text === "string" ? block.text : ""));
    if (value.some((block) => isObject(block) && block.cache_control))
      notes.push("system: cache_control on system blocks was left out.");
    return texts.join("\n\n");
  }
  throw new ImportError("system: expected a string or a list of text blocks.");
}

/**
 * Every turn but the last becomes the conversation, kept as it is (assistant blocks go back
 * unchanged); the last user turn's text becomes the message to edit.
 */
function readMessages(
  value: unknown,
  newId: NewId,
  notes: string[],
): { conversation: ConversationTurn[]; message: string } {
  if (!Array.isArray(value) || value.length === 0)
    throw new ImportError("messages: expected a non-empty list.");
  const turns: ConversationTurn[] = [];
  (value as unknown[]).forEach((entry, index) => {
    if (!isObject(entry)) throw new ImportError(`messages.${index}: expected an object.`);
    const { role, content } = entry;
    // A system message holds tool changes between turns: kept, as the API takes it.
    if (role !== "user" && role !== "assistant" && role !== "system") {
      notes.push(`messages.${index}: a ${String(role)} message was left out.`);
      return;
    }
    if (typeof content !== "string" && !(Array.isArray(content) && content.every(isObject)))
      throw new ImportError(`messages.${index}.content: expected text or a list of blocks.`);
    const checked = turnContentSchema.safeParse(content);
    if (!checked.success)
      throw new ImportError(describeIssue(checked.error, `messages.${index}.content`));
    turns.push({ id: newId(), role, content: checked.data } as ConversationTurn);
  });
  const last = turns.at(-1);
  if (!last) throw new ImportError("messages: no user or assistant message found.");
  const text = last.role === "user" ? turnText(last) : null;
  if (text === null) {
    notes.push(
      "messages: the last turn is not a plain user text, so it stays in the conversation and the message is empty.",
    );
    return { conversation: turns, message: "" };
  }
  return { conversation: turns.slice(0, -1), message: text };
}

function splitBetas(value: unknown): string[] {
  return typeof value === "string"
    ? value
        .split(",")
        .map((beta) => beta.trim())
        .filter(Boolean)
    : [];
}

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = (position: number) => {
    const before = text.slice(0, position);
    return `line ${before.split("\n").length}, column ${position - before.lastIndexOf("\n")}`;
  };
  const position = /position (\d+)/.exec(message);
  if (position)
    return `${message.replace(/ in JSON at position \d+.*$/, "")} at ${at(Number(position[1]))}.`;
  // Node 20 quotes the text around the fault instead of its position: find that text.
  const quoted = /, (?:\.\.\.)?"?([\s\S]*?)(\.\.\.)?" is not valid JSON$/.exec(message);
  if (quoted?.[1]) {
    const index = text.indexOf(quoted[1]);
    if (index >= 0) {
      const offset = quoted[2] ? Math.floor(quoted[1].length / 2) : quoted[1].length - 1;
      return `${message.slice(0, message.indexOf(","))} near ${at(index + offset)}.`;
    }
  }
  if (/Unexpected end/.test(message)) return `it ends too early (at ${at(text.length)}).`;
  return message;
}

/** What an import brought in, in a line: "claude-opus-4-6 · 2 servers (calendar, tasks) · 1 earlier turn". */
export function describeImported(state: ComposerState): string {
  const servers = state.servers.map((server) => server.name || "(unnamed)");
  const turns = state.conversation.length;
  return [
    state.model,
    `${servers.length} server${servers.length === 1 ? "" : "s"}${servers.length ? ` (${servers.join(", ")})` : ""}`,
    ...(turns ? [`${turns} earlier turn${turns === 1 ? "" : "s"}`] : []),
    state.stream ? "streamed" : "not streamed",
  ].join(" · ");
}
