import "server-only";
// Message threads (beta `message-threads-2026-08-12`), as the SDK's thread and toolRunner use
// them: `thread: {type: "create"}` asks the server to hold the conversation under the response's
// id; `{type: "continue", previous_message_id}` sends only the new turn, without `system` and
// `tools`, which the thread keeps. Each id is continued once (the thread it continued is then
// let go: only its id is remembered). Rejections carry the `error.details.error_code` the SDK
// recovers from by replaying the whole history. Threads are bounded per key first (a count and
// the key's share of the store budget), then for the instance.
import type {
  BetaAssistantMessageParam,
  BetaMessage,
  BetaMessageParam,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { ApiError } from "./errors";
import { defaultStoreBudget, heldBytes, mebibytes, type StoreBudget } from "./store-budget";
import type { EmulatorRequest } from "./types";

export const MESSAGE_THREADS_BETA = "message-threads-2026-08-12";
/** Threads held per process; the oldest go first (a lost thread is replayed by the SDK). */
export const MAX_THREADS = 500;
/** Threads held per API key: a key makes room among its own before anyone else's. */
export const MAX_THREADS_PER_KEY = 100;
/** Continued ids remembered (to answer thread_already_continued rather than not found). */
const MAX_CONTINUED = 5_000;

interface StoredThread {
  owner: string;
  system: EmulatorRequest["system"];
  tools: EmulatorRequest["tools"];
  messages: BetaMessageParam[];
  state: "open" | "in_flight";
  bytes: number;
}

export interface ThreadStoreOptions {
  max?: number;
  maxPerKey?: number;
  /** The bytes threads (and batches) may hold; 64 MiB, 16 MiB a key, by default. */
  budget?: StoreBudget;
}

/** A threaded request made whole, and what to do with its answer. */
export interface ThreadedRequest {
  request: EmulatorRequest;
  /** Holds the answer under its id, for the next turn to continue from. */
  remember(message: BetaMessage): void;
  /** The turn failed: the thread it continued may be continued again. */
  release(): void;
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

export class ThreadStore {
  private readonly threads = new Map<string, StoredThread>();
  /** Ids already continued, with their owner: the thread itself is no longer held. */
  private readonly continued = new Map<string, string>();
  private readonly max: number;
  private readonly maxPerKey: number;
  readonly budget: StoreBudget;

  constructor(options: ThreadStoreOptions = {}) {
    this.max = options.max ?? MAX_THREADS;
    this.maxPerKey = options.maxPerKey ?? MAX_THREADS_PER_KEY;
    this.budget = options.budget ?? defaultStoreBudget();
  }

  /**
   * The request as the model sees it: a `continue` gets the thread's system, tools and history
   * in front of its new messages. Null when the request is not threaded.
   */
  open(owner: string, body: EmulatorRequest, betas: readonly string[]): ThreadedRequest | null {
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
      // Measured once here; the answer's size is added when it is held.
      const bytes = heldBytes({
        system: request.system,
        tools: request.tools,
        messages: request.messages,
      });
      this.refuseOversized(bytes);
      return {
        request,
        remember: (message) => this.hold(owner, request, request.messages, message, bytes),
        release: () => undefined,
      };
    }
    if (request.system !== undefined || request.tools !== undefined)
      throw new ApiError(
        400,
        "thread: system and tools are set when the thread is created; a continue must not send them.",
        "thread_create_only_field",
      );
    const id = param.previous_message_id;
    if (this.continued.get(id) === owner)
      throw new ApiError(
        400,
        `thread: message ${id} has already been continued; continue from the latest reply.`,
        "thread_already_continued",
      );
    const stored = this.threads.get(id);
    if (!stored || stored.owner !== owner)
      throw new ApiError(404, `thread: no thread holds message ${id}.`, "thread_not_found");
    if (stored.state === "in_flight")
      throw new ApiError(
        400,
        `thread: a turn continuing message ${id} is still running.`,
        "thread_continue_in_flight",
      );
    const messages = [...stored.messages, ...request.messages];
    const whole: EmulatorRequest = {
      ...request,
      ...(stored.system !== undefined ? { system: stored.system } : {}),
      ...(stored.tools !== undefined ? { tools: stored.tools } : {}),
      messages,
    };
    // The grown thread replaces this one, and must fit the key's share alone.
    const bytes = stored.bytes + heldBytes(request.messages);
    this.refuseOversized(bytes);
    stored.state = "in_flight";
    return {
      request: whole,
      remember: (message) => {
        this.forget(id, stored);
        this.continued.set(id, owner);
        if (this.continued.size > MAX_CONTINUED)
          this.continued.delete(this.continued.keys().next().value!);
        this.hold(owner, whole, messages, message, bytes);
      },
      release: () => {
        if (stored.state === "in_flight") stored.state = "open";
      },
    };
  }

  get size(): number {
    return this.threads.size;
  }

  /** A thread that could not fit in its key's share even alone is refused before it runs. */
  private refuseOversized(bytes: number): void {
    const { perClientBytes } = this.budget.limits;
    if (bytes > perClientBytes)
      throw new ApiError(
        413,
        `thread: this thread would hold ${mebibytes(bytes)}; the emulator keeps at most ${mebibytes(perClientBytes)} of threads and batches per API key (PLAYGROUND_EMULATOR_MEMORY_PER_CLIENT_BYTES).`,
      );
  }

  private forget(id: string, stored: StoredThread): void {
    if (this.threads.get(id) !== stored) return;
    this.threads.delete(id);
    this.budget.release(stored.owner, stored.bytes);
  }

  /** The oldest thread of `owner` (or of whoever holds most, for the instance) that is not running. */
  private oldestOf(owners: readonly string[]): [string, StoredThread] | undefined {
    for (const owner of owners) {
      for (const entry of this.threads) {
        if (entry[1].owner === owner && entry[1].state === "open") return entry;
      }
    }
    return undefined;
  }

  private hold(
    owner: string,
    request: EmulatorRequest,
    messages: readonly BetaMessageParam[],
    message: BetaMessage,
    /** What the thread held before the answer, as measured when it was opened. */
    bytesBefore: number,
  ): void {
    const thread: StoredThread = {
      owner,
      system: request.system,
      tools: request.tools,
      messages: [
        ...messages,
        { role: "assistant", content: message.content as BetaAssistantMessageParam["content"] },
      ],
      state: "open",
      bytes: 0,
    };
    thread.bytes = bytesBefore + heldBytes(message.content);
    // Its own oldest go first; a lost thread costs the SDK one replay of the history.
    const owned = () => [...this.threads.values()].filter((held) => held.owner === owner).length;
    while (owned() >= this.maxPerKey || this.budget.check(owner, thread.bytes) === "client") {
      const oldest = this.oldestOf([owner]);
      if (!oldest) break;
      this.forget(...oldest);
    }
    while (this.threads.size >= this.max || this.budget.check(owner, thread.bytes) === "instance") {
      const oldest = this.oldestOf(this.budget.ownersByHolding());
      if (!oldest) break;
      this.forget(...oldest);
    }
    // Nothing more to let go (its other threads are all running): this one is not held.
    if (this.budget.check(owner, thread.bytes) !== "fits") return;
    this.threads.set(message.id, thread);
    this.budget.add(owner, thread.bytes);
  }
}
