"use client";

import { useMemo } from "react";
import { ResponseBlocks } from "@/components/response/response-blocks";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { countChanges, diffRequests } from "@/lib/domain/history/request-diff";
import {
  runFailure,
  runMessage,
  runRequest,
  type RunRecord,
} from "@/lib/domain/history/run-history";

/** Two runs side by side: what changed in the request (a line diff), then both responses. */
export function RunComparison({
  left,
  right,
  onBack,
}: {
  left: RunRecord;
  right: RunRecord;
  onBack: () => void;
}) {
  const lines = useMemo(() => diffRequests(runRequest(left), runRequest(right)), [left, right]);
  const { added, removed } = countChanges(lines);
  return (
    <div className="space-y-4">
      <Button size="sm" variant="ghost" onClick={onBack}>
        ← Back to the list
      </Button>
      <section aria-labelledby="request-diff-heading" className="space-y-1.5">
        <h3 id="request-diff-heading" className="text-xs font-semibold text-muted">
          Request:{" "}
          {added + removed === 0
            ? "identical"
            : `${removed} line${removed === 1 ? "" : "s"} removed, ${added} added`}{" "}
          (older run → newer run)
        </h3>
        <pre
          data-testid="request-diff"
          className="max-h-72 overflow-auto rounded-lg border border-line bg-sunken py-2 font-mono text-xs"
        >
          {lines.map((line, index) =>
            line.kind === "folded" ? (
              <div key={index} className="px-3 text-muted italic">
                ⋯ {line.count} unchanged line{line.count === 1 ? "" : "s"}
              </div>
            ) : (
              <div
                key={index}
                data-diff={line.kind}
                className={cn(
                  "px-3 whitespace-pre",
                  line.kind === "added" && "bg-ok-soft text-ok",
                  line.kind === "removed" && "bg-danger-soft text-danger",
                )}
              >
                {line.kind === "added" ? "+ " : line.kind === "removed" ? "- " : "  "}
                {line.text}
              </div>
            ),
          )}
        </pre>
      </section>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <RunColumn run={left} side="Older" />
        <RunColumn run={right} side="Newer" />
      </div>
    </div>
  );
}

function RunColumn({ run, side }: { run: RunRecord; side: string }) {
  const message = runMessage(run.outcome);
  const failure = runFailure(run.outcome);
  return (
    <section aria-label={`${side} run`} data-testid="compared-run" className="min-w-0 space-y-2">
      <header className="rounded-lg border border-line bg-sunken px-3 py-2 text-xs">
        <p className="font-semibold">
          {side}: <span className="font-normal">{run.title}</span>
        </p>
        <p className="text-muted">
          {new Date(run.at).toLocaleString()} · {run.model} · {run.summary} ·{" "}
          {Math.round(run.outcome.latencyMs)} ms
          {message
            ? ` · ${message.usage.input_tokens} in / ${message.usage.output_tokens} out`
            : ""}
        </p>
      </header>
      {failure ? (
        <p className="rounded-md border-2 border-danger bg-danger-soft px-2 py-1.5 text-xs">
          <code className="font-mono font-semibold text-danger">{failure.type}</code>{" "}
          {failure.message}
        </p>
      ) : null}
      {message ? <ResponseBlocks content={message.content} label={`${side} run's blocks`} /> : null}
    </section>
  );
}
