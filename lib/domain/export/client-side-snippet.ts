// "TypeScript · client-side MCP": for what the connector cannot serve — a stdio server, one behind
// a firewall, MCP prompts or resources — this process is the MCP client. It connects to each
// server with the MCP SDK (stdio, or Streamable HTTP with the token), offers Claude the tools the
// toolset enables (the allowlist / denylist applied here), and lets the SDK's toolRunner run them.
import { buildRequest } from "@/lib/domain/request/build-request";
import { hasUrlSecrets } from "@/lib/domain/request/url-secrets";
import type { BetaMessageParam } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { ComposerState, ServerDraft } from "@/lib/domain/request/types";
import { tsLiteral, tsString } from "./literals";
import { API_KEY_ENV, envName, type SecretOptions } from "./secrets";
import { TS_ENV_HELPER } from "./typescript-snippet";

/** A valid, unique identifier for each server's client. */
function clientNames(servers: readonly ServerDraft[]): string[] {
  const taken = new Set([
    "client",
    "clientInfo",
    "toolsets",
    "tools",
    "listed",
    "enabled",
    "runner",
    "message",
    "block",
    "env",
    "shown",
    "failedTools",
  ]);
  return servers.map((server, index) => {
    const words = server.name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const camel = words
      .map((word, i) => (i === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1)))
      .join("");
    // Short enough that no line the name is in has to wrap.
    const stem = /^[A-Za-z_]/.test(camel) ? camel.slice(0, 24) : `server${index + 1}`;
    let name = stem;
    for (let n = 2; taken.has(name) || taken.has(`${name}Url`); n += 1) name = `${stem}${n}`;
    taken.add(name);
    taken.add(`${name}Url`);
    return name;
  });
}

/** A toolset's enabled choices as the client applies them: `only` these, or all `except` these. */
function toolsetEntry(server: ServerDraft, name: string): Record<string, unknown> {
  const named = (enabled: boolean) =>
    server.configs
      .filter((row) => row.tool.trim() && row.enabled === enabled)
      .map((row) => row.tool.trim());
  const entry: Record<string, unknown> = { server: server.name || name, mcp: marker(name) };
  if (server.defaultConfig.enabled === false) entry.only = named(true);
  else if (named(false).length) entry.except = named(false);
  return entry;
}

/** Prettier's line width, which the snippet is written to. */
const WIDTH = 80;

/** Identifiers stand in the literal as markers, swapped back by `tsLiteral`'s expression hook. */
const MARKER = "\u0000client:";
const marker = (name: string) => `${MARKER}${name}`;
const unmark = (value: string) => (value.startsWith(MARKER) ? value.slice(MARKER.length) : null);

function connectLines(server: ServerDraft, name: string, keepUrlSecrets: boolean): string[] {
  const label = server.name || name;
  if (server.stdio) {
    const args = tsLiteral(
      server.stdio.args.filter((arg) => arg !== ""),
      {},
      4,
      10,
    );
    const env = server.stdio.env.length
      ? [
          "    env: {",
          "      ...getDefaultEnvironment(),",
          ...server.stdio.env.map((variable) => `      ${variable}: env(${tsString(variable)}),`),
          "    },",
        ]
      : [];
    return [
      `// ${label}: a local process over stdio.`,
      `const ${name} = new Client(clientInfo);`,
      `await ${name}.connect(`,
      "  new StdioClientTransport({",
      `    command: ${tsString(server.stdio.command)},`,
      `    args: ${args},`,
      ...env,
      "  }),",
      ");",
    ];
  }
  const url =
    hasUrlSecrets(server.url) && !keepUrlSecrets
      ? `env("${envName("MCP_URL", label)}")`
      : tsString(server.url);
  const urlLine = `const ${name}Url = new URL(${url});`;
  const connectLine = `await ${name}.connect(new StreamableHTTPClientTransport(${name}Url));`;
  const connect = server.authorizationToken
    ? [
        `await ${name}.connect(`,
        `  new StreamableHTTPClientTransport(${name}Url, {`,
        "    requestInit: {",
        "      headers: {",
        `        Authorization: \`Bearer \${env("${envName("MCP_TOKEN", label)}")}\`,`,
        "      },",
        "    },",
        "  }),",
        ");",
      ]
    : connectLine.length <= WIDTH
      ? [connectLine]
      : [`await ${name}.connect(`, `  new StreamableHTTPClientTransport(${name}Url),`, ");"];
  return [
    `// ${label}: a remote server, called from here (Streamable HTTP).`,
    `const ${name} = new Client(clientInfo);`,
    ...(urlLine.length <= WIDTH ? [urlLine] : [`const ${name}Url = new URL(`, `  ${url},`, ");"]),
    ...connect,
  ];
}

/** A call on one line when it fits, else with its object argument expanded (as Prettier does). */
function wrapCall(line: string, opening: string, members: readonly string[]): string[] {
  return line.length <= WIDTH
    ? [line]
    : [opening, ...members.map((member) => `  ${member}`), "});"];
}

function closeLines(names: readonly string[]): string[] {
  const closes = names.map((name) => `${name}.close()`);
  const line = `await Promise.all([${closes.join(", ")}]);`;
  return line.length <= WIDTH
    ? [line]
    : ["await Promise.all([", ...closes.map((close) => `  ${close},`), "]);"];
}

/** MCP prompts and resources the program brings into the conversation (what the connector cannot). */
export interface ClientSideExtras {
  /** A server's prompt, as the conversation's first messages (`getPrompt` → `mcpMessages`). */
  prompt?: { serverId: string; name: string };
  /** A server's resource, attached to the message (`readResource` → `mcpResourceToContent`). */
  resource?: { serverId: string; uri: string };
}

/** The extras that name a server of the composer and something to fetch; the rest are dropped. */
function usableExtras(
  servers: readonly ServerDraft[],
  names: readonly string[],
  extras: ClientSideExtras,
) {
  const clientOf = (serverId: string) => {
    const index = servers.findIndex((server) => server.id === serverId);
    return index >= 0
      ? { client: names[index]!, label: servers[index]!.name || names[index]! }
      : null;
  };
  const prompt = extras.prompt?.name.trim() ? clientOf(extras.prompt.serverId) : null;
  const resource = extras.resource?.uri.trim() ? clientOf(extras.resource.serverId) : null;
  return {
    prompt: prompt && extras.prompt ? { ...prompt, name: extras.prompt.name.trim() } : null,
    resource: resource && extras.resource ? { ...resource, uri: extras.resource.uri.trim() } : null,
  };
}

const PROMPT_MARKER = "\u0000prompt";
const RESOURCE_MARKER = "\u0000resource";

/** The messages: the prompt's first, then the conversation, the resource before the message text. */
function messagesWithExtras(
  messages: readonly BetaMessageParam[],
  extras: ReturnType<typeof usableExtras>,
): unknown[] {
  const withResource = messages.map((message, index) => {
    if (!extras.resource || index !== messages.length - 1 || message.role !== "user")
      return message;
    const content =
      typeof message.content === "string"
        ? [{ type: "text", text: message.content }]
        : message.content;
    return { ...message, content: [RESOURCE_MARKER, ...content] };
  });
  return extras.prompt ? [PROMPT_MARKER, ...withResource] : withResource;
}

export function generateClientSideSnippet(
  state: ComposerState,
  options: Pick<SecretOptions, "keepUrlSecrets"> = {},
  extras: ClientSideExtras = {},
): string {
  const servers = state.servers;
  const names = clientNames(servers);
  const used = usableExtras(servers, names, extras);
  const deferred = servers.some(
    (server) =>
      server.defaultConfig.deferLoading === true || server.configs.some((row) => row.deferLoading),
  );
  return [
    ...importLines(servers, used),
    "",
    `// Reads ${API_KEY_ENV} (and ANTHROPIC_BASE_URL, if set) from the environment.`,
    "const client = new Anthropic();",
    "const clientInfo = {",
    '  name: "mcp-connector-playground-export",',
    '  version: "1.0.0",',
    "};",
    ...(usesEnvironment(servers, options) ? ["", ...TS_ENV_HELPER] : []),
    "",
    "// This process is the MCP client: the API never connects to these servers.",
    ...servers.flatMap((server, index) => [
      ...connectLines(
        server,
        names[index]!,
        options.keepUrlSecrets?.includes(server.name) ?? false,
      ),
      "",
    ]),
    ...SHOWN_CALLS,
    "",
    ...toolsetLines(servers, names, deferred),
    "",
    ...extraLines(used),
    "// The runner calls the tools Claude asks for and sends their results back, until it answers.",
    `const runner = client.beta.messages.toolRunner(${runnerParams(state, used)});`,
    "for await (const message of runner) {",
    "  for (const block of message.content) {",
    '    if (block.type === "text") console.log(block.text);',
    "  }",
    "}",
    "",
    ...closeLines(names),
    "// Unattended, a failed tool call must not pass for a normal answer.",
    "if (failedTools > 0) process.exitCode = 1;",
    "",
  ].join("\n");
}

type UsableExtras = ReturnType<typeof usableExtras>;

/** A token, a stdio server's environment or a URL secret is read from the environment. */
function usesEnvironment(
  servers: readonly ServerDraft[],
  options: Pick<SecretOptions, "keepUrlSecrets">,
): boolean {
  return servers.some(
    (server) =>
      server.authorizationToken ||
      (server.stdio?.env.length ?? 0) > 0 ||
      (!server.stdio &&
        hasUrlSecrets(server.url) &&
        !options.keepUrlSecrets?.includes(server.name)),
  );
}

function importLines(servers: readonly ServerDraft[], used: UsableExtras): string[] {
  const helpers = [
    "mcpTools",
    ...(used.prompt ? ["mcpMessages"] : []),
    ...(used.resource ? ["mcpResourceToContent"] : []),
  ].sort();
  const helperImport = `import { ${helpers.join(", ")} } from "@anthropic-ai/sdk/helpers/beta/mcp";`;
  return [
    `import Anthropic from "@anthropic-ai/sdk";`,
    helperImport.length <= WIDTH
      ? helperImport
      : `import {\n${helpers.map((helper) => `  ${helper},`).join("\n")}\n} from "@anthropic-ai/sdk/helpers/beta/mcp";`,
    `import { Client } from "@modelcontextprotocol/sdk/client/index.js";`,
    ...(servers.some((server) => server.stdio)
      ? [
          "import {",
          "  getDefaultEnvironment,",
          "  StdioClientTransport,",
          `} from "@modelcontextprotocol/sdk/client/stdio.js";`,
        ]
      : []),
    ...(servers.some((server) => !server.stdio)
      ? [
          `import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";`,
        ]
      : []),
    `import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";`,
  ];
}

/** Wraps each server's client so every call and its result is shown, a failed one loudly. */
const SHOWN_CALLS = [
  "let failedTools = 0;",
  "",
  "/** A server's client that shows each call and its result; a failed call loudly. */",
  "function shown(server: string, mcp: Client) {",
  "  return {",
  '    async callTool(call: Parameters<Client["callTool"]>[0]) {',
  "      const input = JSON.stringify(call.arguments ?? {});",
  "      console.log(`→ ${server}.${call.name}(${input})`);",
  "      const result = (await mcp.callTool(call)) as CallToolResult;",
  "      const text = result.content",
  '        .map((part) => (part.type === "text" ? part.text : `[${part.type}]`))',
  '        .join("");',
  "      if (result.isError) {",
  "        failedTools += 1;",
  "        console.error(`✗ ${server}.${call.name} failed: ${text}`);",
  "      } else {",
  "        console.log(`← ${text}`);",
  "      }",
  "      return result;",
  "    },",
  "  };",
  "}",
];

/** The toolsets' allow- and denylists, applied to each server's listed tools. */
function toolsetLines(
  servers: readonly ServerDraft[],
  names: readonly string[],
  deferred: boolean,
): string[] {
  const toolsets = tsLiteral(
    servers.map((server, index) => toolsetEntry(server, names[index]!)),
    { expression: unmark },
    0,
    16,
  );
  return [
    "// The toolsets' choices, applied here: Claude is offered only the enabled tools.",
    ...(deferred
      ? ["// (defer_loading is a connector setting: every enabled tool is offered here.)"]
      : []),
    "/** Which of a server's tools Claude is offered: `only` these, or all `except` these. */",
    "interface Toolset {",
    "  server: string;",
    "  mcp: Client;",
    "  only?: string[];",
    "  except?: string[];",
    "}",
    `const toolsets: Toolset[] = ${toolsets};`,
    "const tools: ReturnType<typeof mcpTools> = [];",
    "for (const { server, mcp, only, except } of toolsets) {",
    "  const { tools: listed } = await mcp.listTools();",
    "  const enabled = listed.filter(",
    "    (tool) =>",
    "      (only?.includes(tool.name) ?? true) && !except?.includes(tool.name),",
    "  );",
    "  tools.push(...mcpTools(enabled, shown(server, mcp)));",
    "}",
  ];
}

/** The prompt and resource read from their servers, each with a line saying where from. */
function extraLines(used: UsableExtras): string[] {
  const lines = [
    ...(used.prompt
      ? [
          `// ${used.prompt.label}'s prompt ${used.prompt.name}: the conversation starts with its messages.`,
          ...wrapCall(
            `const prompt = await ${used.prompt.client}.getPrompt({ name: ${tsString(used.prompt.name)} });`,
            `const prompt = await ${used.prompt.client}.getPrompt({`,
            [`name: ${tsString(used.prompt.name)},`],
          ),
        ]
      : []),
    ...(used.resource
      ? [
          `// ${used.resource.label}'s resource, attached to the message.`,
          ...wrapCall(
            `const resource = await ${used.resource.client}.readResource({ uri: ${tsString(used.resource.uri)} });`,
            `const resource = await ${used.resource.client}.readResource({`,
            [`uri: ${tsString(used.resource.uri)},`],
          ),
        ]
      : []),
  ];
  return lines.length ? [...lines, ""] : [];
}

/** The runner's params: the request without its MCP servers, with the tools found above. */
function runnerParams(state: ComposerState, used: UsableExtras): string {
  const request = buildRequest({ ...state, servers: [] });
  return tsLiteral(
    {
      model: request.model,
      max_tokens: request.max_tokens,
      ...(request.system ? { system: request.system } : {}),
      messages: messagesWithExtras(request.messages, used),
      tools: "__TOOLS__",
    },
    {
      expression: (value) =>
        value === "__TOOLS__"
          ? "tools"
          : value === PROMPT_MARKER
            ? "...mcpMessages(prompt.messages)"
            : value === RESOURCE_MARKER
              ? "mcpResourceToContent(resource)"
              : null,
    },
  ).replace("\n  tools: tools,\n", "\n  tools,\n");
}
