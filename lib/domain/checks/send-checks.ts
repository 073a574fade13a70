// The composer's checks over one Send: what the response pane shows after every run, and what a
// run's History line counts (failed checks and tool errors, so a run whose tool failed does not
// read "OK"). Pure: it works from the composer as sent and the outcome as kept.
import type { SendOutcome } from "@/lib/domain/api/send-outcome";
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import type { CheckDraft } from "./drafts";
import { evaluateCheck, toolCallSummary, type CheckResult, type RunObservation } from "./evaluate";
import { parseCheck, type CheckProblem } from "./spec";

export type DraftResult =
  | { id: string; state: "result"; result: CheckResult }
  | { id: string; state: "invalid"; problem: CheckProblem };

/** One Send as a check sees it: the message (or what a broken stream gave), its time, its model. */
export function observeSend(
  outcome: SendOutcome,
  request: Pick<MessagesRequest, "model" | "tools">,
): RunObservation {
  const message = outcome.ok ? outcome.message : outcome.partial;
  return {
    model: request.model,
    tools: request.tools ?? [],
    message: outcome.ok
      ? message
      : // A failed run is checked as a failure: what a broken stream delivered proves nothing.
        null,
    latencyMs: outcome.latencyMs,
    failure: outcome.ok ? null : `${outcome.error.type}: ${outcome.error.message}`,
  };
}

/** Every draft over one run; a draft that does not read yet says why instead. */
export function evaluateDrafts(
  drafts: readonly CheckDraft[],
  observation: RunObservation,
): DraftResult[] {
  return drafts.map((draft, index) => {
    const parsed = parseCheck(draft.spec, `checks[${index}]`);
    return parsed.ok
      ? { id: draft.id, state: "result", result: evaluateCheck(parsed.check, observation) }
      : { id: draft.id, state: "invalid", problem: parsed.problem };
  });
}

export interface SendVerdict {
  checks: number;
  failedChecks: number;
  toolErrors: number;
}

/** What a run's History line counts. */
export function sendVerdict(
  drafts: readonly CheckDraft[] | undefined,
  outcome: SendOutcome,
  request: Pick<MessagesRequest, "model" | "tools">,
): SendVerdict {
  const message = outcome.ok ? outcome.message : outcome.partial;
  const toolErrors = message ? toolCallSummary(message.content).errors : 0;
  const results = drafts?.length ? evaluateDrafts(drafts, observeSend(outcome, request)) : [];
  return {
    checks: results.length,
    failedChecks: results.filter((entry) => entry.state === "invalid" || !entry.result.passed)
      .length,
    toolErrors,
  };
}
