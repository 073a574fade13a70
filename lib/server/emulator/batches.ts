import "server-only";
// The Message Batches API, emulated: a batch of Messages requests, each run as POST /v1/messages
// would run it (MCP calls included), one after another in the background; its status, its
// results as JSONL once it has ended, cancel, list and delete. Batches live in this process's
// memory, each visible only to the API key that made it, and there are a bounded number of them.
import type {
  BetaMessageBatch,
  BetaMessageBatchIndividualResponse,
  BetaMessageBatchResult,
} from "@anthropic-ai/sdk/resources/beta/messages/batches";
import type { BetaErrorResponse } from "@anthropic-ai/sdk/resources/beta/beta";
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { ApiError } from "./errors";
import { createApiId } from "./ids";

/** Requests in one batch (the API allows 100,000; an emulator needs far fewer). */
export const MAX_BATCH_REQUESTS = 100;
/** Batches kept per process; the oldest ended ones go first. */
export const MAX_BATCHES = 200;
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
  requests: BatchRequest[];
  results: BetaMessageBatchIndividualResponse[];
  cancelRequested: boolean;
  /** Where the results are served; set once the batch has ended. */
  resultsUrl: string;
}

export interface BatchStoreOptions {
  now?: () => number;
  createId?: () => string;
}

export class BatchStore {
  private readonly batches = new Map<string, StoredBatch>();
  private readonly now: () => number;
  private readonly createId: () => string;

  constructor(options: BatchStoreOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.createId = options.createId ?? (() => createApiId("msgbatch"));
  }

  /** Checks the body, stores the batch and starts running it; returns it as created. */
  create(
    owner: string,
    body: unknown,
    run: RunBatchRequest,
    resultsUrl: (id: string) => string,
  ): BetaMessageBatch {
    const requests = readRequests(body);
    this.makeRoom();
    const id = this.createId();
    const created = this.now();
    const stored: StoredBatch = {
      owner,
      requests,
      results: [],
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
    this.batches.delete(id);
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

  private makeRoom(): void {
    if (this.batches.size < MAX_BATCHES) return;
    const oldestEnded = [...this.batches.values()].find(
      (stored) => stored.batch.processing_status === "ended",
    );
    if (!oldestEnded)
      throw new ApiError(
        429,
        `This emulator holds at most ${MAX_BATCHES} batches and all are processing: wait for some to end.`,
      );
    this.batches.delete(oldestEnded.batch.id);
  }

  private async process(stored: StoredBatch, run: RunBatchRequest): Promise<void> {
    const counts = stored.batch.request_counts;
    for (const request of stored.requests) {
      let result: BetaMessageBatchResult;
      if (stored.cancelRequested) {
        result = { type: "canceled" };
        counts.canceled += 1;
      } else {
        result = await runOne(request, run);
        counts[result.type === "succeeded" ? "succeeded" : "errored"] += 1;
      }
      counts.processing -= 1;
      stored.results.push({ custom_id: request.custom_id, result });
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
