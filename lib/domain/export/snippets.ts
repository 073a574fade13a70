// Code that sends the exact request Send sends: curl, TypeScript (@anthropic-ai/sdk) and Python
// (anthropic), plus the JSON body. Built from the same params object. Secrets never appear: the
// API key, each server's token, and a URL carrying credentials or a query string are
// environment-variable references (lib/domain/export/secrets.ts).
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import { pythonSnippet } from "./python-snippet";
import { API_KEY_ENV, prepareRequest, type PreparedRequest, type SecretOptions } from "./secrets";
import { typescriptSnippet } from "./typescript-snippet";

export { API_KEY_ENV, secretVariables, type SecretVariable } from "./secrets";

export const SNIPPET_LANGUAGES = ["curl", "typescript", "python", "json"] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

export const SNIPPET_LABELS: Record<SnippetLanguage, string> = {
  curl: "curl",
  typescript: "TypeScript",
  python: "Python",
  json: "JSON body",
};

export const ANTHROPIC_VERSION = "2023-06-01";

export type SnippetOptions = SecretOptions;

export function generateSnippet(
  language: SnippetLanguage,
  params: MessagesRequest,
  options: SnippetOptions = {},
): string {
  const prepared = prepareRequest(params, options);
  switch (language) {
    case "json":
      return prepared.replaceMarkers(JSON.stringify(prepared.body, null, 2), (env) =>
        JSON.stringify(`$${env}`),
      );
    case "curl":
      return curlSnippet(prepared);
    case "typescript":
      return typescriptSnippet(prepared);
    case "python":
      return pythonSnippet(prepared);
  }
}

/** The body as curl's heredoc holds it: what the shell would expand escaped, tokens expanded. */
export function curlJson(prepared: PreparedRequest, body: object): string {
  // An unquoted heredoc lets the shell expand the token variables, so everything else that the
  // shell would touch ($, `, \) is escaped first.
  const json = JSON.stringify(body, null, 2).replace(/[\\$`]/g, (char) => `\\${char}`);
  return prepared.replaceMarkers(json, (env) => `"$${env}"`);
}

/** The headers every curl call sends: the key from the environment, the version, the betas. */
export function curlHeaders(prepared: PreparedRequest, json = true): string[] {
  return [
    `-H "x-api-key: $${API_KEY_ENV}"`,
    `-H "anthropic-version: ${ANTHROPIC_VERSION}"`,
    ...(prepared.betas.length ? [`-H "anthropic-beta: ${prepared.betas.join(",")}"`] : []),
    ...(json ? [`-H "content-type: application/json"`] : []),
  ];
}

function curlSnippet(prepared: PreparedRequest): string {
  const streamed = prepared.body.stream === true;
  return [
    // -N prints each server-sent event as it arrives instead of buffering.
    `curl${streamed ? " -N" : ""} "\${ANTHROPIC_BASE_URL:-https://api.anthropic.com}/v1/messages" \\`,
    ...curlHeaders(prepared).map((header) => `  ${header} \\`),
    `  --data-binary @- <<${prepared.heredoc}`,
    curlJson(prepared, prepared.body),
    prepared.heredoc,
    "",
  ].join("\n");
}
