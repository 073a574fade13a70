// Code that sends the exact request Send sends: curl, TypeScript (@anthropic-ai/sdk) and Python
// (anthropic), plus the JSON body. Built from the same params object. Secrets never appear: the
// API key and each server's token are environment-variable references.
import type { MessagesRequest } from "../request/build-request";

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
const HEREDOC = "MCP_PLAYGROUND_JSON";

export interface TokenVariable {
  serverIndex: number;
  serverName: string;
  env: string;
}

/** One environment variable per server that has a token, named after the server: MCP_TOKEN_CALENDAR. */
export function tokenVariables(params: MessagesRequest): TokenVariable[] {
  const taken = new Set<string>();
  const variables: TokenVariable[] = [];
  (params.mcp_servers ?? []).forEach((server, serverIndex) => {
    if (!server.authorization_token) return;
    const stem = `MCP_TOKEN_${
      server.name
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, "_")
        .replace(/^_+|_+$/g, "") || "SERVER"
    }`;
    let env = stem;
    for (let n = 2; taken.has(env); n += 1) env = `${stem}_${n}`;
    taken.add(env);
    variables.push({ serverIndex, serverName: server.name, env });
  });
  return variables;
}

const marker = (env: string) => `__MCP_PLAYGROUND_ENV_${env}__`;

/** The params with every token replaced by a marker string, and the betas split off (they go in a header). */
function prepare(params: MessagesRequest) {
  const variables = tokenVariables(params);
  const { betas, ...rest } = params;
  const body: Omit<MessagesRequest, "betas"> = {
    ...rest,
    ...(rest.mcp_servers
      ? {
          mcp_servers: rest.mcp_servers.map((server, index) => {
            const variable = variables.find((v) => v.serverIndex === index);
            return variable ? { ...server, authorization_token: marker(variable.env) } : server;
          }),
        }
      : {}),
  };
  return { body, betas: betas ?? [], variables };
}

function replaceMarkers(
  text: string,
  variables: TokenVariable[],
  as: (env: string) => string,
): string {
  let out = text;
  for (const { env } of variables) out = out.replaceAll(JSON.stringify(marker(env)), as(env));
  return out;
}

export function generateSnippet(language: SnippetLanguage, params: MessagesRequest): string {
  const { body, betas, variables } = prepare(params);
  switch (language) {
    case "json":
      return replaceMarkers(JSON.stringify(body, null, 2), variables, (env) =>
        JSON.stringify(`$${env}`),
      );
    case "curl":
      return curlSnippet(body, betas, variables);
    case "typescript":
    case "python": {
      // The SDKs' stream helpers set `stream` themselves and assemble the final message.
      const { stream, ...rest } = body;
      const sdkParams = { ...rest, ...(betas.length ? { betas } : {}) };
      return language === "typescript"
        ? typescriptSnippet(sdkParams, variables, stream === true)
        : pythonSnippet(sdkParams, variables, stream === true);
    }
  }
}

function curlSnippet(body: object, betas: readonly string[], variables: TokenVariable[]): string {
  // An unquoted heredoc lets the shell expand the token variables, so everything else that the
  // shell would touch ($, `, \) is escaped first.
  const json = JSON.stringify(body, null, 2).replace(/[\\$`]/g, (char) => `\\${char}`);
  const withTokens = replaceMarkers(json, variables, (env) => `"$${env}"`);
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
    `  --data-binary @- <<${HEREDOC}`,
    withTokens,
    HEREDOC,
    "",
  ].join("\n");
}

function typescriptSnippet(params: object, variables: TokenVariable[], streamed: boolean): string {
  const literal = replaceMarkers(
    JSON.stringify(params, null, 2),
    variables,
    (env) => `process.env.${env}`,
  );
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

function pythonSnippet(params: object, variables: TokenVariable[], streamed: boolean): string {
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
      ({ serverIndex, env }) =>
        `params["mcp_servers"][${serverIndex}]["authorization_token"] = os.environ["${env}"]`,
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
