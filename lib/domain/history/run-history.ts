// The run history: every Send, kept in the browser so people can look back, reopen and compare.
// Pure functions over a newest-first list; the store persists it. What is kept has no secrets:
// the composer copy has no tokens, and the request is rebuilt from it when needed.
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { SendFailure, SendOutcome } from "@/lib/domain/api/send-outcome";
import { buildRequest, type MessagesRequest } from "@/lib/domain/request/build-request";
import { withoutSecrets } from "@/lib/domain/request/composer";
import { withoutUrlSecrets } from "@/lib/domain/request/url-secrets";
import type { ComposerState } from "@/lib/domain/request/types";

export { HISTORY_STORAGE_KEY } from "./storage-key";
/** At most this many runs, and at most this many characters of JSON (localStorage is ~5 MB). */
export const HISTORY_LIMITS = { runs: 50, chars: 2_000_000 } as const;

export type RunOutcomeKind = "ok" | "error" | "cancelled" | "broken";

export interface RunRecord {
  id: string;
  /** When Send was pressed (epoch ms). */
  at: number;
  target: SendOutcome["target"];
  model: string;
  /** The first words of the message sent, for the list. */
  title: string;
  kind: RunOutcomeKind;
  /** stop_reason when there is one, else the error type. */
  summary: string;
  /** The composer as it was sent, less tokens: `runRequest` rebuilds the request from it. */
  composer: ComposerState;
  outcome: SendOutcome;
}

export function createRunRecord(
  id: string,
  at: number,
  composer: ComposerState,
  outcome: SendOutcome,
): RunRecord {
  return {
    id,
    at,
    target: outcome.target,
    model: composer.model,
    title: firstWords(composer.message),
    kind: outcomeKind(outcome),
    summary: outcome.ok ? (outcome.message.stop_reason ?? "null") : outcome.error.type,
    composer: withoutSecrets(composer),
    outcome,
  };
}

export function outcomeKind(outcome: SendOutcome): RunOutcomeKind {
  if (outcome.ok) return "ok";
  if (outcome.error.type === "cancelled") return "cancelled";
  return outcome.partial ? "broken" : "error";
}

export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return "(empty message)";
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** The request the run sent, as the composer builds it (tokens were never kept). */
export function runRequest(run: RunRecord): MessagesRequest {
  return buildRequest(run.composer);
}

/** Each run's JSON size, measured once in its life rather than on every Send. */
const runSizes = new WeakMap<RunRecord, number>();
function runSize(run: RunRecord): number {
  let size = runSizes.get(run);
  if (size === undefined) {
    size = JSON.stringify(run).length + 1;
    runSizes.set(run, size);
  }
  return size;
}

/** Adds a run at the front, then drops the oldest until both limits hold. */
export function addRun(
  history: readonly RunRecord[],
  run: RunRecord,
  limits: { runs: number; chars: number } = HISTORY_LIMITS,
): RunRecord[] {
  const next = [run, ...history].slice(0, limits.runs);
  let total = next.reduce((sum, entry) => sum + runSize(entry), 0);
  while (next.length > 1 && total > limits.chars) total -= runSize(next.pop()!);
  return next;
}

export function serializeHistory(runs: readonly RunRecord[]): string {
  return JSON.stringify({ version: 1, runs });
}

/** The message a run produced: complete, or what a broken stream had delivered. */
export function runMessage(outcome: SendOutcome): BetaMessage | null {
  return outcome.ok ? outcome.message : outcome.partial;
}

export function runFailure(outcome: SendOutcome): SendFailure | null {
  return outcome.ok ? null : outcome.error;
}

/**
 * Reopening a run brings back its composer; tokens were never stored, so the ones typed now are
 * kept for servers with the same name and URL.
 */
export function reopenComposer(run: RunRecord, current: ComposerState): ComposerState {
  return {
    ...run.composer,
    servers: run.composer.servers.map((server) => {
      // The server as typed now, when it is this one: its token and full URL come back.
      const same = current.servers.find(
        (candidate) =>
          candidate.name === server.name &&
          (candidate.url === server.url || withoutUrlSecrets(candidate.url) === server.url),
      );
      return same
        ? { ...server, url: same.url, authorizationToken: same.authorizationToken }
        : server;
    }),
  };
}
