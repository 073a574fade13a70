import "server-only";
// The Message Batches API, emulated: a batch of Messages requests, each run as POST /v1/messages
// would run it (MCP calls included), one after another in the background; its status, its
// results as JSONL once it has ended, cancel, list and delete. Batches live in this process's
// memory, each visible only to the API key that made it, bounded per key first (a count and a
// share of the store budget), then for the instance. A request's params are dropped once it ran.
import type {
  BetaMessageBatch,
  BetaMessageBatchIndividualResponse,
  BetaMessageBatchResult,
} from "@anthropic-ai/sdk/resources/beta/messages/batches";
import type { BetaErrorResponse } from "@anthropic-ai/sdk/resources/beta/beta";
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { ApiError } from "./errors";
import { createApiId } from "./ids";
import { defaultStoreBudget, heldBytes, mebibytes, type StoreBudget } from "./store-budget";

/** Requests in one batch (the API allows 100,000; an emulator needs far fewer). */
export const MAX_BATCH_REQUESTS = 100;
/** Batches kept per process; the oldest ended ones go first. */
export const MAX_BATCHES = 200;
/** Batches kept per API key: a key makes room among its own before anyone else's. */
export const MAX_BATCHES_PER_KEY = 50;
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BatchRequest {
  custom_id: string;
  params: Record<string, unknown>;
}

/** Runs one request as /v1/messages would; an ApiError is that request's `errored` result. */
export type RunBatchRequest = (params: Record<string, unknown>) => Promise<BetaMessage>;

interface StoredBatch {
  owner: string;
  batch: BetaMessageBatch;
  /** What is still to run; each request's params are dropped once it has run. */
  requests: (BatchRequest | null)[];
  results: BetaMessageBatchIndividualResponse[];
  /** Bytes of requests and results held, as the budget counts them. */
  bytes: number;
  cancelRequested: boolean;
  /** Where the results are served; set once the batch has ended. */
  resultsUrl: string;
}

export interface BatchStoreOptions {
  now?: () => number;
  createId?: () => string;
  /** The bytes batches (and threads) may hold; 64 MiB, 16 MiB a key, by default. */
  budget?: StoreBudget;
  maxBatches?: number;
  maxBatchesPerKey?: number;
}

export class BatchStore {
  private readonly batches = new Map<string, StoredBatch>();
  private readonly now: () => number;
  private readonly createId: () => string;
  readonly budget: StoreBudget;
  private readonly maxBatches: number;
  private readonly maxPerKey: number;

  constructor(options: BatchStoreOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.createId = options.createId ?? (() => createApiId("msgbatch"));
    this.budget = options.budget ?? defaultStoreBudget();
    this.maxBatches = options.maxBatches ?? MAX_BATCHES;
    this.maxPerKey = options.maxBatchesPerKey ?? MAX_BATCHES_PER_KEY;
  }

  /**
   * Checks the body, stores the batch and starts running it; returns it as created. `bodyBytes`,
   * the size the body came in (else it is measured), is what the batch holds until it runs.
   */
  create(
    owner: string,
    body: unknown,
    run: RunBatchRequest,
    resultsUrl: (id: string) => string,
    bodyBytes?: number,
  ): BetaMessageBatch {
    const requests = readRequests(body);
    const bytes = bodyBytes ?? heldBytes(requests);
    this.makeRoom(owner, bytes);
    const id = this.createId();
    const created = this.now();
    const stored: StoredBatch = {
      owner,
      requests,
      results: [],
      bytes,
      cancelRequested: false,
      resultsUrl: resultsUrl(id),
      batch: {
        id,
        type: "message_batch",
        processing_status: "in_progress",
        request_counts: {
          processing: requests.length,
          succeeded: 0,
          errored: 0,
          canceled: 0,
          expired: 0,
        },
        created_at: iso(created),
        expires_at: iso(created + DAY_MS),
        ended_at: null,
        cancel_initiated_at: null,
        archived_at: null,
        results_url: null,
      },
    };
    this.batches.set(id, stored);
    this.budget.add(owner, bytes);
    void this.process(stored, run);
    return { ...stored.batch };
  }

  retrieve(owner: string, id: string): BetaMessageBatch {
    return { ...this.find(owner, id).batch };
  }

  /** Newest first, `limit` a page (1–1000, default 20), paged by `after_id` / `before_id`. */
  list(
    owner: string,
    query: { limit?: number; after_id?: string; before_id?: string },
  ): {
    data: BetaMessageBatch[];
    has_more: boolean;
    first_id: string | null;
    last_id: string | null;
  } {
    const limit = query.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new ApiError(400, "limit: Input should be between 1 and 1000.");
    const all = [...this.batches.values()]
      .filter((stored) => stored.owner === owner)
      .map((stored) => stored.batch)
      .reverse();
    let start = 0;
    let end = all.length;
    if (query.after_id) start = all.findIndex((batch) => batch.id === query.after_id) + 1;
    if (query.before_id)
      end = Math.max(
        0,
        all.findIndex((batch) => batch.id === query.before_id),
      );
    const page = all.slice(start, end).slice(0, limit);
    return {
      data: page.map((batch) => ({ ...batch })),
      has_more: start + page.length < end,
      first_id: page[0]?.id ?? null,
      last_id: page.at(-1)?.id ?? null,
    };
  }

  /** Asks a batch to stop: requests not yet run end `canceled`. */
  cancel(owner: string, id: string): BetaMessageBatch {
    const stored = this.find(owner, id);
    if (stored.batch.processing_status === "in_progress") {
      stored.cancelRequested = true;
      stored.batch.processing_status = "canceling";
      stored.batch.cancel_initiated_at = iso(this.now());
    }
    return { ...stored.batch };
  }

  delete(owner: string, id: string): { id: string; type: "message_batch_deleted" } {
    const stored = this.find(owner, id);
    if (stored.batch.processing_status !== "ended")
      throw new ApiError(
        400,
        `Batch ${id} cannot be deleted while it is processing: cancel it, then delete it.`,
      );
    this.forget(stored);
    return { id, type: "message_batch_deleted" };
  }

  /** The results as JSONL, one line a request in the order they were sent; once ended. */
  results(owner: string, id: string): string {
    const stored = this.find(owner, id);
    if (stored.batch.processing_status !== "ended")
      throw new ApiError(
        400,
        `Batch ${id} has not finished processing (${stored.batch.processing_status}).`,
      );
    return stored.results.map((result) => `${JSON.stringify(result)}\n`).join("");
  }

  private find(owner: string, id: string): StoredBatch {
    const stored = this.batches.get(id);
    // Another key's batch is as absent as one that never existed.
    if (!stored || stored.owner !== owner)
      throw new ApiError(404, `No message batch with id ${JSON.stringify(id)}.`);
    return stored;
  }

  /**
   * Room for one more batch of `bytes` from `owner`: its own oldest ended batches go first, for
   * its count and its share of the budget; then, for the instance's, those of whoever holds most.
   */
  private makeRoom(owner: string, bytes: number): void {
    const { perClientBytes } = this.budget.limits;
    if (bytes > perClientBytes)
      throw new ApiError(
        413,
        `This batch holds ${mebibytes(bytes)} of requests; the emulator keeps at most ${mebibytes(perClientBytes)} of batches and threads per API key (PLAYGROUND_EMULATOR_MEMORY_PER_CLIENT_BYTES).`,
      );
    const owned = () => [...this.batches.values()].filter((stored) => stored.owner === owner);
    while (owned().length >= this.maxPerKey || this.budget.check(owner, bytes) === "client") {
      const ended = owned().find((stored) => stored.batch.processing_status === "ended");
      if (!ended)
        throw new ApiError(
          429,
          `This API key holds ${owned().length} batches (${mebibytes(this.budget.heldBy(owner))}) still processing; the emulator keeps at most ${this.maxPerKey} a key and ${mebibytes(perClientBytes)} of batches and threads: wait for some to end.`,
        );
      this.forget(ended);
    }
    while (this.batches.size >= this.maxBatches || this.budget.check(owner, bytes) === "instance") {
      const ended = this.budget
        .ownersByHolding()
        .map((holder) =>
          [...this.batches.values()].find(
            (stored) => stored.owner === holder && stored.batch.processing_status === "ended",
          ),
        )
        .find((stored) => stored !== undefined);
      if (!ended)
        throw new ApiError(
          429,
          `The emulator's memory for batches and threads is full (${mebibytes(this.budget.totalHeld)}, PLAYGROUND_EMULATOR_MEMORY_BYTES) and every batch is still processing: try again in a moment.`,
        );
      this.forget(ended);
    }
  }

  private forget(stored: StoredBatch): void {
    this.batches.delete(stored.batch.id);
    this.budget.release(stored.owner, stored.bytes);
    stored.bytes = 0;
  }

  /** Moves what a batch holds by `delta` bytes, while it is still held. */
  private resize(stored: StoredBatch, delta: number): void {
    if (this.batches.get(stored.batch.id) !== stored) return;
    stored.bytes += delta;
    if (delta > 0) this.budget.add(stored.owner, delta);
    else this.budget.release(stored.owner, -delta);
  }

  private async process(stored: StoredBatch, run: RunBatchRequest): Promise<void> {
    const counts = stored.batch.request_counts;
    // Each request's share of what the body held, let go as it runs (measured once, not per item).
    const share = Math.floor(stored.bytes / stored.requests.length);
    for (const [index, request] of stored.requests.entries()) {
      if (!request) continue;
      let result: BetaMessageBatchResult;
      if (stored.cancelRequested) {
        result = { type: "canceled" };
        counts.canceled += 1;
      } else {
        result = await runOne(request, run);
        counts[result.type === "succeeded" ? "succeeded" : "errored"] += 1;
      }
      counts.processing -= 1;
      const entry = { custom_id: request.custom_id, result };
      stored.results.push(entry);
      // The request's params are not needed again: only its result is kept.
      stored.requests[index] = null;
      this.resize(stored, heldBytes(entry) - share);
    }
    stored.batch.processing_status = "ended";
    stored.batch.ended_at = iso(this.now());
    stored.batch.results_url = stored.resultsUrl;
  }
}

async function runOne(
  request: BatchRequest,
  run: RunBatchRequest,
): Promise<BetaMessageBatchResult> {
  try {
    const { stream: _stream, ...params } = request.params;
    return { type: "succeeded", message: await run(params) };
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError(500, "Internal server error");
    if (!(error instanceof ApiError))
      console.error("[emulator batch]", error instanceof Error ? error.message : error);
    return { type: "errored", error: apiError.body(null) as BetaErrorResponse };
  }
}

function readRequests(body: unknown): BatchRequest[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw new ApiError(400, "requests: Input should be a non-empty list.");
  if (requests.length > MAX_BATCH_REQUESTS)
    throw new ApiError(
      400,
      `requests: this emulator runs at most ${MAX_BATCH_REQUESTS} requests a batch (the API allows 100,000).`,
    );
  const seen = new Set<string>();
  return requests.map((entry: unknown, index) => {
    const { custom_id: customId, params } = (entry ?? {}) as Record<string, unknown>;
    if (typeof customId !== "string" || !CUSTOM_ID.test(customId))
      throw new ApiError(
        400,
        `requests.${index}.custom_id: 1 to 64 letters, digits, hyphens or underscores.`,
      );
    if (seen.has(customId))
      throw new ApiError(400, `requests.${index}.custom_id: '${customId}' is used twice.`);
    seen.add(customId);
    if (typeof params !== "object" || params === null || Array.isArray(params))
      throw new ApiError(400, `requests.${index}.params: Input should be an object.`);
    return { custom_id: customId, params: params as Record<string, unknown> };
  });
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
