import "server-only";
// Runs planned cases through an Anthropic SDK client (the real API, any Messages API at a base
// URL, or the emulator in process): one request each, `concurrency` at once, or all of them as
// Message Batches polled until they end. Each case's outcome is checked here; an API or network
// error is the case's error (the run's exit code 3), with every secret of the case taken out.
import type Anthropic from "@anthropic-ai/sdk";
import { APIConnectionError, APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import type {
  BetaMessage,
  MessageCreateParamsNonStreaming,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { BetaMessageBatchIndividualResponse } from "@anthropic-ai/sdk/resources/beta/messages/batches";
import { redactSecrets } from "@/lib/domain/api/redact";
import type { PlannedCase } from "@/lib/domain/checks/plan";
import { caseResult, type CaseResult, type CaseRun } from "@/lib/domain/checks/report";

export interface ExecuteOptions {
  client: Anthropic;
  concurrency: number;
  signal?: AbortSignal;
  /** After each case, in the order they end. */
  onCase?: (result: CaseResult, done: number, total: number) => void;
  /** Each answer as it came (the app keeps them to open a case's response). */
  onMessage?: (key: string, message: BetaMessage) => void;
  now?: () => number;
}

/** "fetch failed (ECONNREFUSED 127.0.0.1:9)": the socket's own words under undici's. */
function connectionCause(error: Error): string {
  const words: string[] = [];
  let cause: unknown = error.cause ?? error;
  for (let depth = 0; cause instanceof Error && depth < 4; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    words.push(
      typeof code === "string" && !cause.message.includes(code)
        ? `${cause.message} (${code})`
        : cause.message,
    );
    cause = cause.cause;
  }
  return [...new Set(words)].join(": ") || error.message;
}

function caseError(error: unknown, planned: PlannedCase): CaseRun["error"] {
  const clean = (text: string) => redactSecrets(text, planned.secrets);
  if (error instanceof APIUserAbortError)
    return { type: "cancelled", message: "The run was stopped.", status: null };
  if (error instanceof APIConnectionError)
    return {
      type: "api_connection_error",
      message: clean(`Could not reach the API: ${connectionCause(error)}`),
      status: null,
    };
  if (error instanceof APIError) {
    const body = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
    return {
      type: typeof body?.error?.type === "string" ? body.error.type : "api_error",
      message: clean(typeof body?.error?.message === "string" ? body.error.message : error.message),
      status: typeof error.status === "number" ? error.status : null,
    };
  }
  return {
    type: "runner_error",
    message: clean(error instanceof Error ? error.message : String(error)),
    status: null,
  };
}

function observed(planned: PlannedCase, message: BetaMessage | null, latencyMs: number | null) {
  return {
    model: planned.model,
    tools: Array.isArray(planned.params.tools) ? planned.params.tools : undefined,
    message,
    latencyMs,
  };
}

/** One case through the SDK, streamed when its params ask for it. */
async function runOne(planned: PlannedCase, options: ExecuteOptions): Promise<CaseResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  try {
    const { stream, ...params } = planned.params;
    let message: BetaMessage;
    let requestId: string | null;
    if (stream === true) {
      const running = options.client.beta.messages.stream(
        params as unknown as MessageCreateParamsNonStreaming,
        { signal: options.signal },
      );
      message = await running.finalMessage();
      requestId = running.request_id ?? null;
    } else {
      const answer = await options.client.beta.messages
        .create(params as unknown as MessageCreateParamsNonStreaming, { signal: options.signal })
        .withResponse();
      message = answer.data;
      requestId = answer.request_id ?? null;
    }
    options.onMessage?.(planned.key, message);
    return caseResult(planned, {
      observation: observed(planned, message, now() - started),
      requestId,
      error: null,
    });
  } catch (error) {
    const failure = caseError(error, planned);
    return caseResult(planned, {
      observation: { ...observed(planned, null, now() - started), failure: failure?.message },
      requestId: error instanceof APIError ? (error.requestID ?? null) : null,
      error: failure,
    });
  }
}

/** Every case, `concurrency` at once; results in the plan's order. */
export async function runCases(
  cases: readonly PlannedCase[],
  options: ExecuteOptions,
): Promise<CaseResult[]> {
  const results = new Array<CaseResult>(cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next;
      next += 1;
      const planned = cases[index]!;
      results[index] = options.signal?.aborted
        ? caseResult(planned, {
            observation: { ...observed(planned, null, null), failure: "The run was stopped." },
            requestId: null,
            error: { type: "cancelled", message: "The run was stopped.", status: null },
          })
        : await runOne(planned, options);
      done += 1;
      options.onCase?.(results[index], done, cases.length);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, cases.length)) }, worker),
  );
  return results;
}

export interface BatchOptions extends ExecuteOptions {
  /** Requests per batch: the API takes 100,000, the emulator 100. */
  batchSize: number;
  pollMs: number;
  /** Before each wait: the batches' progress and the seconds until the next look. */
  onPoll?: (progress: { ended: number; total: number; batches: number }, waitMs: number) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Every case as Message Batch requests (streaming off: a batch does not stream), polled until
 * every batch has ended, then each result read back by its custom_id.
 */
export async function runBatches(
  cases: readonly PlannedCase[],
  options: BatchOptions,
): Promise<CaseResult[]> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const started = now();
  const batches = options.client.beta.messages.batches;
  const chunks: PlannedCase[][] = [];
  for (let index = 0; index < cases.length; index += options.batchSize)
    chunks.push(cases.slice(index, index + options.batchSize));
  const results = new Map<string, CaseResult>();
  const byCustomId = new Map(cases.map((planned, index) => [customId(index), planned]));
  const fail = (planned: PlannedCase, error: unknown) =>
    caseResult(planned, {
      observation: {
        ...observed(planned, null, null),
        failure: caseError(error, planned)?.message,
      },
      requestId: null,
      error: caseError(error, planned),
    });
  const created: { id: string; cases: PlannedCase[] }[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    const base = offset;
    offset += chunk.length;
    // Betas go per batch in the header; each request's own betas are the same list.
    const betas = [...new Set(chunk.flatMap((planned) => betasOf(planned.params)))];
    try {
      const batch = await batches.create(
        {
          requests: chunk.map((planned, index) => {
            const { stream: _stream, betas: _betas, ...params } = planned.params;
            return {
              custom_id: customId(base + index),
              params: params as unknown as MessageCreateParamsNonStreaming,
            };
          }),
          ...(betas.length ? { betas } : {}),
        },
        { signal: options.signal },
      );
      created.push({ id: batch.id, cases: chunk });
    } catch (error) {
      for (const planned of chunk) results.set(planned.key, fail(planned, error));
    }
  }
  const pending = new Set(created.map((batch) => batch.id));
  while (pending.size && !options.signal?.aborted) {
    let ended = 0;
    for (const batch of created) {
      if (!pending.has(batch.id)) {
        ended += batch.cases.length;
        continue;
      }
      try {
        const state = await batches.retrieve(batch.id, {}, { signal: options.signal });
        const counts = state.request_counts;
        ended += counts.succeeded + counts.errored + counts.canceled + counts.expired;
        if (state.processing_status === "ended") pending.delete(batch.id);
      } catch (error) {
        if (options.signal?.aborted) break;
        for (const planned of batch.cases) results.set(planned.key, fail(planned, error));
        pending.delete(batch.id);
      }
    }
    if (!pending.size) break;
    options.onPoll?.({ ended, total: cases.length, batches: created.length }, options.pollMs);
    await sleep(options.pollMs, options.signal);
  }
  const latencyMs = now() - started;
  let done = 0;
  for (const batch of created) {
    if (options.signal?.aborted) {
      await batches.cancel(batch.id).catch(() => {});
      continue;
    }
    if (batch.cases.every((planned) => results.has(planned.key))) continue;
    try {
      const decoder = await batches.results(batch.id, {}, { signal: options.signal });
      for await (const entry of decoder) {
        const planned = byCustomId.get(entry.custom_id);
        if (!planned) continue;
        const result = batchResult(planned, entry, latencyMs);
        results.set(planned.key, result);
        done += 1;
        options.onCase?.(result, done, cases.length);
      }
    } catch (error) {
      for (const planned of batch.cases)
        if (!results.has(planned.key)) results.set(planned.key, fail(planned, error));
    }
  }
  return cases.map(
    (planned) =>
      results.get(planned.key) ??
      fail(
        planned,
        new Error(
          options.signal?.aborted
            ? "The run was stopped."
            : "The batch returned no result for this request.",
        ),
      ),
  );
}

function customId(index: number): string {
  return `case-${index}`;
}

function betasOf(params: Record<string, unknown>): string[] {
  return Array.isArray(params.betas)
    ? params.betas.filter((beta): beta is string => typeof beta === "string")
    : [];
}

/** A batch's latency is the whole batch's: a request's own time is not reported. */
function batchResult(
  planned: PlannedCase,
  entry: BetaMessageBatchIndividualResponse,
  latencyMs: number,
): CaseResult {
  const result = entry.result;
  if (result.type === "succeeded")
    return caseResult(planned, {
      observation: observed(planned, result.message, latencyMs),
      requestId: null,
      error: null,
    });
  const error =
    result.type === "errored"
      ? {
          type: result.error.error.type,
          message: redactSecrets(result.error.error.message, planned.secrets),
          status: null,
        }
      : { type: result.type, message: `The batch request was ${result.type}.`, status: null };
  return caseResult(planned, {
    observation: { ...observed(planned, null, null), failure: error.message },
    requestId: null,
    error,
  });
}
