"use client";

import { useAppStore } from "@/components/store-provider";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FIELD_IDS } from "@/lib/domain/request/field-ids";
import { ConversationView } from "./lazy-conversation";
import { lazyComponent } from "@/components/ui/lazy-component";
import {
  MCP_BETAS,
  MODEL_SUGGESTIONS,
  TOOL_SEARCH_KINDS,
  type BetaChoice,
  type ToolSearchKind,
} from "@/lib/domain/request/types";

/** Thinking, effort, structured output, tool_choice, …: folded, their code loads after the page. */
const RequestOptionsSection = lazyComponent(() =>
  import("./request-options").then((module) => module.RequestOptionsSection),
);

const BETA_LABELS: Record<BetaChoice, string> = {
  "mcp-client-2025-11-20": "2025-11-20 · current",
  "mcp-client-2026-09-15": "2026-09-15 · listing, pinning",
  "mcp-client-2025-04-04": "2025-04-04 · deprecated",
  none: "none · API refuses",
};

const TOOL_SEARCH_LABELS: Record<ToolSearchKind, string> = {
  none: "None",
  regex: "Regex · tool_search_tool_regex",
  bm25: "BM25 · tool_search_tool_bm25",
};

export function RequestFields({ onShowResponse }: { onShowResponse: () => void }) {
  const model = useAppStore((s) => s.composer.model);
  const maxTokens = useAppStore((s) => s.composer.maxTokens);
  const beta = useAppStore((s) => s.composer.beta);
  const toolSearch = useAppStore((s) => s.composer.toolSearch);
  const stream = useAppStore((s) => s.composer.stream);
  const turns = useAppStore((s) => s.composer.conversation.length);
  const setField = useAppStore((s) => s.setField);

  return (
    <section aria-labelledby="request-heading" className="space-y-3">
      <h2 id="request-heading" className="sr-only">
        Request
      </h2>
      <div className="grid grid-cols-[1fr_7rem] gap-2">
        <Field id={FIELD_IDS.model} label="Model">
          <TextInput
            id={FIELD_IDS.model}
            list="model-suggestions"
            value={model}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setField("model", event.target.value)}
          />
          <datalist id="model-suggestions">
            {MODEL_SUGGESTIONS.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </Field>
        <Field id={FIELD_IDS.maxTokens} label="max_tokens">
          <TextInput
            id={FIELD_IDS.maxTokens}
            type="number"
            min={1}
            inputMode="numeric"
            value={Number.isFinite(maxTokens) ? maxTokens : ""}
            onChange={(event) => setField("maxTokens", event.target.valueAsNumber)}
          />
        </Field>
      </div>
      <PromptField field="system" label="System prompt" rows={2} placeholder="Optional" />
      {turns > 0 ? <ConversationView onShowResponse={onShowResponse} /> : null}
      <PromptField
        field="message"
        label="Message"
        rows={3}
        hint={turns > 0 ? "The follow-up, sent after the earlier turns." : undefined}
      />
      <label className="flex w-fit cursor-pointer items-center gap-2 text-sm">
        <input
          type="checkbox"
          role="switch"
          aria-checked={stream}
          checked={stream}
          onChange={(event) => setField("stream", event.target.checked)}
          className="h-4 w-4 accent-accent"
        />
        Stream
        <span className="text-xs text-muted">server-sent events, blocks as they arrive</span>
      </label>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Field id={FIELD_IDS.beta} label="MCP beta (mcp-client-…)">
          <Select
            id={FIELD_IDS.beta}
            value={beta}
            onChange={(event) => setField("beta", event.target.value as BetaChoice)}
          >
            {[...MCP_BETAS, "none" as const].map((value) => (
              <option key={value} value={value}>
                {BETA_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={FIELD_IDS.toolSearch} label="Tool search tool">
          <Select
            id={FIELD_IDS.toolSearch}
            value={toolSearch}
            onChange={(event) => setField("toolSearch", event.target.value as ToolSearchKind)}
          >
            {TOOL_SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {TOOL_SEARCH_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <RequestOptionsSection />
    </section>
  );
}

/**
 * The system prompt and the message, each its own component: a key press renders that field
 * alone, and the preview follows in a deferred render (components/preview/use-preview.tsx).
 */
function PromptField({
  field,
  label,
  rows,
  placeholder,
  hint,
}: {
  field: "system" | "message";
  label: string;
  rows: number;
  placeholder?: string;
  hint?: string;
}) {
  const value = useAppStore((s) => s.composer[field]);
  const setField = useAppStore((s) => s.setField);
  return (
    <Field id={FIELD_IDS[field]} label={label} hint={hint}>
      <TextArea
        id={FIELD_IDS[field]}
        rows={rows}
        placeholder={placeholder}
        value={value}
        onChange={(event) => setField(field, event.target.value)}
      />
    </Field>
  );
}
