// What "Get code" can produce: the Messages request (curl / TypeScript / Python / JSON), the same
// request as a Message Batch, the client-side MCP program, the servers as an mcpServers config
// for a desktop client or editor, and the servers as OpenAI Responses `mcp` tools. Each form has
// its variants (the tabs) and may come with notes on what did not carry over.
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import type { ComposerState, ServerDraft } from "@/lib/domain/request/types";
import {
  exportMcpServersConfig,
  MCP_SERVERS_FLAVOURS,
  type McpServersFlavour,
} from "@/lib/domain/translate/mcp-servers-config";
import { exportOpenAiTools } from "@/lib/domain/translate/openai-responses";
import { BATCH_LANGUAGES, generateBatchSnippet, type BatchLanguage } from "./batch-snippets";
import {
  COUNT_TOKENS_LANGUAGES,
  generateCountTokensSnippet,
  type CountTokensLanguage,
} from "./count-tokens-snippets";
import { generateClientSideSnippet, type ClientSideExtras } from "./client-side-snippet";
import type { SecretOptions } from "./secrets";
import {
  generateSnippet,
  SNIPPET_LABELS,
  SNIPPET_LANGUAGES,
  type SnippetLanguage,
} from "./snippets";

export const EXPORT_FORMS = [
  "request",
  "batch",
  "count-tokens",
  "client-side",
  "mcp-servers",
  "openai",
] as const;
export type ExportForm = (typeof EXPORT_FORMS)[number];

export const EXPORT_FORM_LABELS: Record<ExportForm, string> = {
  request: "Messages request",
  batch: "Message Batch",
  "count-tokens": "count_tokens (what it costs before it runs)",
  "client-side": "TypeScript · client-side MCP",
  "mcp-servers": "mcpServers config (desktop clients, editors)",
  openai: "OpenAI Responses mcp tools",
};

export interface ExportVariant {
  value: string;
  label: string;
}

export function exportVariants(form: ExportForm): ExportVariant[] {
  switch (form) {
    case "request":
      return SNIPPET_LANGUAGES.map((value) => ({ value, label: SNIPPET_LABELS[value] }));
    case "batch":
      return BATCH_LANGUAGES.map((value) => ({ value, label: SNIPPET_LABELS[value] }));
    case "count-tokens":
      return COUNT_TOKENS_LANGUAGES.map((value) => ({ value, label: SNIPPET_LABELS[value] }));
    case "client-side":
      return [{ value: "typescript", label: "TypeScript" }];
    case "mcp-servers":
      return MCP_SERVERS_FLAVOURS.map(({ value, label }) => ({ value, label }));
    case "openai":
      return [{ value: "json", label: "JSON" }];
  }
}

export interface ExportInput {
  state: ComposerState;
  request: MessagesRequest;
  options: SecretOptions;
  /** The tool names discovered for a server, when known (a denylist becomes an allowlist). */
  discovered?: (server: ServerDraft) => readonly string[] | null;
  /** The client-side program's MCP prompt and resource, if chosen. */
  clientSide?: ClientSideExtras;
}

export interface ExportOutput {
  code: string;
  notes: string[];
  /** A config file's name, for Download (the mcpServers form). */
  file?: string;
}

/** The code of a form's variant; an unknown variant falls back to the form's first. */
export function generateExport(
  form: ExportForm,
  variant: string,
  input: ExportInput,
): ExportOutput {
  const variants = exportVariants(form).map((entry) => entry.value);
  const chosen = variants.includes(variant) ? variant : variants[0]!;
  const stdioServers = input.state.servers.filter((server) => server.stdio);
  const stdioNote = stdioServers.length
    ? [
        `${stdioServers.map((server) => server.name).join(", ")}: stdio, client-side only — not in this request (see TypeScript · client-side MCP).`,
      ]
    : [];
  switch (form) {
    case "request":
      return {
        code: generateSnippet(chosen as SnippetLanguage, input.request, input.options),
        notes: stdioNote,
      };
    case "batch":
      return {
        code: generateBatchSnippet(chosen as BatchLanguage, input.request, input.options),
        notes: stdioNote,
      };
    case "count-tokens":
      return {
        code: generateCountTokensSnippet(
          chosen as CountTokensLanguage,
          input.request,
          input.options,
        ),
        notes: stdioNote,
      };
    case "client-side":
      return {
        code: generateClientSideSnippet(input.state, input.options, input.clientSide),
        notes: clientSideNotes(input.state),
      };
    case "mcp-servers": {
      const { text, notes, file } = exportMcpServersConfig(
        input.state,
        chosen as McpServersFlavour,
      );
      return { code: text, notes, ...(file ? { file } : {}) };
    }
    case "openai": {
      const { text, notes } = exportOpenAiTools(input.state, input.discovered);
      return { code: text, notes };
    }
  }
}

function clientSideNotes(state: ComposerState): string[] {
  const notes = [
    "Needs @anthropic-ai/sdk and @modelcontextprotocol/sdk (npm install), run with tsx or Node 22.18+.",
  ];
  if (
    state.servers.some(
      (server) =>
        server.defaultConfig.deferLoading || server.configs.some((row) => row.deferLoading),
    )
  )
    notes.push("defer_loading is a connector setting: here every enabled tool is offered.");
  return notes;
}
