"use client";

import { JsonBlock } from "@/components/preview/request-json";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { useCopy } from "@/components/ui/use-copy";
import type { SendOutcome } from "@/lib/domain/api/send-outcome";
import { FIELD_IDS } from "@/lib/domain/request/field-ids";
import { ResponseBlocks } from "./response-blocks";
import { SignInSuggestions } from "./sign-in-suggestions";

// What a finished Send shows (loaded with the first Send, not with the page).

/** The answer (meta, blocks in order, Reply, raw JSON) or the error, loud. */
export function Outcome({ outcome }: { outcome: SendOutcome }) {
  if (!outcome.ok) {
    const { error } = outcome;
    return (
      <div className="space-y-3">
        <div
          role="alert"
          data-testid="request-error"
          className="rounded-lg border-2 border-danger bg-danger-soft px-3 py-2.5"
        >
          <p className="flex flex-wrap items-baseline gap-2 text-sm">
            <span className="font-mono text-xs font-bold text-danger">
              {error.status > 0 ? error.status : "—"}
            </span>
            <code className="font-mono font-semibold text-danger">{error.type}</code>
          </p>
          <p className="mt-1 text-sm break-words text-ink">{error.message}</p>
          <p className="mt-1.5 text-xs text-muted">
            {error.requestId ? (
              <>
                request-id <code className="font-mono">{error.requestId}</code> ·{" "}
              </>
            ) : null}
            {targetLabel(outcome.target)} · the composer is unchanged.
          </p>
        </div>
        <SignInSuggestions errorMessage={error.message} />
        {outcome.partial ? (
          <section aria-label="What arrived" className="space-y-2" data-testid="partial-response">
            <p className="text-xs font-medium text-muted">
              What arrived before the stream{" "}
              {outcome.error.type === "cancelled" ? "was cancelled" : "broke"} (
              {outcome.partial.content.length} block
              {outcome.partial.content.length === 1 ? "" : "s"}):
            </p>
            <ResponseBlocks content={outcome.partial.content} />
          </section>
        ) : null}
        {outcome.raw ? <RawJson value={outcome.raw} label="Raw error JSON" /> : null}
        {!outcome.raw && outcome.partial ? (
          <RawJson value={outcome.partial} label="Raw JSON of what arrived" />
        ) : null}
      </div>
    );
  }
  const { message } = outcome;
  return (
    <div className="space-y-3">
      <SignInSuggestions blocks={message.content} />
      <dl
        className="grid grid-cols-2 gap-x-3 gap-y-1 rounded-lg border border-line bg-sunken px-3 py-2 text-xs"
        data-testid="response-meta"
      >
        <Meta label="stop_reason" value={message.stop_reason ?? "null"} />
        <Meta
          label="usage"
          value={`${message.usage.input_tokens} in / ${message.usage.output_tokens} out`}
        />
        <Meta label="latency" value={`${Math.round(outcome.latencyMs)} ms`} />
        {outcome.firstEventMs !== null ? (
          <Meta label="first event" value={`${Math.round(outcome.firstEventMs)} ms (streamed)`} />
        ) : null}
        <Meta label="model" value={message.model} />
        <Meta label="target" value={targetLabel(outcome.target)} />
        <RequestIdMeta requestId={outcome.requestId} />
      </dl>
      <ResponseBlocks content={message.content} anchor="response-block" />
      <ReplyBar stopReason={message.stop_reason} />
      <RawJson value={message} label="Raw response JSON" testId="raw-response" />
    </div>
  );
}

/** The JSON as received, one click away. */
function RawJson({ value, label, testId }: { value: unknown; label: string; testId?: string }) {
  return (
    <details
      onToggle={(event) => {
        // Opened below the fold, the JSON would stay out of sight: bring it into view.
        const details = event.currentTarget;
        if (details.open) details.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }}
    >
      <summary className="cursor-pointer text-xs text-muted">Raw JSON</summary>
      <div className="mt-2">
        <JsonBlock value={value} label={label} testId={testId} />
      </div>
    </details>
  );
}

/** After an answer: turn it into the conversation's last turn and write the follow-up. */
function ReplyBar({ stopReason }: { stopReason: string | null }) {
  const continueConversation = useAppStore((s) => s.continueConversation);
  function reply() {
    continueConversation();
    // The message box is in the composer pane (a hidden tab on narrow windows until shown).
    document.getElementById("tab-composer")?.click();
    requestAnimationFrame(() => document.getElementById(FIELD_IDS.message)?.focus());
  }
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-line px-3 py-2">
      <p className="flex-1 text-xs text-muted">
        {stopReason === "pause_turn"
          ? "The API paused this turn: Reply, then Send with the message left empty to let it continue."
          : "Write a follow-up: this answer, MCP blocks included, goes back unchanged."}
      </p>
      <Button size="sm" variant="primary" onClick={reply}>
        Reply
      </Button>
    </div>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-[10px] tracking-wide text-muted uppercase">{label}</dt>
      <dd className="truncate font-mono" title={value}>
        {value}
      </dd>
    </div>
  );
}

/** The request id, with a copy button (support asks for it). */
function RequestIdMeta({ requestId }: { requestId: string | null }) {
  const { status, copy } = useCopy();
  return (
    <div className="min-w-0">
      <dt className="text-[10px] tracking-wide text-muted uppercase">request-id</dt>
      <dd className="flex min-w-0 items-center gap-1.5 font-mono">
        <span className="truncate" title={requestId ?? undefined}>
          {requestId ?? "—"}
        </span>
        {requestId ? (
          <button
            type="button"
            data-testid="copy-request-id"
            className="shrink-0 cursor-pointer rounded px-1 font-sans text-[10px] text-accent hover:bg-sunken"
            aria-label={`Copy request id ${requestId}`}
            onClick={() => void copy(requestId)}
          >
            {status === "copied" ? "Copied" : status === "failed" ? "Copy failed" : "Copy"}
          </button>
        ) : null}
      </dd>
    </div>
  );
}

function targetLabel(target: SendOutcome["target"]): string {
  return target === "emulator" ? "Emulator" : "Anthropic API";
}
