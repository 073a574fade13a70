import { cn } from "@/components/ui/cn";
import { ProtocolLog } from "@/components/protocol/protocol-log";
import { explainFor, type CheckStatus, type DoctorReport } from "@/lib/domain/doctor/checks";
import type { ProtocolEntry } from "@/lib/domain/protocol/log";

const STATUS_MARK: Record<CheckStatus, { mark: string; className: string; label: string }> = {
  pass: { mark: "✓", className: "text-ok", label: "passed" },
  warn: { mark: "!", className: "text-warn", label: "warning" },
  fail: { mark: "✗", className: "text-danger", label: "failed" },
  skip: { mark: "–", className: "text-muted", label: "not checked" },
};

/** The doctor's checklist and verdict (loaded with the first check, not with the page). */
export function DoctorReportView({
  report,
  log = [],
  serverName = "",
}: {
  report: DoctorReport;
  /** The run's HTTP exchanges with the server (masked on the server). */
  log?: readonly ProtocolEntry[];
  serverName?: string;
}) {
  // Checks a stop left undone fold into one line, after the ones that ran.
  const ran = report.checks.filter((entry) => entry.status !== "skip");
  const skipped = report.checks.filter((entry) => entry.status === "skip");
  return (
    <section
      data-testid="doctor"
      data-verdict={report.verdict.status}
      aria-label="Connection check"
      className="space-y-2 rounded-md border border-line bg-panel p-2.5 text-xs"
    >
      <p
        role="status"
        className={cn(
          "font-medium",
          report.verdict.status === "fail"
            ? "text-danger"
            : report.verdict.status === "warn"
              ? "text-warn"
              : "text-ok",
        )}
      >
        {report.verdict.message}
      </p>
      <ol className="space-y-1">
        {ran.map((entry) => {
          const mark = STATUS_MARK[entry.status];
          return (
            <li
              key={entry.id}
              data-testid="doctor-check"
              data-check={entry.id}
              data-status={entry.status}
              className="flex gap-2"
            >
              <span
                aria-label={mark.label}
                className={cn("w-3 shrink-0 font-bold", mark.className)}
              >
                {mark.mark}
              </span>
              <div className="min-w-0">
                <span className="font-medium">{entry.title}</span>
                {entry.durationMs !== undefined ? (
                  <span className="text-muted"> · {entry.durationMs} ms</span>
                ) : null}
                <p className="break-words text-ink">{entry.summary}</p>
                {entry.fix && entry.status !== "pass" ? (
                  <p className="text-muted">Fix: {entry.fix}</p>
                ) : null}
              </div>
            </li>
          );
        })}
        {skipped.length ? (
          <li data-testid="doctor-skipped" className="flex gap-2 text-muted">
            <span aria-label="not checked" className="w-3 shrink-0 font-bold">
              –
            </span>
            <p className="min-w-0">
              Not checked: {skipped.map((entry) => entry.title).join(", ")}
              {skipped[0]?.summary.startsWith("Not checked: ")
                ? ` (${skipped[0].summary.slice("Not checked: ".length).replace(/\.$/, "")})`
                : ""}
              .
            </p>
          </li>
        ) : null}
      </ol>
      {report.explains.length ? (
        <div className="border-t border-line pt-2">
          <p className="font-medium">What the API would say</p>
          <ul className="mt-1 space-y-1">
            {report.explains.map((entry) => (
              <li key={entry.text}>
                <code className="font-mono">{explainFor(entry.text, serverName)}</code> — because{" "}
                {entry.because}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ProtocolLog
        entries={log}
        label={`Protocol log of the connection check of ${serverName || "this server"}`}
      />
    </section>
  );
}
