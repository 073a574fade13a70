// The request as a count_tokens call: what its prompt, system and tool definitions cost before
// paying for a run (deferred tools are not counted until a tool search loads them).
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import { countTokensParams } from "@/lib/domain/request/count-tokens";
import { PYTHON_PREAMBLE, pythonKeywords } from "./python-snippet";
import { prepareRequest, type SecretOptions } from "./secrets";
import { curlHeaders, curlJson } from "./snippets";
import { typescriptParams, typescriptPreamble } from "./typescript-snippet";

export const COUNT_TOKENS_LANGUAGES = ["curl", "typescript", "python"] as const;
export type CountTokensLanguage = (typeof COUNT_TOKENS_LANGUAGES)[number];

export function generateCountTokensSnippet(
  language: CountTokensLanguage,
  request: MessagesRequest,
  options: SecretOptions = {},
): string {
  const prepared = prepareRequest(countTokensParams(request) as MessagesRequest, options);
  const body = prepared.body;
  switch (language) {
    case "curl":
      return [
        'curl -sS "${ANTHROPIC_BASE_URL:-https://api.anthropic.com}/v1/messages/count_tokens" \\',
        ...curlHeaders(prepared).map((header) => `  ${header} \\`),
        `  --data-binary @- <<${prepared.heredoc}`,
        curlJson(prepared, body),
        prepared.heredoc,
        "",
      ].join("\n");
    case "typescript":
      return [
        ...typescriptPreamble(prepared),
        "",
        "// What the request costs before it runs: deferred tools are not counted until loaded.",
        `const count = await client.beta.messages.countTokens(${typescriptParams(prepared, body)});`,
        "console.log(`input_tokens: ${count.input_tokens}`);",
        "",
      ].join("\n");
    case "python":
      return [
        ...PYTHON_PREAMBLE,
        "",
        "# What the request costs before it runs: deferred tools are not counted until loaded.",
        "count = client.beta.messages.count_tokens(",
        ...pythonKeywords(prepared, body, 4),
        ")",
        'print(f"input_tokens: {count.input_tokens}")',
        "",
      ].join("\n");
  }
}
