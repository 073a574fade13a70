import "server-only";
// Message threads (beta `message-threads-2026-08-12`), as the SDK's thread and toolRunner use
// them: `thread: {type: "create"}` asks the server to hold the conversation under the response's
// id; `{type: "continue", previous_message_id}` sends only the new turn, without `system` and
// `tools`, which the thread keeps. Each id is continued once (the thread it continued is then
// let go: only its id is remembered). Rejections carry the `error.details.error_code` the SDK
// recovers from by replaying the whole history.
//
// Threads live in the database, so a conversation started on one instance continues on another.
// A continue claims its thread with one conditional UPDATE (two instances cannot both continue
// it); a claim lapses after `claimMs`, so a turn whose instance died does not lock the thread.
// Threads are bounded per key first (a count and the key's share of the byte budget), then for
// the whole store; the oldest go first (a lost thread costs the SDK one replay of the history).
import { randomUUID } from "node:crypto";
import { and, count, eq, ne, sql, type SQL } from "drizzle-orm";
import type {
  BetaAssistantMessageParam,
  BetaMessage,
  BetaMessageParam,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { DataDirInUseError } from "@/lib/server/db/data-dir-lock";
import {
  DatabaseUnavailableError,
  processDatabase,
  type DatabaseHandle,
} from "@/lib/server/db/connect";
import { emulatorThreads } from "@/lib/server/db/schema";
import { ApiError } from "./errors";
import { heldBytes, mebibytes, processStoreLimits, type StoreBudgetLimits } from "./store-budget";
import type { EmulatorRequest } from "./types";

export const MESSAGE_THREADS_BETA = "message-threads-2026-08-12";
/** Threads held in all; the oldest go first. */
export const MAX_THREADS = 500;
/** Threads held per API key: a key makes room among its own before anyone else's. */
export const MAX_THREADS_PER_KEY = 100;
/** Continued ids remembered (to answer thread_already_continued rather than not found). */
const MAX_CONTINUED = 5_000;
/** How long a continuing turn holds its thread when its instance never says it ended. */
const DEFAULT_CLAIM_MS = 10 * 60 * 1000;

/** What a thread holds, sealed in its row. */
interface HeldThread {
  system: EmulatorRequest["system"];
  tools: EmulatorRequest["tools"];
  messages: BetaMessageParam[];
}

export interface ThreadStoreOptions {
  database?: () => Promise<DatabaseHandle>;
  max?: number;
  maxPerKey?: number;
  /** The bytes threads may hold, per key and in all; 16 MiB and 64 MiB by default. */
  limits?: StoreBudgetLimits;
  claimMs?: number;
}

/** A threaded request made whole, and what to do with its answer. */
export interface ThreadedRequest {
  request: EmulatorRequest;
  /** Holds the answer under its id, for the next turn to continue from. */
  remember(message: BetaMessage): Promise<void>;
  /** The turn failed: the thread it continued may be continued again. */
  release(): Promise<void>;
}

type ThreadParam = { type: "create" } | { type: "continue"; previous_message_id: string };

function readThreadParam(value: unknown): ThreadParam {
  const param = value as { type?: unknown; previous_message_id?: unknown } | null;
  if (param?.type === "create") return { type: "create" };
  if (param?.type === "continue" && typeof param.previous_message_id === "string")
    return { type: "continue", previous_message_id: param.previous_message_id };
  throw new ApiError(
    400,
    'thread: expected {"type": "create"} or {"type": "continue", "previous_message_id": "msg_…"}.',
  );
}

/** The database failing is the emulator's 500 in words, never a raw driver error. */
async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof DataDirInUseError)
      throw new ApiError(
        500,
        `The emulator's thread store (the database) is unavailable: ${error.message}`,
      );
    throw error;
  }
}

function readHeld(plain: string | null): HeldThread | null {
  if (plain === null) return null;
  try {
    const held = JSON.parse(plain) as Partial<HeldThread>;
    return Array.isArray(held.messages) ? (held as HeldThread) : null;
  } catch {
    return null;
  }
}

export class ThreadStore {
  private readonly database: () => Promise<DatabaseHandle>;
  private readonly max: number;
  private readonly maxPerKey: number;
  private readonly claimMs: number;
  readonly limits: StoreBudgetLimits;

  constructor(options: ThreadStoreOptions = {}) {
    this.database = options.database ?? processDatabase;
    this.max = options.max ?? MAX_THREADS;
    this.maxPerKey = options.maxPerKey ?? MAX_THREADS_PER_KEY;
    this.limits = options.limits ?? processStoreLimits();
    this.claimMs = options.claimMs ?? DEFAULT_CLAIM_MS;
  }

  /**
   * The request as the model sees it: a `continue` gets the thread's system, tools and history
   * in front of its new messages. Null when the request is not threaded.
   */
  async open(
    owner: string,
    body: EmulatorRequest,
    betas: readonly string[],
  ): Promise<ThreadedRequest | null> {
    const raw = (body as { thread?: unknown }).thread;
    if (raw === undefined || raw === null) return null;
    if (!betas.includes(MESSAGE_THREADS_BETA))
      throw new ApiError(
        400,
        `thread: requires the anthropic-beta header "${MESSAGE_THREADS_BETA}".`,
      );
    const param = readThreadParam(raw);
    const { thread: _thread, ...request } = body as EmulatorRequest & { thread?: unknown };
    if (param.type === "create") {
      const held = { system: request.system, tools: request.tools, messages: request.messages };
      this.refuseOversized(heldBytes(held));
      return {
        request,
        remember: (message) => orUnavailable(() => this.hold(owner, held, message)),
        release: () => Promise.resolve(),
      };
    }
    if (request.system !== undefined || request.tools !== undefined)
      throw new ApiError(
        400,
        "thread: system and tools are set when the thread is created; a continue must not send them.",
        "thread_create_only_field",
      );
    return orUnavailable(() => this.continueFrom(owner, param.previous_message_id, request));
  }

  /** Threads held (continued ones not counted). */
  async count(): Promise<number> {
    const { db } = await this.database();
    const [row] = await db
      .select({ n: count() })
      .from(emulatorThreads)
      .where(ne(emulatorThreads.state, "continued"));
    return row?.n ?? 0;
  }

  /** Bytes one key's threads hold. */
  async bytesHeldBy(owner: string): Promise<number> {
    const { db } = await this.database();
    const [row] = await db
      .select({ bytes: sql<string | null>`sum(${emulatorThreads.bytes})` })
      .from(emulatorThreads)
      .where(eq(emulatorThreads.owner, owner));
    return Number(row?.bytes ?? 0);
  }

  private async continueFrom(
    owner: string,
    id: string,
    request: EmulatorRequest,
  ): Promise<ThreadedRequest> {
    const { db, sealer } = await this.database();
    const claim = randomUUID();
    const until = new Date(Date.now() + this.claimMs).toISOString();
    // One statement claims the thread: of two instances continuing it at once, one wins.
    const [claimed] = await db
      .update(emulatorThreads)
      .set({ state: "in_flight", claim, claimUntil: sql`${until}::timestamptz` })
      .where(
        and(
          eq(emulatorThreads.messageId, id),
          eq(emulatorThreads.owner, owner),
          sql`(${emulatorThreads.state} = 'open' or (${emulatorThreads.state} = 'in_flight' and ${emulatorThreads.claimUntil} < now()))`,
        ),
      )
      .returning({ sealedThread: emulatorThreads.sealedThread, bytes: emulatorThreads.bytes });
    if (!claimed) throw await this.whyNotContinued(owner, id);
    const release = async () => {
      await db
        .update(emulatorThreads)
        .set({ state: "open", claim: null, claimUntil: null })
        .where(and(eq(emulatorThreads.messageId, id), eq(emulatorThreads.claim, claim)));
    };
    // Sealed under another key (an instance without the shared PLAYGROUND_STORAGE_KEY) or
    // altered: not found, which the SDK answers by replaying the history.
    const stored = readHeld(claimed.sealedThread && sealer.open(claimed.sealedThread));
    if (!stored) {
      await release();
      throw new ApiError(404, `thread: no thread holds message ${id}.`, "thread_not_found");
    }
    const messages = [...stored.messages, ...request.messages];
    const whole: EmulatorRequest = {
      ...request,
      ...(stored.system !== undefined ? { system: stored.system } : {}),
      ...(stored.tools !== undefined ? { tools: stored.tools } : {}),
      messages,
    };
    const held = { system: stored.system, tools: stored.tools, messages };
    // The grown thread replaces this one, and must fit the key's share alone.
    try {
      this.refuseOversized(heldBytes(held));
    } catch (error) {
      await release();
      throw error;
    }
    return {
      request: whole,
      remember: (message) =>
        orUnavailable(() =>
          this.hold(owner, held, message, async (tx) => {
            await tx
              .update(emulatorThreads)
              .set({ state: "continued", sealedThread: null, bytes: 0, claim: null })
              .where(and(eq(emulatorThreads.messageId, id), eq(emulatorThreads.claim, claim)));
          }),
        ),
      release: () => orUnavailable(release),
    };
  }

  /** Why a continue found nothing to claim, in the API's error codes. */
  private async whyNotContinued(owner: string, id: string): Promise<ApiError> {
    const { db } = await this.database();
    const [row] = await db
      .select({ state: emulatorThreads.state })
      .from(emulatorThreads)
      .where(and(eq(emulatorThreads.messageId, id), eq(emulatorThreads.owner, owner)));
    if (row?.state === "continued")
      return new ApiError(
        400,
        `thread: message ${id} has already been continued; continue from the latest reply.`,
        "thread_already_continued",
      );
    if (row?.state === "in_flight")
      return new ApiError(
        400,
        `thread: a turn continuing message ${id} is still running.`,
        "thread_continue_in_flight",
      );
    return new ApiError(404, `thread: no thread holds message ${id}.`, "thread_not_found");
  }

  /** A thread that could not fit in its key's share even alone is refused before it runs. */
  private refuseOversized(bytes: number): void {
    const { perClientBytes } = this.limits;
    if (bytes > perClientBytes)
      throw new ApiError(
        413,
        `thread: this thread would hold ${mebibytes(bytes)}; the emulator keeps at most ${mebibytes(perClientBytes)} of threads per API key (PLAYGROUND_EMULATOR_MEMORY_PER_CLIENT_BYTES).`,
      );
  }

  private async hold(
    owner: string,
    before: HeldThread,
    message: BetaMessage,
    /** Marks the continued thread, in the same transaction as the new one is written. */
    letGo?: (
      tx: Parameters<Parameters<DatabaseHandle["db"]["transaction"]>[0]>[0],
    ) => Promise<void>,
  ): Promise<void> {
    const { db, sealer } = await this.database();
    const held: HeldThread = {
      ...before,
      messages: [
        ...before.messages,
        { role: "assistant", content: message.content as BetaAssistantMessageParam["content"] },
      ],
    };
    const plain = JSON.stringify(held);
    const bytes = Buffer.byteLength(plain);
    await db.transaction(async (tx) => {
      await letGo?.(tx);
      await tx.insert(emulatorThreads).values({
        messageId: message.id,
        owner,
        state: "open",
        sealedThread: sealer.seal(plain),
        bytes,
      });
    });
    // Its own oldest go first, then the store's: newest kept while the count and bytes allow.
    await db.execute(
      keepNewest(sql`owner = ${owner} and`, this.maxPerKey, this.limits.perClientBytes),
    );
    await db.execute(keepNewest(sql``, this.max, this.limits.totalBytes));
    await db.execute(sql`
      delete from emulator_threads where message_id in (
        select message_id from emulator_threads where state = 'continued'
        order by created_at desc offset ${MAX_CONTINUED}
      )`);
  }
}

/**
 * Deletes the oldest threads (among those `scope` selects) past `most` threads or `bytes`, newest kept
 * first; a thread a turn is running on is never let go (unless its claim lapsed).
 */
function keepNewest(scope: SQL, most: number, bytes: number): SQL {
  return sql`
    delete from emulator_threads where message_id in (
      select message_id from (
        select message_id, state, claim_until,
          row_number() over w as n, sum(bytes) over w as running
        from emulator_threads where ${scope} state <> 'continued'
        window w as (order by created_at desc, message_id desc)
      ) ranked
      where (state = 'open' or claim_until < now()) and (n > ${most} or running > ${bytes})
    )`;
}
