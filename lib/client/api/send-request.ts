// The browser's side of sending: POST the built params to our route and read the answer at the
// trust boundary (zod), so the response pane only ever renders a checked shape.
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { z } from "zod";
import { contentBlocksSchema } from "@/lib/domain/blocks/schema";
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import {
  applyStreamEvent,
  EMPTY_SNAPSHOT,
  type StreamSnapshot,
} from "@/lib/domain/stream/accumulate";
import { readEventStream, StreamBreak } from "@/lib/domain/stream/read-event-stream";
import type { Target } from "@/lib/domain/request/targets";

export const SEND_PATH = "/api/messages";

export const messageSchema = z.looseObject({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: contentBlocksSchema,
  stop_reason: z.string().nullable(),
  usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }),
});

const errorBodySchema = z.looseObject({
  type: z.literal("error"),
  error: z.looseObject({ type: z.string(), message: z.string() }),
});

export interface SendFailure {
  status: number;
  type: string;
  message: string;
  requestId: string | null;
}

interface Timing {
  latencyMs: number;
  /** Streamed answers: from Send to the first event. */
  firstEventMs: number | null;
  streamed: boolean;
  target: Target;
}

export type SendOutcome =
  // The message is the JSON as received (checked, nothing dropped): its raw form is itself.
  | ({ ok: true; message: BetaMessage; requestId: string | null } & Timing)
  | ({
      ok: false;
      error: SendFailure;
      /** The error body as received, when there was one. */
      raw: unknown;
      /** What a stream had delivered before it broke or was cancelled. */
      partial: BetaMessage | null;
    } & Timing);

export interface SendOptions {
  target: Target;
  apiKey?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now?: () => number;
  /** Streamed answers: called with the message so far after every event. */
  onProgress?: (snapshot: StreamSnapshot) => void;
}

export async function sendMessages(
  params: MessagesRequest,
  options: SendOptions,
): Promise<SendOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const fail = (error: SendFailure, raw: unknown = null): SendOutcome => ({
    ok: false,
    error,
    raw,
    partial: null,
    latencyMs: now() - started,
    firstEventMs: null,
    streamed: false,
    target: options.target,
  });
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-playground-target": options.target,
  };
  if (options.target === "anthropic" && options.apiKey)
    headers["x-playground-api-key"] = options.apiKey;

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(SEND_PATH, {
      method: "POST",
      headers,
      body: JSON.stringify(params),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) {
      return fail({
        status: 0,
        type: "cancelled",
        message: "You cancelled the request.",
        requestId: null,
      });
    }
    return fail({
      status: 0,
      type: "network_error",
      message: `Could not reach the playground's server (${error instanceof Error ? error.message : String(error)}). Is it still running?`,
      requestId: null,
    });
  }

  const requestId = response.headers.get("request-id");
  if (response.ok && response.body && isEventStream(response)) {
    return readStreamedAnswer(response.body, requestId, options, started, now);
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    if (options.signal?.aborted)
      return fail({
        status: 0,
        type: "cancelled",
        message: "You cancelled the request.",
        requestId,
      });
    return fail({
      status: response.status,
      type: "invalid_response",
      message: `The server answered HTTP ${response.status} with a body that is not JSON.`,
      requestId,
    });
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(raw);
    return fail(
      body.success
        ? {
            status: response.status,
            type: body.data.error.type,
            message: body.data.error.message,
            requestId,
          }
        : {
            status: response.status,
            type: "http_error",
            message: `HTTP ${response.status} without an API error body.`,
            requestId,
          },
      raw,
    );
  }
  const message = messageSchema.safeParse(raw);
  if (!message.success) {
    return fail(
      {
        status: response.status,
        type: "invalid_response",
        message: "The answer is not a Messages API message.",
        requestId,
      },
      raw,
    );
  }
  return {
    ok: true,
    message: message.data as unknown as BetaMessage,
    requestId,
    latencyMs: now() - started,
    firstEventMs: null,
    streamed: false,
    target: options.target,
  };
}

function isEventStream(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").includes("text/event-stream");
}

async function readStreamedAnswer(
  body: ReadableStream<Uint8Array>,
  requestId: string | null,
  options: SendOptions,
  started: number,
  now: () => number,
): Promise<SendOutcome> {
  let snapshot = EMPTY_SNAPSHOT;
  let firstEventMs: number | null = null;
  let broken: unknown = null;
  try {
    await readEventStream(
      body,
      (event) => {
        firstEventMs ??= now() - started;
        snapshot = applyStreamEvent(snapshot, event);
        options.onProgress?.(snapshot);
      },
      options.signal,
    );
  } catch (error) {
    broken = error;
  }
  const timing = {
    latencyMs: now() - started,
    firstEventMs,
    streamed: true,
    target: options.target,
  };
  if (!broken && snapshot.complete && snapshot.message && !snapshot.inputError) {
    return { ok: true, message: snapshot.message, requestId, ...timing };
  }
  const arrived = snapshot.message?.content.length ?? 0;
  const kept = `${arrived} block${arrived === 1 ? "" : "s"} had arrived and ${arrived === 1 ? "is" : "are"} kept below.`;
  let error: SendFailure;
  if (options.signal?.aborted) {
    error = {
      status: 0,
      type: "cancelled",
      message: `You cancelled the stream. ${kept}`,
      requestId,
    };
  } else if (broken instanceof StreamBreak) {
    error = {
      status: 200,
      type: broken.type,
      message: `The stream broke midway with an error event: ${broken.message}. ${kept}`,
      requestId,
    };
  } else if (broken) {
    error = {
      status: 200,
      type: "stream_interrupted",
      message: `The connection broke midway (${broken instanceof Error ? broken.message : "unknown reason"}). ${kept}`,
      requestId,
    };
  } else if (snapshot.inputError) {
    error = { status: 200, type: "invalid_stream", message: snapshot.inputError, requestId };
  } else {
    error = {
      status: 200,
      type: "stream_incomplete",
      message: `The stream ended without message_stop. ${kept}`,
      requestId,
    };
  }
  return { ok: false, error, raw: null, partial: snapshot.message, ...timing };
}
