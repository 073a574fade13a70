// The request as a Message Batch: created with the MCP betas, polled (with a growing wait) until
// it has ended, then its results read and each answer walked as the Messages snippets walk it.
// A batch runs requests unstreamed, so `stream` is left out of its params.
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import {
  PYTHON_EXIT_ON_FAILURE,
  PYTHON_PREAMBLE,
  PYTHON_SHOW_BLOCK,
  pythonKeywords,
} from "./python-snippet";
import { prepareRequest, type PreparedRequest, type SecretOptions } from "./secrets";
import { curlHeaders, curlJson } from "./snippets";
import {
  TYPESCRIPT_EXIT_ON_FAILURE,
  TYPESCRIPT_SHOW_BLOCK,
  typescriptParams,
  typescriptPreamble,
} from "./typescript-snippet";

export const BATCH_LANGUAGES = ["curl", "typescript", "python"] as const;
export type BatchLanguage = (typeof BATCH_LANGUAGES)[number];

/** The one request's id in the batch; results come back keyed by it. */
export const BATCH_CUSTOM_ID = "request-1";

export function generateBatchSnippet(
  language: BatchLanguage,
  params: MessagesRequest,
  options: SecretOptions = {},
): string {
  const prepared = prepareRequest(params, options);
  const { stream: _stream, ...body } = prepared.body;
  switch (language) {
    case "curl":
      return curlBatch(prepared, body);
    case "typescript":
      return typescriptBatch(prepared, body);
    case "python":
      return pythonBatch(prepared, body);
  }
}

function curlBatch(prepared: PreparedRequest, body: object): string {
  const headers = (json: boolean) =>
    curlHeaders(prepared, json)
      .map((header) => `  ${header}`)
      .join(" \\\n");
  const request = { requests: [{ custom_id: BATCH_CUSTOM_ID, params: body }] };
  return [
    'BASE="${ANTHROPIC_BASE_URL:-https://api.anthropic.com}"',
    "",
    "# Create the batch; its id comes back in the answer.",
    'BATCH=$(curl -sS "$BASE/v1/messages/batches" \\',
    `${headers(true)} \\`,
    `  --data-binary @- <<${prepared.heredoc}`,
    curlJson(prepared, request),
    prepared.heredoc,
    ")",
    `BATCH_ID=$(printf '%s' "$BATCH" | grep -o 'msgbatch_[A-Za-z0-9]*' | head -n 1)`,
    'echo "batch $BATCH_ID"',
    "",
    "# A batch runs in the background: ask again, waiting longer each time, until it has ended.",
    "WAIT=1",
    'until curl -sS "$BASE/v1/messages/batches/$BATCH_ID" \\',
    `${headers(false)} | grep -q '"processing_status": *"ended"'; do`,
    '  sleep "$WAIT"',
    "  WAIT=$((WAIT < 60 ? WAIT * 2 : 60))",
    "done",
    "",
    "# The results: one JSON line per request, keyed by custom_id.",
    'curl -sS "$BASE/v1/messages/batches/$BATCH_ID/results" \\',
    headers(false),
    "",
  ].join("\n");
}

function typescriptBatch(prepared: PreparedRequest, body: object): string {
  const betas = prepared.betas.length ? prepared.betas : null;
  const request = typescriptParams(
    { ...prepared, betas: [] },
    { requests: [{ custom_id: BATCH_CUSTOM_ID, params: body }], ...(betas ? { betas } : {}) },
  );
  return [
    ...typescriptPreamble(prepared),
    "",
    ...TYPESCRIPT_SHOW_BLOCK,
    "",
    `let batch = await client.beta.messages.batches.create(${request});`,
    "console.log(`batch ${batch.id}: ${batch.processing_status}`);",
    "",
    "// A batch runs in the background: ask again, waiting longer each time, until it has ended.",
    "let wait = 1_000;",
    'while (batch.processing_status !== "ended") {',
    "  await new Promise((resolve) => setTimeout(resolve, wait));",
    "  wait = Math.min(wait * 2, 60_000);",
    "  batch = await client.beta.messages.batches.retrieve(batch.id);",
    "}",
    "",
    "// One result per request, keyed by custom_id.",
    "const results = await client.beta.messages.batches.results(batch.id);",
    "for await (const entry of results) {",
    "  console.log(`# ${entry.custom_id}: ${entry.result.type}`);",
    '  if (entry.result.type === "succeeded") {',
    "    for (const block of entry.result.message.content) show(block);",
    "    console.log(`stop_reason: ${entry.result.message.stop_reason}`);",
    '  } else if (entry.result.type === "errored") {',
    "    failedTools += 1;",
    "    console.error(`✗ ${entry.custom_id}: ${entry.result.error.error.message}`);",
    "  }",
    "}",
    ...TYPESCRIPT_EXIT_ON_FAILURE,
    "",
  ].join("\n");
}

function pythonBatch(prepared: PreparedRequest, body: object): string {
  const keywords = pythonKeywords(
    prepared,
    { requests: [{ custom_id: BATCH_CUSTOM_ID, params: body }] },
    4,
  );
  return [
    ...PYTHON_PREAMBLE.map((line) => (line === "import sys" ? "import sys\nimport time" : line)),
    "",
    ...PYTHON_SHOW_BLOCK,
    "",
    "",
    "batch = client.beta.messages.batches.create(",
    ...keywords,
    ")",
    'print(f"batch {batch.id}: {batch.processing_status}")',
    "",
    "# A batch runs in the background: ask again, waiting longer each time, until it has ended.",
    "wait = 1",
    'while batch.processing_status != "ended":',
    "    time.sleep(wait)",
    "    wait = min(wait * 2, 60)",
    "    batch = client.beta.messages.batches.retrieve(batch.id)",
    "",
    "# One result per request, keyed by custom_id.",
    "for entry in client.beta.messages.batches.results(batch.id):",
    '    print(f"# {entry.custom_id}: {entry.result.type}")',
    '    if entry.result.type == "succeeded":',
    "        for block in entry.result.message.content:",
    "            show(block)",
    '        print(f"stop_reason: {entry.result.message.stop_reason}")',
    '    elif entry.result.type == "errored":',
    "        failed_tools += 1",
    '        print(f"✗ {entry.custom_id}: {entry.result.error.error.message}", file=sys.stderr)',
    ...PYTHON_EXIT_ON_FAILURE,
    "",
  ].join("\n");
}
