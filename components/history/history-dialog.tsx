"use client";

import { useMemo, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { CloseDialogButton, Dialog, type LazyDialogProps } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import { sendVerdict, type SendVerdict } from "@/lib/domain/checks/send-checks";
import { runRequest, type RunOutcomeKind, type RunRecord } from "@/lib/domain/history/run-history";
import { RunComparison } from "./run-comparison";

const OUTCOME_STYLES: Record<RunOutcomeKind, { label: string; className: string }> = {
  ok: { label: "OK", className: "bg-ok text-panel" },
  error: { label: "ERROR", className: "bg-danger text-panel" },
  broken: { label: "BROKE", className: "bg-warn text-panel" },
  cancelled: { label: "CANCELLED", className: "bg-sunken text-muted border border-line" },
};

/** An answered run whose checks failed or whose tool failed does not read "OK". */
function verdictBadge(
  run: RunRecord,
  verdict: SendVerdict | undefined,
): { label: string; className: string; detail: string | null } {
  const base = OUTCOME_STYLES[run.kind];
  if (!verdict) return { ...base, detail: null };
  const parts = [
    verdict.checks
      ? verdict.failedChecks
        ? `${verdict.failedChecks} of ${verdict.checks} check${verdict.checks === 1 ? "" : "s"} failed`
        : `${verdict.checks} check${verdict.checks === 1 ? "" : "s"} passed`
      : null,
    verdict.toolErrors
      ? `${verdict.toolErrors} tool error${verdict.toolErrors === 1 ? "" : "s"}`
      : null,
  ].filter((part): part is string => part !== null);
  const detail = parts.length ? parts.join(" · ") : null;
  if (run.kind !== "ok") return { ...base, detail };
  if (verdict.failedChecks)
    return { label: "CHECKS FAILED", className: "bg-danger text-panel", detail };
  if (verdict.toolErrors) return { label: "TOOL ERROR", className: "bg-warn text-panel", detail };
  return { ...base, detail };
}

/** The History dialog (loaded on first use, with the run comparison and its diff). */
export default function HistoryDialog({
  open,
  onClose,
  onShowResponse,
}: LazyDialogProps & { onShowResponse: () => void }) {
  const history = useAppStore((s) => s.history);
  // The run whose response the pane shows, marked in the list.
  const shownRunId = useAppStore((s) => (s.run.status === "done" ? s.run.runId : null));
  const notice = useAppStore((s) => s.historyNotice);
  const reopenRun = useAppStore((s) => s.reopenRun);
  const deleteRun = useAppStore((s) => s.deleteRun);
  const deleteAllRuns = useAppStore((s) => s.deleteAllRuns);
  const verdicts = useMemo(
    () =>
      new Map(
        history.map((run) => [
          run.id,
          sendVerdict(run.composer.checks, run.outcome, runRequest(run)),
        ]),
      ),
    [history],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState<[RunRecord, RunRecord] | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // Selections of runs that were deleted meanwhile fall away.
  const chosen = selected.filter((id) => history.some((run) => run.id === id));

  function toggle(id: string) {
    // At most two: a third choice replaces the older of the two.
    setSelected(
      chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id].slice(-2),
    );
  }

  function compare() {
    // Older run on the left, as a diff reads: before → after.
    const runs = history.filter((run) => chosen.includes(run.id)).reverse();
    if (runs.length === 2) setComparing([runs[0]!, runs[1]!]);
  }

  const [openedAt, setOpenedAt] = useState(open);
  // Each opening starts at the list.
  if (open !== openedAt) {
    setOpenedAt(open);
    if (open) {
      setComparing(null);
      setConfirmingDelete(false);
    }
  }

  return (
    <>
      <Dialog
        open={open}
        onClose={onClose}
        id="history"
        title={comparing ? "Compare two runs" : "Run history"}
        className="max-h-[calc(100dvh-2rem)] w-[min(72rem,calc(100vw-1rem))]"
      >
        {comparing ? (
          <RunComparison
            left={comparing[0]}
            right={comparing[1]}
            onBack={() => setComparing(null)}
          />
        ) : (
          <div className="space-y-3">
            <p className="text-xs text-muted">
              Kept in this browser only (the last 50 runs), without API keys or tokens.
            </p>
            {notice ? (
              <p role="alert" className="rounded-md bg-warn-soft px-2 py-1.5 text-xs text-warn">
                {notice}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-2">
              <Button size="sm" disabled={chosen.length !== 2} onClick={compare}>
                Compare selected ({chosen.length}/2)
              </Button>
              <span className="ml-auto" />
              {confirmingDelete ? (
                <>
                  <span className="text-xs text-danger">
                    Delete all {history.length} runs? This cannot be undone.
                  </span>
                  <Button
                    size="sm"
                    variant="danger"
                    onClick={() => {
                      deleteAllRuns();
                      setSelected([]);
                      setConfirmingDelete(false);
                    }}
                  >
                    Yes, delete all
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setConfirmingDelete(false)}>
                    Keep them
                  </Button>
                </>
              ) : (
                <Button
                  size="sm"
                  variant="danger"
                  disabled={history.length === 0}
                  onClick={() => setConfirmingDelete(true)}
                >
                  Delete all
                </Button>
              )}
            </div>
            {history.length === 0 ? (
              <p className="py-8 text-center text-sm text-muted" data-testid="history-empty">
                No runs yet. Each Send is kept here.
              </p>
            ) : (
              <ol className="max-h-[60dvh] divide-y divide-line overflow-y-auto rounded-lg border border-line">
                {history.map((run, index) => {
                  const verdict = verdicts.get(run.id);
                  const badge = verdictBadge(run, verdict);
                  return (
                    <li
                      key={run.id}
                      data-testid="history-run"
                      data-outcome={run.kind}
                      data-failed-checks={verdict?.failedChecks ?? 0}
                      data-tool-errors={verdict?.toolErrors ?? 0}
                      aria-current={run.id === shownRunId ? "true" : undefined}
                      className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 aria-[current]:bg-accent-soft/40"
                    >
                      <input
                        type="checkbox"
                        className="accent-accent"
                        aria-label={`Select run ${index + 1} for comparison`}
                        checked={chosen.includes(run.id)}
                        onChange={() => toggle(run.id)}
                      />
                      <span
                        className={cn(
                          "rounded px-1.5 py-px text-[10px] font-bold tracking-wide",
                          badge.className,
                        )}
                        title={run.summary}
                      >
                        {badge.label}
                      </span>
                      {badge.detail ? (
                        <span className="text-xs text-muted" data-testid="history-verdict">
                          {badge.detail}
                        </span>
                      ) : null}
                      <span className="min-w-0 flex-1 basis-48 truncate text-sm" title={run.title}>
                        {run.title}
                        {run.id === shownRunId ? (
                          <span className="ml-2 text-xs text-muted">(in the response pane)</span>
                        ) : null}
                      </span>
                      <span className="font-mono text-xs text-muted">{run.model}</span>
                      <span className="text-xs text-muted">
                        {run.target === "emulator" ? "Emulator" : "Anthropic API"} ·{" "}
                        {Math.round(run.outcome.latencyMs)} ms ·{" "}
                        <time dateTime={new Date(run.at).toISOString()}>
                          {new Date(run.at).toLocaleString()}
                        </time>
                      </span>
                      <span className="flex gap-1">
                        <Button
                          size="sm"
                          aria-label={`Open run ${index + 1}`}
                          onClick={() => {
                            reopenRun(run.id);
                            onClose();
                            onShowResponse();
                          }}
                        >
                          Open
                        </Button>
                        <Button
                          size="sm"
                          variant="danger"
                          aria-label={`Delete run ${index + 1}`}
                          onClick={() => deleteRun(run.id)}
                        >
                          Delete
                        </Button>
                      </span>
                    </li>
                  );
                })}
              </ol>
            )}
            <div className="flex justify-end">
              <CloseDialogButton onClose={onClose} size="sm" variant="secondary" />
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}
