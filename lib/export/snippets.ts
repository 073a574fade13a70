// Code that sends the exact request Send sends: curl, TypeScript (@anthropic-ai/sdk) and Python
// (anthropic), plus the JSON body. Built from the same params object. Secrets never appear: the
// API key, each server's token, and a URL carrying credentials or a query string are
// environment-variable references.
import type { MessagesRequest } from "../request/build-request";
import { hasUrlSecrets } from "../request/url-secrets";

export const SNIPPET_LANGUAGES = ["curl", "typescript", "python", "json"] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

export const SNIPPET_LABELS: Record<SnippetLanguage, string> = {
  curl: "curl",
  typescript: "TypeScript",
  python: "Python",
  json: "JSON body",
};

export const API_KEY_ENV = "ANTHROPIC_API_KEY";
const ANTHROPIC_VERSION = "2023-06-01";

/** A secret a snippet reads from the environment: a server's token, or its whole URL. */
export interface SecretVariable {
  serverIndex: number;
  serverName: string;
  env: string;
  field: "authorization_token" | "url";
}

export interface SnippetOptions {
  /** Names of the servers whose URL credentials and query string may appear as they are. */
  keepUrlSecrets?: readonly string[];
  /** The placeholder markers' random part; fresh per generation unless a test fixes it. */
  nonce?: string;
}

function envName(prefix: string, serverName: string): string {
  return `${prefix}_${
    serverName
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "SERVER"
  }`;
}

/**
 * One environment variable per secret, named after the server: MCP_TOKEN_CALENDAR for a token,
 * MCP_URL_CALENDAR for a URL whose credentials or query string must not be written out.
 */
export function secretVariables(
  params: MessagesRequest,
  options: Pick<SnippetOptions, "keepUrlSecrets"> = {},
): SecretVariable[] {
  const taken = new Set<string>();
  const variables: SecretVariable[] = [];
  const add = (serverIndex: number, serverName: string, field: SecretVariable["field"]) => {
    const stem = envName(field === "url" ? "MCP_URL" : "MCP_TOKEN", serverName);
    let env = stem;
    for (let n = 2; taken.has(env); n += 1) env = `${stem}_${n}`;
    taken.add(env);
    variables.push({ serverIndex, serverName, env, field });
  };
  (params.mcp_servers ?? []).forEach((server, serverIndex) => {
    if (hasUrlSecrets(server.url) && !options.keepUrlSecrets?.includes(server.name))
      add(serverIndex, server.name, "url");
    if (server.authorization_token) add(serverIndex, server.name, "authorization_token");
  });
  return variables;
}

function randomNonce(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The params with every secret replaced by a marker string, and the betas split off (they go in a
 * header). Markers carry a random part, so no text in the request can pose as one.
 */
function prepare(params: MessagesRequest, options: SnippetOptions) {
  const variables = secretVariables(params, options);
  const nonce = options.nonce ?? randomNonce();
  const marker = (env: string) => `__MCP_PLAYGROUND_${nonce}_${env}__`;
  const { betas, ...rest } = params;
  const body: Omit<MessagesRequest, "betas"> = {
    ...rest,
    ...(rest.mcp_servers
      ? {
          mcp_servers: rest.mcp_servers.map((server, index) => {
            const replaced = { ...server };
            for (const variable of variables.filter((v) => v.serverIndex === index))
              replaced[variable.field] = marker(variable.env);
            return replaced;
          }),
        }
      : {}),
  };
  const replaceMarkers = (text: string, as: (env: string) => string): string => {
    let out = text;
    for (const { env } of variables) out = out.replaceAll(JSON.stringify(marker(env)), as(env));
    return out;
  };
  return {
    body,
    betas: betas ?? [],
    variables,
    replaceMarkers,
    heredoc: `MCP_PLAYGROUND_${nonce}`,
  };
}

type ReplaceMarkers = ReturnType<typeof prepare>["replaceMarkers"];

export function generateSnippet(
  language: SnippetLanguage,
  params: MessagesRequest,
  options: SnippetOptions = {},
): string {
  const { body, betas, variables, replaceMarkers, heredoc } = prepare(params, options);
  switch (language) {
    case "json":
      return replaceMarkers(JSON.stringify(body, null, 2), (env) => JSON.stringify(`$${env}`));
    case "curl":
      return curlSnippet(body, betas, replaceMarkers, heredoc);
    case "typescript":
    case "python": {
      // The SDKs' stream helpers set `stream` themselves and assemble the final message.
      const { stream, ...rest } = body;
      const sdkParams = { ...rest, ...(betas.length ? { betas } : {}) };
      return language === "typescript"
        ? typescriptSnippet(sdkParams, replaceMarkers, stream === true)
        : pythonSnippet(sdkParams, variables, stream === true);
    }
  }
}

function curlSnippet(
  body: object,
  betas: readonly string[],
  replaceMarkers: ReplaceMarkers,
  heredoc: string,
): string {
  // An unquoted heredoc lets the shell expand the token variables, so everything else that the
  // shell would touch ($, `, \) is escaped first.
  const json = JSON.stringify(body, null, 2).replace(/[\\$`]/g, (char) => `\\${char}`);
  const withTokens = replaceMarkers(json, (env) => `"$${env}"`);
  const headers = [
    `-H "x-api-key: $${API_KEY_ENV}"`,
    `-H "anthropic-version: ${ANTHROPIC_VERSION}"`,
    ...(betas.length ? [`-H "anthropic-beta: ${betas.join(",")}"`] : []),
    `-H "content-type: application/json"`,
  ];
  const streamed = "stream" in body && body.stream === true;
  return [
    // -N prints each server-sent event as it arrives instead of buffering.
    `curl${streamed ? " -N" : ""} "\${ANTHROPIC_BASE_URL:-https://api.anthropic.com}/v1/messages" \\`,
    ...headers.map((header) => `  ${header} \\`),
    `  --data-binary @- <<${heredoc}`,
    withTokens,
    heredoc,
    "",
  ].join("\n");
}

function typescriptSnippet(
  params: object,
  replaceMarkers: ReplaceMarkers,
  streamed: boolean,
): string {
  const literal = replaceMarkers(JSON.stringify(params, null, 2), (env) => `process.env.${env}`);
  return [
    `import Anthropic from "@anthropic-ai/sdk";`,
    "",
    `// Reads ${API_KEY_ENV} (and ANTHROPIC_BASE_URL, if set) from the environment.`,
    "const client = new Anthropic();",
    "",
    ...(streamed
      ? [
          `const stream = client.beta.messages.stream(${literal});`,
          "",
          "// Text as it arrives; MCP tool calls and results come as whole blocks.",
          'stream.on("text", (text) => process.stdout.write(text));',
          'stream.on("contentBlock", (block) => {',
          '  if (block.type !== "text") console.log(`\\n[${block.type}]`, JSON.stringify(block));',
          "});",
          "",
          "const message = await stream.finalMessage();",
          "console.log(`\\n\\nstop_reason: ${message.stop_reason}`);",
        ]
      : [
          `const message = await client.beta.messages.create(${literal});`,
          "",
          "console.log(JSON.stringify(message, null, 2));",
        ]),
    "",
  ].join("\n");
}

function pythonSnippet(params: object, variables: SecretVariable[], streamed: boolean): string {
  const json = JSON.stringify(params, null, 2);
  return [
    "import json",
    "import os",
    "",
    "import anthropic",
    "",
    `# Reads ${API_KEY_ENV} (and ANTHROPIC_BASE_URL, if set) from the environment.`,
    "client = anthropic.Anthropic()",
    "",
    `params = json.loads(${JSON.stringify(json)})`,
    ...variables.map(
      ({ serverIndex, env, field }) =>
        `params["mcp_servers"][${serverIndex}]["${field}"] = os.environ["${env}"]`,
    ),
    "",
    ...(streamed
      ? [
          "with client.beta.messages.stream(**params) as stream:",
          "    for text in stream.text_stream:",
          '        print(text, end="", flush=True)',
          "    message = stream.get_final_message()",
          "",
          'print("\\n\\nstop_reason:", message.stop_reason)',
        ]
      : [
          "message = client.beta.messages.create(**params)",
          "print(message.model_dump_json(indent=2))",
        ]),
    "",
  ].join("\n");
}
