// Reads a Messages API event stream (SSE) at the trust boundary: each frame's JSON is checked with
// zod before it reaches the accumulator. Unknown event types are skipped (the API may add some);
// a known type with the wrong shape, or an `error` event, ends the read with a StreamBreak.
import type { BetaRawMessageStreamEvent } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { createParser } from "eventsource-parser";
import { z } from "zod";
import {
  blockDeltaSchema,
  contentBlockSchema,
  contentBlocksSchema,
  describeIssue,
} from "@/lib/domain/blocks/schema";

const index = z.number().int().nonnegative();
const eventSchemas = {
  message_start: z.looseObject({
    message: z.looseObject({
      id: z.string(),
      model: z.string(),
      role: z.literal("assistant"),
      content: contentBlocksSchema,
      usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }),
    }),
  }),
  content_block_start: z.looseObject({ index, content_block: contentBlockSchema }),
  content_block_delta: z.looseObject({ index, delta: blockDeltaSchema }),
  content_block_stop: z.looseObject({ index }),
  message_delta: z.looseObject({
    delta: z.looseObject({ stop_reason: z.string().nullish() }),
    usage: z.looseObject({ output_tokens: z.number() }),
  }),
  message_stop: z.looseObject({}),
} as const;

const errorEventSchema = z.looseObject({
  error: z.looseObject({ type: z.string(), message: z.string() }),
});

export class StreamBreak extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = "StreamBreak";
  }
}

/** Calls `onEvent` for each checked event, in order, as the bytes arrive. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: BetaRawMessageStreamEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  // Set from the parser's callback; an object so the checks below see the callback's writes.
  const result: { failure: StreamBreak | null } = { failure: null };
  const parser = createParser({
    onEvent(frame) {
      if (result.failure) return;
      let data: unknown;
      try {
        data = JSON.parse(frame.data);
      } catch {
        result.failure = new StreamBreak(
          "invalid_stream",
          `An event is not JSON: ${frame.data.slice(0, 120)}`,
        );
        return;
      }
      const type =
        typeof data === "object" && data !== null && "type" in data
          ? String(data.type)
          : (frame.event ?? "");
      if (type === "error") {
        const parsed = errorEventSchema.safeParse(data);
        result.failure = parsed.success
          ? new StreamBreak(parsed.data.error.type, parsed.data.error.message)
          : new StreamBreak("api_error", "The stream sent an error event without details.");
        return;
      }
      if (!(type in eventSchemas)) return; // ping, and event types this app does not know
      const parsed = eventSchemas[type as keyof typeof eventSchemas].safeParse(data);
      if (!parsed.success) {
        result.failure = new StreamBreak(
          "invalid_stream",
          `A ${type} event does not have the API's shape: ${describeIssue(parsed.error)}`,
        );
        return;
      }
      onEvent(data as BetaRawMessageStreamEvent);
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // Stop reading at once on cancel, whatever the body's source does with the signal.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      if (result.failure) break;
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    if (result.failure) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  if (result.failure) throw result.failure;
  if (signal?.aborted) throw new StreamBreak("cancelled", "The stream was cancelled.");
}
