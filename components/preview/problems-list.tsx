"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { PreviewProblem } from "@/lib/domain/request/preview";

export function ProblemsList({
  problems: all,
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
  // A tool name being typed is not judged yet: its "not listed" warning waits until the field
  // is left (the count above still holds it; the line below says so).
  const focusedId = useFocusedId();
  const held = all.filter(
    (problem) => HELD_WHILE_TYPING.has(problem.code) && problem.fieldId === focusedId,
  );
  const problems = held.length ? all.filter((problem) => !held.includes(problem)) : all;
  if (problems.length === 0 && held.length) return <HeldNote count={held.length} />;
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
    <>
      {held.length ? <HeldNote count={held.length} /> : null}
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
    </>
  );
}

const HELD_WHILE_TYPING = new Set(["unknown_tool", "lookalike_tool"]);

function HeldNote({ count }: { count: number }) {
  return (
    <p data-testid="problems-held" className="px-1 py-1 text-xs text-muted">
      {count === 1 ? "A tool name is" : `${count} tool names are`} checked against the server&apos;s
      list when you leave the field.
    </p>
  );
}

/** The id of the element that has focus, kept current. */
function useFocusedId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    const update = () => setId(document.activeElement?.id || null);
    update();
    window.addEventListener("focusin", update);
    window.addEventListener("focusout", update);
    return () => {
      window.removeEventListener("focusin", update);
      window.removeEventListener("focusout", update);
    };
  }, []);
  return id;
}
