"use client";

import { cn } from "@/components/ui/cn";
import type { PreviewProblem } from "@/lib/domain/request/preview";

export function ProblemsList({
  problems,
  validated,
  onFocusField,
  onUpgradeBeta,
}: {
  problems: PreviewProblem[];
  /** False while the API's rules load: only the composer's own problems are known. */
  validated: boolean;
  onFocusField: (fieldId: string) => void;
  onUpgradeBeta: () => void;
}) {
  if (problems.length === 0 && !validated) {
    return (
      <p data-testid="problems-checking" className="px-1 py-2 text-sm text-muted">
        Checking the request against the API&apos;s rules…
      </p>
    );
  }
  if (problems.length === 0) {
    return (
      <p
        data-testid="no-problems"
        className="flex items-center gap-2 rounded-md border border-ok/30 bg-ok-soft px-3 py-2 text-sm text-ok"
      >
        <span aria-hidden="true">✓</span> No problems: the API would accept this request.
      </p>
    );
  }
  return (
    <ul className="space-y-1.5" aria-label="Problems">
      {problems.map((problem, index) => {
        const isError = problem.severity === "error";
        const isInfo = problem.severity === "info";
        return (
          <li
            key={`${problem.code}-${problem.path}-${index}`}
            data-testid="problem"
            data-severity={problem.severity}
            data-code={problem.code}
            className={cn(
              "flex items-start gap-2 rounded-md border px-2.5 py-2 text-sm",
              isError
                ? "border-danger/30 bg-danger-soft"
                : isInfo
                  ? "border-line bg-sunken"
                  : "border-warn/30 bg-warn-soft",
            )}
          >
            <span
              className={cn(
                "mt-0.5 shrink-0 rounded px-1.5 py-px text-[10px] font-bold tracking-wide uppercase",
                isError
                  ? "bg-danger text-panel"
                  : isInfo
                    ? "bg-muted text-panel"
                    : "bg-warn text-panel",
              )}
            >
              {isError ? "Error" : isInfo ? "Note" : "Warning"}
            </span>
            <div className="min-w-0 flex-1">
              {problem.fieldId ? (
                <button
                  type="button"
                  className="cursor-pointer text-left text-ink hover:underline"
                  onClick={() => onFocusField(problem.fieldId!)}
                  title="Go to the field"
                >
                  {problem.message}
                </button>
              ) : (
                <span className="text-ink">{problem.message}</span>
              )}
              {problem.path ? (
                <code className="mt-0.5 block truncate font-mono text-[11px] text-muted">
                  {problem.path}
                </code>
              ) : null}
            </div>
            {problem.code === "deprecated_mcp_beta" ? (
              <button
                type="button"
                onClick={onUpgradeBeta}
                className="shrink-0 cursor-pointer rounded border border-line bg-panel px-2 py-0.5 text-xs font-medium hover:bg-sunken"
              >
                Upgrade beta
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
