// The request as Python a person would write with the `anthropic` SDK: keyword arguments with
// Python literals (True, None), secrets as os.environ["…"] where they stand, and the answer walked
// block by block, a failed tool call made loud and the exit status set.
import { pyLiteral } from "./literals";
import { API_KEY_ENV, type PreparedRequest } from "./secrets";

export const PYTHON_PREAMBLE = [
  "import json",
  "import os",
  "import sys",
  "",
  "import anthropic",
  "",
  `# Reads ${API_KEY_ENV} (and ANTHROPIC_BASE_URL, if set) from the environment.`,
  "client = anthropic.Anthropic()",
];

export const PYTHON_SHOW_BLOCK = [
  "failed_tools = 0",
  "",
  "",
  "def show(block):",
  '    """Prints a block: text, each MCP tool call and its result; a failed call loudly."""',
  "    global failed_tools",
  '    if block.type == "text":',
  "        print(block.text)",
  '    elif block.type == "mcp_tool_use":',
  '        print(f"→ {block.server_name}.{block.name}({json.dumps(block.input)})")',
  '    elif block.type == "mcp_tool_result":',
  "        text = (",
  "            block.content",
  "            if isinstance(block.content, str)",
  '            else "".join(part.text for part in block.content)',
  "        )",
  "        if block.is_error:",
  "            failed_tools += 1",
  '            print(f"✗ {block.tool_use_id} failed: {text}", file=sys.stderr)',
  "        else:",
  '            print(f"← {text}")',
];

export const PYTHON_EXIT_ON_FAILURE = [
  "# Unattended, a failed tool call must not pass for a normal answer.",
  "if failed_tools:",
  "    sys.exit(1)",
];

/** Keyword arguments, one a line at `indent`, secrets as os.environ["…"]. */
export function pythonKeywords(prepared: PreparedRequest, body: object, indent: number): string[] {
  const pad = " ".repeat(indent);
  const entries = Object.entries({
    ...body,
    ...(prepared.betas.length ? { betas: prepared.betas } : {}),
  }).filter(([, value]) => value !== undefined);
  return entries.map(([key, value]) => {
    const head = `${pad}${key}=`;
    const literal = pyLiteral(
      value,
      {
        expression: (text) => {
          const env = prepared.envOf(text);
          return env ? `os.environ["${env}"]` : null;
        },
      },
      indent,
      head.length,
    );
    return `${head}${literal},`;
  });
}

export function pythonSnippet(prepared: PreparedRequest): string {
  const { stream, ...body } = prepared.body;
  const streamed = stream === true;
  return [
    ...PYTHON_PREAMBLE,
    "",
    ...PYTHON_SHOW_BLOCK,
    "",
    "",
    ...(streamed
      ? [
          "with client.beta.messages.stream(",
          ...pythonKeywords(prepared, body, 4),
          ") as stream:",
          "    # Text as it arrives; each tool call and result once its block is complete.",
          "    for event in stream:",
          '        if event.type == "text":',
          '            print(event.text, end="", flush=True)',
          '        elif event.type == "content_block_stop":',
          '            if event.content_block.type == "text":',
          "                print()",
          "            else:",
          "                show(event.content_block)",
          "    message = stream.get_final_message()",
        ]
      : [
          "message = client.beta.messages.create(",
          ...pythonKeywords(prepared, body, 4),
          ")",
          "for block in message.content:",
          "    show(block)",
        ]),
    'print(f"stop_reason: {message.stop_reason}")',
    ...PYTHON_EXIT_ON_FAILURE,
    "",
  ].join("\n");
}
