import "server-only";
// What the runner writes to the terminal: a progress bar on a TTY (on stderr, redrawn in place),
// one line per case otherwise (CI logs), and a summary that names every failed check with its
// evidence, so a red CI job says why without opening a report.
import { caseName } from "@/lib/domain/checks/junit";
import { failureReason, type CaseResult, type RunReport } from "@/lib/domain/checks/report";

export interface TerminalOptions {
  tty: boolean;
  color: boolean;
  write: (text: string) => void;
  /** Where the progress bar goes (stderr), so stdout stays the log. */
  writeProgress: (text: string) => void;
  width?: number;
}

export class TerminalReporter {
  private started = Date.now();
  private barShown = false;
  constructor(
    private readonly options: TerminalOptions,
    private readonly repeated: boolean,
  ) {}

  private paint(code: string, text: string): string {
    return this.options.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  private clearBar(): void {
    if (!this.barShown) return;
    this.options.writeProgress("\r\u001b[2K");
    this.barShown = false;
  }

  start(total: number, target: string): void {
    this.started = Date.now();
    this.options.write(`Running ${total} case${total === 1 ? "" : "s"} against ${target}\n`);
  }

  caseEnded(result: CaseResult, done: number, total: number): void {
    if (this.options.tty) {
      // On a TTY only failures get a line of their own; the bar shows the rest.
      if (result.status !== "passed") {
        this.clearBar();
        this.options.write(`${this.line(result)}\n`);
      }
      this.bar(done, total);
      return;
    }
    this.options.write(`${this.line(result)}\n`);
  }

  /** A batch's wait: how far it is and when the next look is. */
  waiting(progress: { ended: number; total: number; batches: number }, waitMs: number): void {
    const text = `Batch${progress.batches === 1 ? "" : "es"}: ${progress.ended} of ${progress.total} ended; next check in ${Math.round(waitMs / 1000)} s`;
    if (this.options.tty) {
      this.options.writeProgress(`\r\u001b[2K${text}`);
      this.barShown = true;
    } else this.options.write(`${text}\n`);
  }

  private bar(done: number, total: number): void {
    const width = Math.max(10, Math.min(40, (this.options.width ?? 80) - 40));
    const filled = Math.round((done / Math.max(1, total)) * width);
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(1);
    this.options.writeProgress(
      `\r\u001b[2K[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total} · ${elapsed} s`,
    );
    this.barShown = done < total;
    if (done >= total) this.options.writeProgress("\r\u001b[2K");
  }

  private line(result: CaseResult): string {
    const mark =
      result.status === "passed"
        ? this.paint("32", "✓")
        : result.status === "failed"
          ? this.paint("31", "✗")
          : this.paint("33", "!");
    const time = result.latencyMs === null ? "" : ` ${Math.round(result.latencyMs)} ms`;
    const checks = result.checks.length
      ? ` · ${result.checks.filter((check) => check.passed).length}/${result.checks.length} checks`
      : "";
    const reason = failureReason(result);
    return `${mark} ${result.collection} › ${caseName(result, this.repeated)}${time}${checks}${reason ? ` — ${reason}` : ""}`;
  }

  summary(report: RunReport): void {
    this.clearBar();
    const { totals } = report;
    const write = this.options.write;
    const failedRequests = report.requests.filter((request) => !request.passed);
    if (failedRequests.length) {
      write(`\n${this.paint("1", "Failed")}\n`);
      for (const request of failedRequests) {
        write(
          `  ${request.collection} › ${request.requestName} [${request.model}]: ${request.passedRuns} of ${request.runs} run${request.runs === 1 ? "" : "s"} passed${request.passRate < 1 ? ` (needs ${Math.round(request.passRate * 100)} %)` : ""}\n`,
        );
        const cases = report.cases.filter(
          (result) =>
            result.collection === request.collection &&
            result.requestIndex === request.requestIndex &&
            result.model === request.model &&
            result.status !== "passed",
        );
        for (const result of cases.slice(0, 5)) {
          if (result.error) write(`    ${result.error.type}: ${result.error.message}\n`);
          for (const check of result.checks.filter((entry) => !entry.passed))
            write(`    ✗ ${check.kind}: ${check.message}\n`);
        }
      }
    }
    const cost = totals.costUsd === null ? "" : ` · $${totals.costUsd.toFixed(4)}`;
    const verdict =
      report.exitCode === 0
        ? this.paint("32", "passed")
        : report.exitCode === 3
          ? this.paint("33", "could not run")
          : this.paint("31", "failed");
    write(
      `\n${totals.requests - totals.requestsFailed} of ${totals.requests} request${totals.requests === 1 ? "" : "s"} passed · ${totals.cases} case${totals.cases === 1 ? "" : "s"} (${totals.passed} passed, ${totals.failed} failed, ${totals.errors} could not run) · ${totals.failedChecks} failed check${totals.failedChecks === 1 ? "" : "s"} · ${totals.toolErrors} tool error${totals.toolErrors === 1 ? "" : "s"}${cost} · ${(report.durationMs / 1000).toFixed(1)} s: ${verdict}\n`,
    );
  }
}
