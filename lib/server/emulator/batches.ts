import "server-only";
// The Message Batches API, emulated: a batch of Messages requests, each run as POST /v1/messages
// would run it (MCP calls included), one after another in the background; its status, its
// results as JSONL once it has ended, cancel, list and delete. Batches live in the database, so
// every instance sees them: the instance holding a batch's lease runs it, renewing the lease as
// it goes; a lease that lapses (its instance died) is claimed by another instance's sweep
// (`FOR UPDATE SKIP LOCKED`), which finishes what is left. Each batch is visible only to the API
// key that made it (kept as a hash). A request's params are sealed while they wait (they carry
// MCP tokens) and dropped once it ran.
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type {
  BetaMessageBatch,
  BetaMessageBatchResult,
} from "@anthropic-ai/sdk/resources/beta/messages/batches";
import type { BetaErrorResponse } from "@anthropic-ai/sdk/resources/beta/beta";
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { DatabaseHandle } from "@/lib/server/db/connect";
import { emulatorBatchRequests, emulatorBatches } from "@/lib/server/db/schema";
import { ApiError } from "./errors";
import { createApiId } from "./ids";

/** Requests in one batch (the API allows 100,000; an emulator needs far fewer). */
export const MAX_BATCH_REQUESTS = 100;
/** Batches kept in all; the oldest ended ones go first. */
export const MAX_BATCHES = 200;
/** Batches kept per API key: a key makes room among its own before anyone else's. */
export const MAX_BATCHES_PER_KEY = 50;
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BatchRequest {
  custom_id: string;
  params: Record<string, unknown>;
}

/** How a batch's requests run, stored with it so any instance can run them: nothing secret. */
export interface BatchContext {
  betas: string[];
  /** The app's origin (its in-process demo servers, the results URL). */
  origin: string;
  /** The client the MCP connection shares are counted for. */
  client: string;
}

/** Runs one request as /v1/messages would; an ApiError is that request's `errored` result. */
export type RunBatchRequest = (params: Record<string, unknown>) => Promise<BetaMessage>;
/** Makes the runner for a batch's context (on whichever instance runs it). */
export type BatchRunner = (context: BatchContext) => RunBatchRequest;

export interface BatchStoreOptions {
  database: () => Promise<DatabaseHandle>;
  runner: BatchRunner;
  now?: () => number;
  createId?: () => string;
  maxBatches?: number;
  maxBatchesPerKey?: number;
  /** How long a lease lasts without renewal; another instance may claim the batch after. */
  leaseMs?: number;
  /** How often this instance looks for batches whose lease lapsed (0: never on its own). */
  sweepEveryMs?: number;
  /** This instance's name in the leases. */
  instanceId?: string;
}

type BatchRow = typeof emulatorBatches.$inferSelect;

export class BatchStore {
  private readonly now: () => number;
  private readonly createId: () => string;
  private readonly maxBatches: number;
  private readonly maxPerKey: number;
  private readonly leaseMs: number;
  readonly instanceId: string;
  /** Batches this instance is running. */
  private readonly running = new Map<string, Promise<void>>();
  private sweeper: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly options: BatchStoreOptions) {
    this.now = options.now ?? (() => Date.now());
    this.createId = options.createId ?? (() => createApiId("msgbatch"));
    this.maxBatches = options.maxBatches ?? MAX_BATCHES;
    this.maxPerKey = options.maxBatchesPerKey ?? MAX_BATCHES_PER_KEY;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.instanceId = options.instanceId ?? randomUUID();
  }

  /** Checks the body, stores the batch and starts running it here; returns it as created. */
  async create(owner: string, body: unknown, context: BatchContext): Promise<BetaMessageBatch> {
    const requests = readRequests(body);
    const { db, sealer } = await this.options.database();
    await this.makeRoom(owner);
    const id = this.createId();
    const created = this.now();
    const row: BatchRow = {
      id,
      owner,
      processingStatus: "in_progress",
      createdAt: new Date(created),
      expiresAt: new Date(created + DAY_MS),
      endedAt: null,
      cancelInitiatedAt: null,
      resultsUrl: `${context.origin}/api/emulator/v1/messages/batches/${id}/results`,
      context,
      leaseOwner: this.instanceId,
      leaseUntil: new Date(created + this.leaseMs),
    };
    await db.transaction(async (tx) => {
      await tx.insert(emulatorBatches).values(row);
      await tx.insert(emulatorBatchRequests).values(
        requests.map((request, position) => ({
          batchId: id,
          position,
          customId: request.custom_id,
          sealedParams: sealer.seal(JSON.stringify(request.params)),
          result: null,
        })),
      );
    });
    this.startRunning(id);
    this.startSweeping();
    return toBatch(row, { processing: requests.length });
  }

  async retrieve(owner: string, id: string): Promise<BetaMessageBatch> {
    const row = await this.find(owner, id);
    return toBatch(row, await this.counts(id));
  }

  /** Newest first, `limit` a page (1–1000, default 20), paged by `after_id` / `before_id`. */
  async list(
    owner: string,
    query: { limit?: number; after_id?: string; before_id?: string },
  ): Promise<{
    data: BetaMessageBatch[];
    has_more: boolean;
    first_id: string | null;
    last_id: string | null;
  }> {
    const limit = query.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new ApiError(400, "limit: Input should be between 1 and 1000.");
    const { db } = await this.options.database();
    // A key holds at most MAX_BATCHES_PER_KEY: its list is read whole and paged here.
    const rows = await db
      .select()
      .from(emulatorBatches)
      .where(eq(emulatorBatches.owner, owner))
      .orderBy(desc(emulatorBatches.createdAt), desc(emulatorBatches.id));
    let start = 0;
    let end = rows.length;
    if (query.after_id) start = rows.findIndex((row) => row.id === query.after_id) + 1;
    if (query.before_id)
      end = Math.max(
        0,
        rows.findIndex((row) => row.id === query.before_id),
      );
    const page = rows.slice(start, end).slice(0, limit);
    const data = await Promise.all(
      page.map(async (row) => toBatch(row, await this.counts(row.id))),
    );
    return {
      data,
      has_more: start + page.length < end,
      first_id: page[0]?.id ?? null,
      last_id: page.at(-1)?.id ?? null,
    };
  }

  /** Asks a batch to stop: requests not yet run end `canceled` (on whichever instance runs it). */
  async cancel(owner: string, id: string): Promise<BetaMessageBatch> {
    const row = await this.find(owner, id);
    if (row.processingStatus === "in_progress") {
      const { db } = await this.options.database();
      const at = new Date(this.now());
      await db
        .update(emulatorBatches)
        .set({ processingStatus: "canceling", cancelInitiatedAt: at })
        .where(
          and(eq(emulatorBatches.id, id), eq(emulatorBatches.processingStatus, "in_progress")),
        );
      return this.retrieve(owner, id);
    }
    return toBatch(row, await this.counts(id));
  }

  async delete(owner: string, id: string): Promise<{ id: string; type: "message_batch_deleted" }> {
    const row = await this.find(owner, id);
    if (row.processingStatus !== "ended")
      throw new ApiError(
        400,
        `Batch ${id} cannot be deleted while it is processing: cancel it, then delete it.`,
      );
    const { db } = await this.options.database();
    await db.delete(emulatorBatches).where(eq(emulatorBatches.id, id));
    return { id, type: "message_batch_deleted" };
  }

  /** The results as JSONL, one line a request in the order they were sent; once ended. */
  async results(owner: string, id: string): Promise<string> {
    const row = await this.find(owner, id);
    if (row.processingStatus !== "ended")
      throw new ApiError(400, `Batch ${id} has not finished processing (${row.processingStatus}).`);
    const { db } = await this.options.database();
    const requests = await db
      .select({ customId: emulatorBatchRequests.customId, result: emulatorBatchRequests.result })
      .from(emulatorBatchRequests)
      .where(eq(emulatorBatchRequests.batchId, id))
      .orderBy(asc(emulatorBatchRequests.position));
    return requests
      .map(
        (request) => `${JSON.stringify({ custom_id: request.customId, result: request.result })}\n`,
      )
      .join("");
  }

  /** Looks for batches whose lease lapsed, and runs them here. Returns how many it took. */
  async sweep(): Promise<number> {
    if (this.stopped) return 0;
    const { db } = await this.options.database();
    let taken = 0;
    for (;;) {
      const now = new Date(this.now());
      const claimed = await db.execute<{ id: string }>(sql`
        update ${emulatorBatches}
        set lease_owner = ${this.instanceId},
            lease_until = ${new Date(now.getTime() + this.leaseMs).toISOString()}::timestamptz
        where id = (
          select id from ${emulatorBatches}
          where processing_status <> 'ended'
            and (lease_until is null or lease_until < ${now.toISOString()}::timestamptz)
          order by created_at
          limit 1
          for update skip locked
        )
        returning id`);
      const rows = (
        Array.isArray(claimed) ? claimed : (claimed as { rows: { id: string }[] }).rows
      ) as {
        id: string;
      }[];
      const id = rows[0]?.id;
      if (!id) return taken;
      taken += 1;
      this.startRunning(id);
    }
  }

  /**
   * Sweeps now and then while this instance serves batches: started by the first batch request an
   * instance answers (a batch left by an instance that stopped is finished once any instance is
   * asked about batches), with one sweep at once.
   */
  startSweeping(): void {
    const every = this.options.sweepEveryMs ?? Math.max(1000, Math.floor(this.leaseMs / 2));
    if (this.sweeper || every <= 0 || this.stopped) return;
    void this.sweep().catch(() => {});
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        console.error("[emulator batch sweep]", error instanceof Error ? error.message : error),
      );
    }, every);
    this.sweeper.unref();
  }

  /**
   * Stops sweeping, renewing and writing (an instance shutting down): its leases lapse, and
   * another instance finishes its batches. A request still running here is left to them.
   */
  stop(): void {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  /** Waits for the batches this instance is running (tests). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  private async find(owner: string, id: string): Promise<BatchRow> {
    const { db } = await this.options.database();
    const [row] = await db
      .select()
      .from(emulatorBatches)
      .where(eq(emulatorBatches.id, id))
      .limit(1);
    // Another key's batch is as absent as one that never existed.
    if (!row || row.owner !== owner)
      throw new ApiError(404, `No message batch with id ${JSON.stringify(id)}.`);
    return row;
  }

  private async counts(id: string): Promise<Partial<BetaMessageBatch["request_counts"]>> {
    const { db } = await this.options.database();
    const rows = await db
      .select({ type: sql<string | null>`${emulatorBatchRequests.result}->>'type'`, n: count() })
      .from(emulatorBatchRequests)
      .where(eq(emulatorBatchRequests.batchId, id))
      .groupBy(sql`${emulatorBatchRequests.result}->>'type'`);
    const counts: Partial<BetaMessageBatch["request_counts"]> = {};
    for (const row of rows) {
      const key = (row.type ?? "processing") as keyof BetaMessageBatch["request_counts"];
      counts[key] = Number(row.n);
    }
    return counts;
  }

  /**
   * Room for one more batch from `owner`: its own oldest ended batches go first, for its count;
   * then, for the total, the oldest ended batch of the key holding most.
   */
  private async makeRoom(owner: string): Promise<void> {
    const { db } = await this.options.database();
    const ownedCount = async () =>
      Number(
        (
          await db
            .select({ n: count() })
            .from(emulatorBatches)
            .where(eq(emulatorBatches.owner, owner))
        )[0]?.n ?? 0,
      );
    let owned = await ownedCount();
    while (owned >= this.maxPerKey) {
      const [ended] = await db
        .select({ id: emulatorBatches.id })
        .from(emulatorBatches)
        .where(and(eq(emulatorBatches.owner, owner), eq(emulatorBatches.processingStatus, "ended")))
        .orderBy(asc(emulatorBatches.createdAt))
        .limit(1);
      if (!ended)
        throw new ApiError(
          429,
          `This API key holds ${owned} batches still processing; the emulator keeps at most ${this.maxPerKey} a key: wait for some to end.`,
        );
      await db.delete(emulatorBatches).where(eq(emulatorBatches.id, ended.id));
      owned = await ownedCount();
    }
    const total = async () =>
      Number((await db.select({ n: count() }).from(emulatorBatches))[0]?.n ?? 0);
    while ((await total()) >= this.maxBatches) {
      const holders = await db
        .select({ owner: emulatorBatches.owner, n: count() })
        .from(emulatorBatches)
        .where(eq(emulatorBatches.processingStatus, "ended"))
        .groupBy(emulatorBatches.owner)
        .orderBy(desc(count()));
      const holder = holders[0]?.owner;
      if (!holder)
        throw new ApiError(
          429,
          `The emulator holds ${this.maxBatches} batches and every one is still processing: try again in a moment.`,
        );
      const [ended] = await db
        .select({ id: emulatorBatches.id })
        .from(emulatorBatches)
        .where(
          and(eq(emulatorBatches.owner, holder), eq(emulatorBatches.processingStatus, "ended")),
        )
        .orderBy(asc(emulatorBatches.createdAt))
        .limit(1);
      if (ended) await db.delete(emulatorBatches).where(eq(emulatorBatches.id, ended.id));
    }
  }

  private startRunning(id: string): void {
    if (this.running.has(id) || this.stopped) return;
    const work = this.process(id)
      .catch((error: unknown) =>
        console.error("[emulator batch]", error instanceof Error ? error.message : error),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, work);
  }

  /** Renews this instance's lease; false when another instance holds the batch now. */
  private async renew(id: string): Promise<boolean> {
    if (this.stopped) return false;
    const { db } = await this.options.database();
    const rows = await db
      .update(emulatorBatches)
      .set({ leaseUntil: new Date(this.now() + this.leaseMs) })
      .where(
        and(
          eq(emulatorBatches.id, id),
          eq(emulatorBatches.leaseOwner, this.instanceId),
          ne(emulatorBatches.processingStatus, "ended"),
        ),
      )
      .returning({ id: emulatorBatches.id });
    return rows.length > 0;
  }

  private async process(id: string): Promise<void> {
    const { db, sealer } = await this.options.database();
    const [row] = await db
      .select()
      .from(emulatorBatches)
      .where(eq(emulatorBatches.id, id))
      .limit(1);
    if (!row) return;
    const run = this.options.runner(row.context as BatchContext);
    // A long MCP call must not let the lease lapse while this instance is alive.
    const heartbeat = setInterval(
      () => void this.renew(id).catch(() => {}),
      Math.max(250, this.leaseMs / 3),
    );
    heartbeat.unref();
    try {
      for (;;) {
        if (this.stopped || !(await this.renew(id))) return;
        const [batch] = await db
          .select({ status: emulatorBatches.processingStatus })
          .from(emulatorBatches)
          .where(eq(emulatorBatches.id, id))
          .limit(1);
        if (!batch) return;
        if (batch.status === "canceling") {
          // Everything not yet run ends canceled, its params dropped.
          await db
            .update(emulatorBatchRequests)
            .set({ result: { type: "canceled" }, sealedParams: null })
            .where(
              and(eq(emulatorBatchRequests.batchId, id), isNull(emulatorBatchRequests.result)),
            );
        }
        const [next] = await db
          .select()
          .from(emulatorBatchRequests)
          .where(and(eq(emulatorBatchRequests.batchId, id), isNull(emulatorBatchRequests.result)))
          .orderBy(asc(emulatorBatchRequests.position))
          .limit(1);
        if (!next) {
          await db
            .update(emulatorBatches)
            .set({
              processingStatus: "ended",
              endedAt: new Date(this.now()),
              leaseOwner: null,
              leaseUntil: null,
            })
            .where(
              and(eq(emulatorBatches.id, id), eq(emulatorBatches.leaseOwner, this.instanceId)),
            );
          return;
        }
        const opened = next.sealedParams === null ? null : sealer.open(next.sealedParams);
        const result: BetaMessageBatchResult =
          opened === null
            ? {
                type: "errored",
                error: new ApiError(
                  500,
                  "This request was left by an instance whose storage key this one does not have, so its params (and their tokens) could not be read: give every instance the same PLAYGROUND_STORAGE_KEY.",
                ).body(null) as BetaErrorResponse,
              }
            : await runOne(JSON.parse(opened) as Record<string, unknown>, run);
        // Written only while the lease is still ours: another instance may have taken over.
        if (!(await this.renew(id))) return;
        await db
          .update(emulatorBatchRequests)
          .set({ result, sealedParams: null })
          .where(
            and(
              eq(emulatorBatchRequests.batchId, id),
              eq(emulatorBatchRequests.position, next.position),
              isNull(emulatorBatchRequests.result),
            ),
          );
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}

function toBatch(
  row: BatchRow,
  counts: Partial<BetaMessageBatch["request_counts"]>,
): BetaMessageBatch {
  return {
    id: row.id,
    type: "message_batch",
    processing_status: row.processingStatus as BetaMessageBatch["processing_status"],
    request_counts: {
      processing: counts.processing ?? 0,
      succeeded: counts.succeeded ?? 0,
      errored: counts.errored ?? 0,
      canceled: counts.canceled ?? 0,
      expired: counts.expired ?? 0,
    },
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    ended_at: row.endedAt?.toISOString() ?? null,
    cancel_initiated_at: row.cancelInitiatedAt?.toISOString() ?? null,
    archived_at: null,
    results_url: row.processingStatus === "ended" ? row.resultsUrl : null,
  };
}

async function runOne(
  params: Record<string, unknown>,
  run: RunBatchRequest,
): Promise<BetaMessageBatchResult> {
  try {
    const { stream: _stream, ...rest } = params;
    return { type: "succeeded", message: await run(rest) };
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
