// The browser's side of sending: POST the built params to our route and read the answer at the
// trust boundary (zod), so the response pane only ever renders a checked shape.
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { messageSchema, type SendFailure, type SendOutcome } from "@/lib/domain/api/send-outcome";
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import {
  applyStreamEvent,
  EMPTY_SNAPSHOT,
  type StreamSnapshot,
} from "@/lib/domain/stream/accumulate";
import { readEventStream, StreamBreak } from "@/lib/domain/stream/read-event-stream";
import type { Target } from "@/lib/domain/request/targets";
import { routeErrorFromJson } from "./route-error";
import { targetHeaders } from "./target-headers";

export const SEND_PATH = "/api/messages";

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
  const headers = targetHeaders(options.target, options.apiKey);

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
    const {
      status,
      type,
      message,
      requestId: id,
    } = routeErrorFromJson(response.status, raw, requestId);
    return fail({ status, type, message, requestId: id }, raw);
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
