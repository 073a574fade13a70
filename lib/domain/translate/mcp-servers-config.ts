// The `mcpServers` JSON of desktop clients and editors, in and out. Claude Desktop, Cursor and
// Claude Code keep `{"mcpServers": {name: entry}}`; VS Code keeps `{"servers": {…}, "inputs": […]}`
// (or `"mcp": {"servers": …}` inside settings.json). An entry is remote (`url`, `type` "http" |
// "sse" | "streamable-http") or a local process (`command`, `args`, `env`; `type` "stdio").
// Remote entries become connector servers with a toolset enabling every tool; stdio entries
// become client-side servers (the connector cannot start processes). Every change is a note.
import type { NewId } from "@/lib/domain/request/composer";
import { createServer } from "@/lib/domain/request/composer";
import type { ComposerState, ServerDraft } from "@/lib/domain/request/types";
import { envName } from "@/lib/domain/export/secrets";

import { ImportError, isObject, readHeaders, type JsonObject as Json } from "./common";

/** The servers object of a config, and which family it came from; null when it is not one. */
export function mcpServersOf(body: unknown): { servers: Json; inputs: unknown[] } | null {
  if (!isObject(body)) return null;
  if (isObject(body.mcpServers)) return { servers: body.mcpServers, inputs: [] };
  const vscode = isObject(body.mcp) && isObject(body.mcp.servers) ? body.mcp : body;
  // VS Code's shape: `servers` (and maybe `inputs`), with no Messages request fields beside it.
  if (isObject(vscode.servers) && !("model" in body) && !("messages" in body))
    return {
      servers: vscode.servers,
      inputs: Array.isArray(vscode.inputs) ? vscode.inputs : [],
    };
  return null;
}

/** Where a token that is only a reference is to be found, in words. */
function describeReference(reference: string, inputs: readonly unknown[]): string {
  const inner = /^\$\{(.+)\}$/.exec(reference)?.[1] ?? "";
  const input = /^input:(.+)$/.exec(inner)?.[1];
  if (input) {
    const declared = inputs.find((entry) => isObject(entry) && entry.id === input);
    const description =
      isObject(declared) && typeof declared.description === "string"
        ? ` ("${declared.description}")`
        : "";
    return `the editor's prompt ${input}${description}`;
  }
  const env = /^env:(.+)$/.exec(inner)?.[1];
  return env ? `the environment variable ${env}` : `the placeholder ${reference}`;
}

export function importMcpServersConfig(
  config: { servers: Json; inputs: unknown[] },
  base: ComposerState,
  newId: NewId,
): { state: ComposerState; notes: string[] } {
  const notes: string[] = [];
  const servers: ServerDraft[] = [];
  for (const [name, entry] of Object.entries(config.servers)) {
    if (!isObject(entry)) throw new ImportError(`${name}: expected an object.`);
    const server = readEntry(name, entry, config.inputs, newId, notes);
    if (server) servers.push(server);
  }
  if (servers.length === 0) throw new ImportError("The config names no servers.");
  notes.push(
    "The model, message and system prompt were kept from the composer; its servers were replaced.",
  );
  return { state: { ...base, servers }, notes };
}

const KNOWN_FIELDS = new Set([
  "type",
  "transport",
  "url",
  "serverUrl",
  "headers",
  "command",
  "args",
  "env",
]);

function readEntry(
  name: string,
  entry: Json,
  inputs: readonly unknown[],
  newId: NewId,
  notes: string[],
): ServerDraft | null {
  const type = typeof entry.type === "string" ? entry.type : undefined;
  const url =
    typeof entry.url === "string"
      ? entry.url
      : typeof entry.serverUrl === "string"
        ? entry.serverUrl
        : undefined;
  if (entry.disabled === true) {
    notes.push(`${name}: it is disabled in the config, so it was left out.`);
    return null;
  }
  for (const field of Object.keys(entry).filter((key) => !KNOWN_FIELDS.has(key))) {
    notes.push(`${name}: "${field}" has no counterpart in the connector and was left out.`);
  }
  if (type === "stdio" || (type === undefined && typeof entry.command === "string")) {
    if (typeof entry.command !== "string" || !entry.command)
      throw new ImportError(`${name}.command: a stdio server needs a command.`);
    const args = Array.isArray(entry.args)
      ? entry.args.filter((arg): arg is string => typeof arg === "string")
      : [];
    const env = isObject(entry.env) ? Object.keys(entry.env) : [];
    notes.push(
      `${name}: a local (stdio) server — the connector cannot start processes, so it is kept for the client-side export only.`,
    );
    if (env.length)
      notes.push(
        `${name}: env ${env.join(", ")} — the names were kept, not the values; set them in the environment.`,
      );
    return createServer(newId, { name, stdio: { command: entry.command, args, env } });
  }
  if (!url) throw new ImportError(`${name}: expected a url (remote) or a command (stdio).`);
  if (type !== undefined && !["http", "sse", "streamable-http", "streamableHttp"].includes(type))
    notes.push(`${name}: type "${type}" was read as a remote server.`);
  const server = createServer(newId, { name, url });
  readHeaders(
    server,
    entry.headers,
    notes,
    (reference) =>
      `${name}: the token came from ${describeReference(reference, inputs)}; enter it on the card (it is sent as authorization_token).`,
  );
  return server;
}

export type McpServersFlavour = "claude-code" | "cursor" | "vscode" | "claude-desktop";

export const MCP_SERVERS_FLAVOURS: { value: McpServersFlavour; label: string; file: string }[] = [
  { value: "claude-code", label: "Claude Code", file: ".mcp.json" },
  { value: "cursor", label: "Cursor", file: ".cursor/mcp.json" },
  { value: "vscode", label: "VS Code", file: ".vscode/mcp.json" },
  { value: "claude-desktop", label: "Claude Desktop", file: "claude_desktop_config.json" },
];

/** How each client writes "the value of environment variable X" inside its config. */
function envReference(flavour: McpServersFlavour, variable: string): string {
  if (flavour === "cursor") return `\${env:${variable}}`;
  return `\${${variable}}`;
}

/**
 * The composer's servers as the client's config: remote entries with their tokens as references
 * (VS Code: a password prompt), stdio entries with their env names. What does not carry over —
 * toolset choices, deferral, cache_control, tokens — is said in the notes.
 */
export function exportMcpServersConfig(
  state: ComposerState,
  flavour: McpServersFlavour,
): { text: string; notes: string[]; file?: string } {
  const file = MCP_SERVERS_FLAVOURS.find((entry) => entry.value === flavour)?.file;
  const notes: string[] = file ? [`Save it as ${file}.`] : [];
  const servers: Json = {};
  const inputs: Json[] = [];
  for (const server of state.servers) {
    const name = server.name || `server-${state.servers.indexOf(server) + 1}`;
    if (server.stdio) {
      const entry: Json =
        flavour === "vscode" || flavour === "claude-code" ? { type: "stdio" } : {};
      entry.command = server.stdio.command;
      entry.args = server.stdio.args.filter((arg) => arg !== "");
      if (server.stdio.env.length)
        entry.env = Object.fromEntries(
          server.stdio.env.map((variable) => [
            variable,
            flavour === "vscode" || flavour === "claude-desktop"
              ? ""
              : envReference(flavour, variable),
          ]),
        );
      if (server.stdio.env.length && (flavour === "vscode" || flavour === "claude-desktop"))
        notes.push(`${name}: fill in the values of ${server.stdio.env.join(", ")}.`);
      servers[name] = entry;
      continue;
    }
    if (flavour === "claude-desktop") {
      notes.push(
        `${name}: Claude Desktop adds remote servers under Settings → Connectors, not in this file; it was left out.`,
      );
      continue;
    }
    const entry: Json =
      flavour === "cursor" ? { url: server.url } : { type: "http", url: server.url };
    if (server.authorizationToken) {
      const variable = envName("MCP_TOKEN", name);
      let reference = envReference(flavour, variable);
      if (flavour === "vscode") {
        const id = variable.toLowerCase().replaceAll("_", "-");
        inputs.push({
          type: "promptString",
          id,
          description: `Bearer token for ${name}`,
          password: true,
        });
        reference = `\${input:${id}}`;
      }
      entry.headers = { Authorization: `Bearer ${reference}` };
      notes.push(
        flavour === "vscode"
          ? `${name}: VS Code asks for the token once and keeps it; it is not in the file.`
          : `${name}: set ${variable} in the environment; the token is not in the file.`,
      );
    }
    servers[name] = entry;
  }
  const configured = state.servers.filter(
    (server) =>
      server.defaultConfig.enabled !== undefined ||
      server.defaultConfig.deferLoading !== undefined ||
      server.configs.length > 0 ||
      server.cacheTtl !== "none",
  );
  if (configured.length)
    notes.push(
      `Toolset choices (enabled, defer_loading, cache_control) of ${configured
        .map((server) => server.name)
        .join(", ")} do not carry over: these clients offer every tool of a server.`,
    );
  // Nothing to put in the file: say why, and offer no empty config to copy.
  if (Object.keys(servers).length === 0)
    return {
      text: "",
      notes: [
        `Nothing to export for this client: none of the servers goes in ${file ?? "its config"}.`,
        ...notes.filter((note) => !note.startsWith("Save it as")),
      ],
    };
  const config =
    flavour === "vscode"
      ? { servers, ...(inputs.length ? { inputs } : {}) }
      : { mcpServers: servers };
  return { text: `${JSON.stringify(config, null, 2)}\n`, notes, ...(file ? { file } : {}) };
}
