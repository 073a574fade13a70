"use client";

import { useMemo, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select, TextInput } from "@/components/ui/field";
import {
  CHECK_KIND_INFO,
  fieldText,
  newCheckSpec,
  withField,
  type CheckDraft,
  type CheckField,
} from "@/lib/domain/checks/drafts";
import { addCheck, removeCheck, updateCheck } from "@/lib/domain/checks/edits";
import { defaultNewId } from "@/lib/client/store/app-store";
import { evaluateDrafts, observeSend, type DraftResult } from "@/lib/domain/checks/send-checks";
import { CHECK_KINDS, specKind, type CheckKind, type CheckSpec } from "@/lib/domain/checks/spec";

/** The composer's check edits, applied through the store's one field setter. */
function useCheckEdits() {
  const setField = useAppStore((s) => s.setField);
  const state = { checks: useAppStore((s) => s.composer.checks) };
  return {
    addCheck: (spec: CheckSpec): string => {
      const id = defaultNewId();
      setField("checks", addCheck(state, spec, id).checks);
      return id;
    },
    updateCheck: (id: string, spec: CheckSpec) =>
      setField("checks", updateCheck(state, id, spec).checks),
    removeCheck: (id: string) => setField("checks", removeCheck(state, id).checks),
  };
}

/** The block a check's evidence points at, in the response pane. */
export function responseBlockId(index: number): string {
  return `response-block-${index}`;
}

function isKind(kind: string | null): kind is CheckKind {
  return kind !== null && (CHECK_KINDS as string[]).includes(kind);
}

/**
 * The Checks section (loaded with the composer's first paint, not with the page): what a run must
 * do, each check edited field by field and, after a Send, passed or failed with its evidence. The
 * results follow the checks as they are edited, over the last response.
 */
export default function ChecksSection({ onShowResponse }: { onShowResponse: () => void }) {
  const checks = useAppStore((s) => s.composer.checks);
  const run = useAppStore((s) => s.run);
  const { addCheck } = useCheckEdits();
  const drafts = useMemo(() => checks ?? [], [checks]);
  const results = useMemo(() => {
    if (run.status !== "done" || drafts.length === 0) return null;
    return new Map(
      evaluateDrafts(drafts, observeSend(run.outcome, run.request)).map((entry) => [
        entry.id,
        entry,
      ]),
    );
  }, [run, drafts]);
  const failed = results
    ? [...results.values()].filter((entry) => entry.state === "invalid" || !entry.result.passed)
        .length
    : 0;

  const jumpTo = (index: number) => {
    onShowResponse();
    requestAnimationFrame(() => {
      const block = document.getElementById(responseBlockId(index));
      block?.scrollIntoView({ block: "center", behavior: "smooth" });
      block?.focus({ preventScroll: true });
    });
  };

  return (
    <section aria-labelledby="checks-heading" className="space-y-3" data-testid="checks">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="checks-heading" className="text-sm font-semibold">
          Checks <span className="font-normal text-muted">({drafts.length})</span>
        </h2>
        {results ? (
          <p
            data-testid="checks-summary"
            className={cn("text-xs font-medium", failed ? "text-danger" : "text-ok")}
          >
            {failed
              ? `${failed} of ${drafts.length} failed on the last run`
              : `All ${drafts.length} passed on the last run`}
          </p>
        ) : null}
      </div>
      {drafts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line p-3 text-sm text-muted">
          No checks yet. A check says what a run must do — call a tool, avoid one, stay under a cost
          — and is judged after every Send, here and by{" "}
          <code className="font-mono text-xs">npx mcp-playground run</code>.
        </p>
      ) : (
        <ol className="space-y-2">
          {drafts.map((check, index) => (
            <CheckRow
              key={check.id}
              check={check}
              index={index}
              result={results?.get(check.id) ?? null}
              onJump={jumpTo}
            />
          ))}
        </ol>
      )}
      <div className="flex items-center gap-2">
        <label htmlFor="add-check" className="text-xs font-medium text-muted">
          Add check
        </label>
        <Select
          id="add-check"
          className="w-auto max-w-full"
          value=""
          onChange={(event) => {
            const kind = event.target.value;
            if (!isKind(kind)) return;
            const id = addCheck(newCheckSpec(kind));
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(`[data-check-id="${id}"] input`)?.focus(),
            );
          }}
        >
          <option value="">Choose a check…</option>
          {CHECK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CHECK_KIND_INFO[kind].label} — {CHECK_KIND_INFO[kind].summary}
            </option>
          ))}
        </Select>
      </div>
    </section>
  );
}

function CheckRow({
  check,
  index,
  result,
  onJump,
}: {
  check: CheckDraft;
  index: number;
  result: DraftResult | null;
  onJump: (blockIndex: number) => void;
}) {
  const { removeCheck } = useCheckEdits();
  const kind = specKind(check.spec);
  const passed = result?.state === "result" ? result.result.passed : null;
  const title = isKind(kind) ? CHECK_KIND_INFO[kind].label : (kind ?? "Check");
  return (
    <li
      data-testid="check"
      data-check={kind ?? ""}
      data-check-id={check.id}
      data-passed={result ? String(passed === true) : undefined}
      className={cn(
        "rounded-lg border bg-panel px-3 py-2",
        passed === true ? "border-ok/60" : result ? "border-danger" : "border-line",
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="pt-0.5 text-sm font-medium">
          {title}
          <code className="ml-1.5 font-mono text-[11px] font-normal text-muted">{kind}</code>
        </p>
        <Button
          variant="ghost"
          size="icon"
          aria-label={`Remove check ${index + 1} (${title})`}
          onClick={() => removeCheck(check.id)}
        >
          ×
        </Button>
      </div>
      {isKind(kind) ? (
        CHECK_KIND_INFO[kind].fields.length ? (
          <div className="mt-1 flex flex-wrap gap-x-2 gap-y-1.5">
            {CHECK_KIND_INFO[kind].fields.map((field) => (
              <CheckFieldInput
                key={field.key}
                kind={kind}
                spec={check.spec}
                field={field}
                checkId={check.id}
                index={index}
              />
            ))}
          </div>
        ) : null
      ) : (
        <p className="text-xs text-danger">This check is not one this playground knows.</p>
      )}
      {result ? <CheckVerdict result={result} onJump={onJump} /> : null}
    </li>
  );
}

function CheckVerdict({
  result,
  onJump,
}: {
  result: DraftResult;
  onJump: (blockIndex: number) => void;
}) {
  if (result.state === "invalid")
    return (
      <p data-testid="check-evidence" className="mt-1.5 text-xs text-danger">
        <span className="font-bold">✗ Not a check yet:</span> {result.problem.message} (
        <code className="font-mono">
          {result.problem.path.replace(/^checks\[\d+\]\.?/, "") || "check"}
        </code>
        )
      </p>
    );
  const { passed, message, blockIndex } = result.result;
  return (
    <p
      data-testid="check-evidence"
      className={cn(
        "mt-1.5 flex flex-wrap items-baseline gap-x-2 text-xs",
        passed ? "text-ink" : "text-danger",
      )}
    >
      <span className={cn("font-bold", passed ? "text-ok" : "text-danger")}>
        {passed ? "✓ Passed" : "✗ Failed"}
      </span>
      <span className="min-w-0 break-words">{message}</span>
      {blockIndex !== undefined ? (
        <button
          type="button"
          className="cursor-pointer text-accent underline underline-offset-2"
          onClick={() => onJump(blockIndex)}
        >
          Show block {blockIndex + 1}
        </button>
      ) : null}
    </p>
  );
}

function CheckFieldInput({
  kind,
  spec,
  field,
  checkId,
  index,
}: {
  kind: CheckKind;
  spec: CheckSpec;
  field: CheckField;
  checkId: string;
  index: number;
}) {
  const { updateCheck } = useCheckEdits();
  const shown = fieldText(kind, spec, field);
  // What the user typed, kept while it does not read yet (half-written JSON, "1.").
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `check-${checkId}-${field.key}`;
  const label = `${field.label}${field.optional ? " (optional)" : ""}`;
  const apply = (input: string | boolean) => {
    const edit = withField(kind, spec, field, input);
    if (edit.ok) {
      updateCheck(checkId, edit.spec);
      setError(null);
    } else setError(edit.error);
  };
  if (field.kind === "boolean")
    return (
      <label className="flex basis-full items-center gap-1.5 text-xs text-muted">
        <input
          type="checkbox"
          className="accent-accent"
          checked={shown === true}
          onChange={(event) => apply(event.target.checked)}
        />
        {field.label}
      </label>
    );
  const common = {
    id,
    "aria-label": `Check ${index + 1} ${field.label}`,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  } as const;
  return (
    <div
      className={cn(
        "min-w-0",
        field.kind === "json" || field.kind === "list" ? "basis-full" : "flex-1 basis-28",
      )}
    >
      <label htmlFor={id} className="mb-0.5 block text-[11px] text-muted">
        {label}
      </label>
      {field.kind === "choice" ? (
        <Select
          {...common}
          className="py-1 text-xs"
          value={typeof shown === "string" ? shown : ""}
          onChange={(event) => apply(event.target.value)}
        >
          <option value="">{field.optional ? `${field.choices?.[0]} (default)` : "choose"}</option>
          {(field.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </Select>
      ) : (
        <TextInput
          {...common}
          className="py-1 font-mono text-xs"
          inputMode={field.kind === "number" ? "decimal" : undefined}
          spellCheck={false}
          autoComplete="off"
          placeholder={field.placeholder}
          value={typed ?? (typeof shown === "string" ? shown : "")}
          onChange={(event) => {
            setTyped(event.target.value);
            apply(event.target.value);
          }}
          onBlur={() => {
            if (!error) setTyped(null);
          }}
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="mt-0.5 text-[11px] text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
