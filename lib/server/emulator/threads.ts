import "server-only";
// Message threads (beta `message-threads-2026-08-12`), as the SDK's thread and toolRunner use
// them: `thread: {type: "create"}` asks the server to hold the conversation under the response's
// id; `{type: "continue", previous_message_id}` sends only the new turn, without `system` and
// `tools`, which the thread keeps. Each id is continued once. Rejections carry the
// `error.details.error_code` the SDK recovers from by replaying the whole history.
import type {
  BetaAssistantMessageParam,
  BetaMessage,
  BetaMessageParam,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { ApiError } from "./errors";
import type { EmulatorRequest } from "./types";

export const MESSAGE_THREADS_BETA = "message-threads-2026-08-12";
/** Threads held per process; the oldest go first (a lost thread is replayed by the SDK). */
export const MAX_THREADS = 500;

interface StoredThread {
  owner: string;
  system: EmulatorRequest["system"];
  tools: EmulatorRequest["tools"];
  messages: BetaMessageParam[];
  state: "open" | "in_flight" | "continued";
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

  constructor(private readonly max = MAX_THREADS) {}

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
      return {
        request,
        remember: (message) => this.hold(owner, request, request.messages, message),
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
    const stored = this.threads.get(id);
    if (!stored || stored.owner !== owner)
      throw new ApiError(404, `thread: no thread holds message ${id}.`, "thread_not_found");
    if (stored.state === "continued")
      throw new ApiError(
        400,
        `thread: message ${id} has already been continued; continue from the latest reply.`,
        "thread_already_continued",
      );
    if (stored.state === "in_flight")
      throw new ApiError(
        400,
        `thread: a turn continuing message ${id} is still running.`,
        "thread_continue_in_flight",
      );
    stored.state = "in_flight";
    const messages = [...stored.messages, ...request.messages];
    const whole: EmulatorRequest = {
      ...request,
      ...(stored.system !== undefined ? { system: stored.system } : {}),
      ...(stored.tools !== undefined ? { tools: stored.tools } : {}),
      messages,
    };
    return {
      request: whole,
      remember: (message) => {
        stored.state = "continued";
        this.hold(owner, whole, messages, message);
      },
      release: () => {
        if (stored.state === "in_flight") stored.state = "open";
      },
    };
  }

  get size(): number {
    return this.threads.size;
  }

  private hold(
    owner: string,
    request: EmulatorRequest,
    messages: readonly BetaMessageParam[],
    message: BetaMessage,
  ): void {
    while (this.threads.size >= this.max) {
      const oldest = this.threads.keys().next().value;
      if (oldest === undefined) break;
      this.threads.delete(oldest);
    }
    this.threads.set(message.id, {
      owner,
      system: request.system,
      tools: request.tools,
      messages: [
        ...messages,
        { role: "assistant", content: message.content as BetaAssistantMessageParam["content"] },
      ],
      state: "open",
    });
  }
}
