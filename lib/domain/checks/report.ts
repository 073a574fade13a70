// A collection run's results: one per case (request × model × repetition), each request's pass
// rate over its repetitions, the totals, the exit code, and how a run compares with an earlier
// one. This is the `--json` report's schema (docs/ci.md) and what the app stores and shows.
import { evaluateChecks, toolCallSummary, type CheckResult, type RunObservation } from "./evaluate";
import type { CaseIdentity, PlannedCase } from "./plan";
import { costUsd } from "./prices";

export const REPORT_VERSION = 1;

export type CaseStatus = "passed" | "failed" | "error";

export interface CaseResult extends CaseIdentity {
  /** error: the case could not run (API or network error); failed: a check failed. */
  status: CaseStatus;
  checks: CheckResult[];
  latencyMs: number | null;
  usage: { input_tokens: number; output_tokens: number } | null;
  costUsd: number | null;
  stopReason: string | null;
  toolCalls: number;
  toolErrors: number;
  requestId: string | null;
  error: { type: string; message: string; status: number | null } | null;
}

export interface RequestOutcome {
  collection: string;
  requestIndex: number;
  requestName: string;
  model: string;
  runs: number;
  passedRuns: number;
  /** The share of runs that must pass (the request's `pass_rate`, 1 by default). */
  passRate: number;
  passed: boolean;
}

export interface RunTotals {
  cases: number;
  passed: number;
  failed: number;
  errors: number;
  failedChecks: number;
  toolErrors: number;
  requests: number;
  requestsFailed: number;
  costUsd: number | null;
}

/** 0 all passed, 1 a check failed, 2 invalid file or options (before running), 3 could not run. */
export type ExitCode = 0 | 1 | 2 | 3;

export interface RunReport {
  version: typeof REPORT_VERSION;
  startedAt: string;
  durationMs: number;
  target: string;
  collections: string[];
  cases: CaseResult[];
  requests: RequestOutcome[];
  totals: RunTotals;
  exitCode: ExitCode;
}

/** What one case's run gave: the message (or the failure), its time and request id. */
export interface CaseRun {
  observation: RunObservation;
  requestId: string | null;
  error: CaseResult["error"];
}

/** A case's identity alone (a plan also holds its params and secrets, which no result carries). */
function caseIdentity(planned: CaseIdentity): CaseIdentity {
  const { key, collection, requestIndex, requestName, folder, model, repetition } = planned;
  return { key, collection, requestIndex, requestName, folder, model, repetition };
}

export function caseResult(planned: PlannedCase, run: CaseRun): CaseResult {
  const message = run.observation.message;
  const checks = run.error ? [] : evaluateChecks(planned.checks, run.observation);
  const calls = message ? toolCallSummary(message.content) : { calls: 0, errors: 0 };
  const usage = message
    ? { input_tokens: message.usage.input_tokens, output_tokens: message.usage.output_tokens }
    : null;
  return {
    ...caseIdentity(planned),
    status: run.error ? "error" : checks.every((check) => check.passed) ? "passed" : "failed",
    checks,
    latencyMs: run.observation.latencyMs,
    usage,
    costUsd: message ? costUsd(planned.model, message.usage) : null,
    stopReason: message?.stop_reason ?? null,
    toolCalls: calls.calls,
    toolErrors: calls.errors,
    requestId: run.requestId,
    error: run.error,
  };
}

/** Each request × model over its repetitions, against its pass rate. */
export function requestOutcomes(
  cases: readonly CaseResult[],
  passRates: ReadonlyMap<string, number>,
): RequestOutcome[] {
  const groups = new Map<string, RequestOutcome>();
  for (const result of cases) {
    const id = `${result.collection}\u0000${result.requestIndex}\u0000${result.model}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        collection: result.collection,
        requestIndex: result.requestIndex,
        requestName: result.requestName,
        model: result.model,
        runs: 0,
        passedRuns: 0,
        passRate: passRates.get(result.key) ?? 1,
        passed: false,
      };
      groups.set(id, group);
    }
    group.runs += 1;
    if (result.status === "passed") group.passedRuns += 1;
  }
  for (const group of groups.values())
    // A tiny tolerance: 2 of 3 passes a pass_rate of 0.66 and of 2/3 written as 0.6667.
    group.passed = group.passedRuns / group.runs + 1e-9 >= group.passRate;
  return [...groups.values()];
}

export function buildReport(
  planned: readonly PlannedCase[],
  cases: readonly CaseResult[],
  context: { startedAt: string; durationMs: number; target: string },
): RunReport {
  const passRates = new Map(planned.map((entry) => [entry.key, entry.passRate]));
  const requests = requestOutcomes(cases, passRates);
  const costs = cases.map((result) => result.costUsd);
  const totals: RunTotals = {
    cases: cases.length,
    passed: cases.filter((result) => result.status === "passed").length,
    failed: cases.filter((result) => result.status === "failed").length,
    errors: cases.filter((result) => result.status === "error").length,
    failedChecks: cases.reduce(
      (sum, result) => sum + result.checks.filter((check) => !check.passed).length,
      0,
    ),
    toolErrors: cases.reduce((sum, result) => sum + result.toolErrors, 0),
    requests: requests.length,
    requestsFailed: requests.filter((request) => !request.passed).length,
    costUsd:
      costs.length && costs.every((cost) => cost !== null)
        ? costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0)
        : null,
  };
  const exitCode: ExitCode = totals.errors > 0 ? 3 : totals.requestsFailed > 0 ? 1 : 0;
  return {
    version: REPORT_VERSION,
    ...context,
    collections: [...new Set(planned.map((entry) => entry.collection))],
    cases: [...cases],
    requests,
    totals,
    exitCode,
  };
}

export type CaseChange = "started_failing" | "now_passing" | "still_failing" | "new" | "gone";

export interface CaseComparison {
  key: string;
  requestName: string;
  model: string;
  repetition: number;
  change: CaseChange;
  /** The first failed check now (or the error), for "what started failing". */
  reason: string | null;
}

/** What changed between an earlier run and this one; cases passing both times are left out. */
export function compareRuns(
  earlier: readonly CaseResult[],
  later: readonly CaseResult[],
): CaseComparison[] {
  const before = new Map(earlier.map((result) => [result.key, result]));
  const seen = new Set<string>();
  const out: CaseComparison[] = [];
  for (const result of later) {
    seen.add(result.key);
    const previous = before.get(result.key);
    const failing = result.status !== "passed";
    const wasFailing = previous ? previous.status !== "passed" : null;
    const change: CaseChange | null =
      wasFailing === null
        ? "new"
        : failing && !wasFailing
          ? "started_failing"
          : !failing && wasFailing
            ? "now_passing"
            : failing
              ? "still_failing"
              : null;
    if (!change) continue;
    out.push({
      key: result.key,
      requestName: result.requestName,
      model: result.model,
      repetition: result.repetition,
      change,
      reason: failureReason(result),
    });
  }
  for (const result of earlier)
    if (!seen.has(result.key))
      out.push({
        key: result.key,
        requestName: result.requestName,
        model: result.model,
        repetition: result.repetition,
        change: "gone",
        reason: null,
      });
  const order: Record<CaseChange, number> = {
    started_failing: 0,
    still_failing: 1,
    now_passing: 2,
    new: 3,
    gone: 4,
  };
  return out.sort((a, b) => order[a.change] - order[b.change]);
}

/** Why a case did not pass, in one line (null when it passed). */
export function failureReason(result: CaseResult): string | null {
  if (result.error) return `${result.error.type}: ${result.error.message}`;
  const failed = result.checks.find((check) => !check.passed);
  return failed ? `${failed.kind}: ${failed.message}` : null;
}
