// The request as TypeScript a person would write with @anthropic-ai/sdk: the params as an object
// literal (formatted as Prettier formats it), secrets read from the environment where they stand,
// and the answer walked block by block — text, each MCP tool call and its result — with a failed
// tool call made loud and the exit code set, as an unattended job needs.
import { tsLiteral } from "./literals";
import { API_KEY_ENV, type PreparedRequest } from "./secrets";

/** The imports and the client, and the `env()` reader when the request has secrets. */
export function typescriptPreamble(prepared: PreparedRequest, imports: string[] = []): string[] {
  return [
    `import Anthropic from "@anthropic-ai/sdk";`,
    ...imports,
    "",
    `// Reads ${API_KEY_ENV} (and ANTHROPIC_BASE_URL, if set) from the environment.`,
    "const client = new Anthropic();",
    ...(prepared.variables.length ? ["", ...TS_ENV_HELPER] : []),
  ];
}

/** The snippets' `env()`: a secret from the environment, or a stop with its name. */
export const TS_ENV_HELPER = [
  "/** A secret from the environment: missing, it stops here rather than send a blank. */",
  "function env(name: string): string {",
  "  const value = process.env[name];",
  "  if (!value) throw new Error(`Set ${name} in the environment.`);",
  "  return value;",
  "}",
];

/** The params object (betas included) as a literal, secrets as `env("…")`. */
export function typescriptParams(
  prepared: PreparedRequest,
  body: object,
  indent = 0,
  column = 0,
): string {
  return tsLiteral(
    { ...body, ...(prepared.betas.length ? { betas: prepared.betas } : {}) },
    {
      expression: (value) => {
        const env = prepared.envOf(value);
        return env ? `env("${env}")` : null;
      },
    },
    indent,
    column,
  );
}

/** `show(block)`: prints a block; counts failed tool calls in `failedTools`. */
export const TYPESCRIPT_SHOW_BLOCK = [
  "let failedTools = 0;",
  "",
  "/** Prints a block: text, each MCP tool call and its result; a failed call loudly. */",
  "function show(block: Anthropic.Beta.BetaContentBlock): void {",
  '  if (block.type === "text") {',
  "    console.log(block.text);",
  '  } else if (block.type === "mcp_tool_use") {',
  "    const input = JSON.stringify(block.input);",
  "    console.log(`→ ${block.server_name}.${block.name}(${input})`);",
  '  } else if (block.type === "mcp_tool_result") {',
  "    const text =",
  '      typeof block.content === "string"',
  "        ? block.content",
  '        : block.content.map((part) => part.text).join("");',
  "    if (block.is_error) {",
  "      failedTools += 1;",
  "      console.error(`✗ ${block.tool_use_id} failed: ${text}`);",
  "    } else {",
  "      console.log(`← ${text}`);",
  "    }",
  "  }",
  "}",
];

export const TYPESCRIPT_EXIT_ON_FAILURE = [
  "// Unattended, a failed tool call must not pass for a normal answer.",
  "if (failedTools > 0) process.exitCode = 1;",
];

export function typescriptSnippet(prepared: PreparedRequest): string {
  // The SDK's stream helper sets `stream` itself and assembles the final message.
  const { stream, ...body } = prepared.body;
  const streamed = stream === true;
  const params = typescriptParams(prepared, body);
  return [
    ...typescriptPreamble(prepared),
    "",
    ...TYPESCRIPT_SHOW_BLOCK,
    "",
    ...(streamed
      ? [
          `const stream = client.beta.messages.stream(${params});`,
          "",
          "// Text as it arrives; each tool call and result once its block is complete.",
          'stream.on("text", (text) => process.stdout.write(text));',
          'stream.on("contentBlock", (block) => {',
          '  if (block.type === "text") process.stdout.write("\\n");',
          "  else show(block);",
          "});",
          "const message = await stream.finalMessage();",
        ]
      : [
          `const message = await client.beta.messages.create(${params});`,
          "",
          "for (const block of message.content) show(block);",
        ]),
    "console.log(`stop_reason: ${message.stop_reason}`);",
    ...TYPESCRIPT_EXIT_ON_FAILURE,
    "",
  ].join("\n");
}
