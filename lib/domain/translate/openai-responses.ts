// OpenAI Responses requests and tool lists with `{"type": "mcp", …}` tools, in and out.
// In: server_label → name, server_url → url, authorization (or an `Authorization: Bearer` header)
// → authorization_token, allowed_tools (a list, or `{tool_names, read_only}`) → an allowlist
// (read_only: the tools annotated read-only, once discovered). require_approval, other headers,
// connector ids, tunnels and server descriptions have no counterpart: each is a note.
// Out: the toolsets as `mcp` tools, allowlists as allowed_tools, with the notes of what is lost.
import type { NewId } from "@/lib/domain/request/composer";
import { createConfigRow, createServer } from "@/lib/domain/request/composer";
import { CURRENT_MCP_BETA, type ComposerState, type ServerDraft } from "@/lib/domain/request/types";
import { envName } from "@/lib/domain/export/secrets";
import { ImportError, isObject, readHeaders, readToken, type JsonObject as Json } from "./common";

const isMcpTool = (tool: unknown): tool is Json => isObject(tool) && tool.type === "mcp";

/** The tools of a Responses request or a bare tool list, when it holds an `mcp` tool. */
export function openAiToolsOf(body: unknown): { request: Json | null; tools: unknown[] } | null {
  if (Array.isArray(body)) return body.some(isMcpTool) ? { request: null, tools: body } : null;
  if (!isObject(body) || !Array.isArray(body.tools) || "mcp_servers" in body) return null;
  if (!body.tools.some(isMcpTool)) return null;
  return { request: body, tools: body.tools };
}

export function importOpenAiResponses(
  found: { request: Json | null; tools: unknown[] },
  base: ComposerState,
  newId: NewId,
): { state: ComposerState; notes: string[] } {
  const notes: string[] = [];
  const servers: ServerDraft[] = [];
  found.tools.forEach((tool, index) => {
    if (!isMcpTool(tool)) {
      const type = isObject(tool) && typeof tool.type === "string" ? tool.type : "unknown";
      notes.push(`tools.${index}: a "${type}" tool has no counterpart here and was left out.`);
      return;
    }
    const server = readMcpTool(tool, index, newId, notes);
    if (server) servers.push(server);
  });
  if (servers.length === 0)
    throw new ImportError("No mcp tool with a server_url: nothing the connector can reach.");
  const state: ComposerState = {
    ...base,
    servers,
    beta: base.beta === "none" ? CURRENT_MCP_BETA : base.beta,
  };
  const request = found.request;
  if (!request) {
    notes.push(
      "The model, message and system prompt were kept from the composer; its servers were replaced.",
    );
    return { state, notes };
  }
  if (typeof request.model === "string")
    notes.push(
      `model "${request.model}" is not a Claude model; the composer's ${base.model} was kept.`,
    );
  if (typeof request.instructions === "string") state.system = request.instructions;
  if (typeof request.max_output_tokens === "number" && Number.isInteger(request.max_output_tokens))
    state.maxTokens = request.max_output_tokens;
  if (typeof request.stream === "boolean") state.stream = request.stream;
  const message = inputText(request.input, notes);
  if (message !== null) {
    state.message = message;
    state.conversation = [];
  }
  for (const field of Object.keys(request)) {
    if (!HANDLED_REQUEST_FIELDS.has(field))
      notes.push(`${field} has no counterpart in a Messages request and was left out.`);
  }
  return { state, notes };
}

const HANDLED_REQUEST_FIELDS = new Set([
  "model",
  "tools",
  "input",
  "instructions",
  "max_output_tokens",
  "stream",
]);

/** The request's input as the message: a string, or the text of its last user turn. */
function inputText(input: unknown, notes: string[]): string | null {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return null;
  const user = input.filter((item): item is Json => isObject(item) && item.role === "user").at(-1);
  if (!user) return null;
  if (input.length > 1)
    notes.push("input: only the last user turn was kept, as the message to send.");
  if (typeof user.content === "string") return user.content;
  if (!Array.isArray(user.content)) return null;
  return user.content
    .filter((part): part is Json => isObject(part) && typeof part.text === "string")
    .map((part) => part.text as string)
    .join("\n\n");
}

function readMcpTool(tool: Json, index: number, newId: NewId, notes: string[]): ServerDraft | null {
  const label = typeof tool.server_label === "string" ? tool.server_label : `server-${index + 1}`;
  if (typeof tool.server_url !== "string" || !tool.server_url) {
    const via =
      typeof tool.connector_id === "string"
        ? `OpenAI's connector ${tool.connector_id}`
        : typeof tool.tunnel_id === "string"
          ? `a Secure MCP Tunnel (${tool.tunnel_id})`
          : "no server_url";
    notes.push(`${label}: reached through ${via}, which the connector cannot use; left out.`);
    return null;
  }
  const server = createServer(newId, { name: label, url: tool.server_url });
  const placeholderNote = (reference: string) =>
    `${label}: the token was the placeholder ${reference}; enter the real one.`;
  readHeaders(server, tool.headers, notes, placeholderNote);
  if (typeof tool.authorization === "string" && tool.authorization)
    readToken(server, tool.authorization, notes, placeholderNote);
  readAllowedTools(server, tool.allowed_tools, newId, notes);
  if (tool.require_approval !== undefined && tool.require_approval !== null) {
    notes.push(
      tool.require_approval === "never"
        ? `${label}: require_approval "never" is how the connector works anyway — it calls tools without asking.`
        : `${label}: require_approval has no counterpart — the connector calls enabled tools without asking; leave out (disable) the tools that need a person's approval.`,
    );
  }
  if (typeof tool.server_description === "string" && tool.server_description)
    notes.push(`${label}: server_description has no counterpart and was left out.`);
  if (tool.defer_loading === true)
    server.defaultConfig = { ...server.defaultConfig, deferLoading: true };
  return server;
}

function readAllowedTools(
  server: ServerDraft,
  allowed: unknown,
  newId: NewId,
  notes: string[],
): void {
  if (allowed === undefined || allowed === null) return;
  const names = Array.isArray(allowed)
    ? allowed
    : isObject(allowed) && Array.isArray(allowed.tool_names)
      ? allowed.tool_names
      : [];
  const tools = names.filter((name): name is string => typeof name === "string" && name !== "");
  if (tools.length) {
    server.defaultConfig = { ...server.defaultConfig, enabled: false };
    server.configs = tools.map((tool) => createConfigRow(newId, { tool, enabled: true }));
  }
  if (isObject(allowed) && allowed.read_only === true) {
    server.readOnlyAllowlist = true;
    server.defaultConfig = { ...server.defaultConfig, enabled: false };
    notes.push(
      `${server.name}: allowed_tools read_only — once its tools are discovered, those annotated read-only are added to the allowlist (until then it allows ${tools.length ? "only the named tools" : "none"}).`,
    );
  }
}

/**
 * The connector servers as Responses `mcp` tools. An allowlist becomes allowed_tools; a denylist
 * becomes the allowlist of the tools discovered, when they are known (else everything is allowed
 * and a note says so). Tokens are left as `${MCP_TOKEN_X}` placeholders.
 */
export function exportOpenAiTools(
  state: ComposerState,
  discovered: (server: ServerDraft) => readonly string[] | null = () => null,
): { text: string; notes: string[] } {
  const notes: string[] = [];
  const tools: Json[] = [];
  for (const server of state.servers) {
    if (server.stdio) {
      notes.push(
        `${server.name}: a stdio server cannot be reached by OpenAI's remote MCP either; left out.`,
      );
      continue;
    }
    const tool: Json = { type: "mcp", server_label: server.name, server_url: server.url };
    if (server.authorizationToken) {
      const variable = envName("MCP_TOKEN", server.name);
      tool.authorization = `\${${variable}}`;
      notes.push(`${server.name}: put the token from ${variable} in authorization.`);
    }
    const allowed = allowedTools(server, discovered(server), notes);
    if (allowed) tool.allowed_tools = allowed;
    tool.require_approval = "never";
    if (
      server.defaultConfig.deferLoading !== undefined ||
      server.configs.some((row) => row.deferLoading !== undefined)
    )
      notes.push(`${server.name}: defer_loading settings do not carry over.`);
    if (server.cacheTtl !== "none")
      notes.push(`${server.name}: cache_control does not carry over.`);
    tools.push(tool);
  }
  if (tools.length)
    notes.push(
      'require_approval is "never" on every tool: the connector calls tools without asking, and this keeps that behaviour.',
    );
  return { text: `${JSON.stringify(tools, null, 2)}\n`, notes };
}

function allowedTools(
  server: ServerDraft,
  discovered: readonly string[] | null,
  notes: string[],
): Json | string[] | null {
  const rows = server.configs.filter((row) => row.tool.trim());
  const named = (enabled: boolean) =>
    rows.filter((row) => (row.enabled ?? server.defaultConfig.enabled ?? true) === enabled);
  if (server.readOnlyAllowlist) {
    const names = named(true).map((row) => row.tool);
    return names.length ? { tool_names: names, read_only: true } : { read_only: true };
  }
  if (server.defaultConfig.enabled === false) return named(true).map((row) => row.tool);
  const off = new Set(named(false).map((row) => row.tool));
  if (off.size === 0) return null;
  if (discovered) {
    const on = discovered.filter((tool) => !off.has(tool));
    notes.push(
      `${server.name}: the denylist (${[...off].join(", ")}) became the allowlist of the ${on.length} other tools discovered.`,
    );
    return on;
  }
  notes.push(
    `${server.name}: a denylist (${[...off].join(", ")}) has no counterpart in allowed_tools; discover the server's tools to export it as an allowlist. Every tool is allowed here.`,
  );
  return null;
}
