import "server-only";
// The emulator's streamed answer, in the API's server-sent event format: message_start, a ping,
// then per block content_block_start → deltas → content_block_stop, message_delta (cumulative
// usage) and message_stop. MCP results and listings come whole in their start event; tool input
// arrives as input_json_delta, the first of which is empty (as recorded from the real API).
import type {
  BetaContentBlock,
  BetaRawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { ApiError } from "./errors";
import type { EmulatorStep } from "./types";

export interface SseOptions {
  /** Test-only: a pause before each content block, so a test can watch the stream grow. */
  blockDelayMs?: number;
  /** Test-only: break the stream with an `error` event after this many blocks. */
  failAfterBlocks?: number;
  /** A `ping` when the next part takes longer than this (the API keeps idle streams alive). */
  keepAliveMs?: number;
  requestId: string;
  /** Told when the reader goes away before the end (the client disconnected). */
  onCancel?: () => void;
  /** Told how a stream that ran to its end ended (a cancel is told through `onCancel`). */
  onEnd?: (status: "completed" | "failed") => void;
}

const TEXT_CHUNK = 24;
const JSON_CHUNK = 12;
const encoder = new TextEncoder();

export function frame<T extends { type: string }>(event: T): Uint8Array {
  return encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** The events one block becomes. Split points are arbitrary, as the model's are. */
export function blockEvents(block: BetaContentBlock, index: number): BetaRawMessageStreamEvent[] {
  const events: BetaRawMessageStreamEvent[] = [];
  if (block.type === "text") {
    events.push({ type: "content_block_start", index, content_block: { ...block, text: "" } });
    for (const piece of chunk(block.text, TEXT_CHUNK))
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "text_delta", text: piece },
      });
  } else if (block.type === "thinking") {
    // As the API streams thinking: the text in thinking_delta, then its signature.
    events.push({
      type: "content_block_start",
      index,
      content_block: { ...block, thinking: "", signature: "" },
    });
    for (const piece of chunk(block.thinking, TEXT_CHUNK))
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "thinking_delta", thinking: piece, estimated_tokens: null },
      });
    events.push({
      type: "content_block_delta",
      index,
      delta: { type: "signature_delta", signature: block.signature },
    });
  } else if (
    block.type === "mcp_tool_use" ||
    block.type === "tool_use" ||
    block.type === "server_tool_use"
  ) {
    events.push({ type: "content_block_start", index, content_block: { ...block, input: {} } });
    for (const piece of ["", ...chunk(JSON.stringify(block.input), JSON_CHUNK)])
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "input_json_delta", partial_json: piece },
      });
  } else {
    events.push({ type: "content_block_start", index, content_block: block });
  }
  events.push({ type: "content_block_stop", index });
  return events;
}

function chunk(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Streams the steps as SSE. The first step must already have been taken (so validation errors
 * became HTTP errors); `first` is it. Cancelling the body closes the step generator, which
 * closes the MCP sessions.
 */
export function streamSteps(
  first: EmulatorStep,
  rest: AsyncGenerator<EmulatorStep, void, undefined>,
  options: SseOptions,
): ReadableStream<Uint8Array> {
  let blocks = 0;
  let pending: Promise<IteratorResult<EmulatorStep, void>> | null = null;
  let started = false;
  // Set when the reader goes away: later steps are dropped, not written to a closed stream.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          if (first.type !== "start") throw new Error("emulator: a stream must begin with start");
          controller.enqueue(frame({ type: "message_start", message: first.message }));
          controller.enqueue(frame({ type: "ping" }));
          return;
        }
        pending ??= rest.next();
        const next = await raceKeepAlive(pending, options.keepAliveMs ?? 10_000);
        if (cancelled) return;
        if (next === "keep-alive") {
          controller.enqueue(frame({ type: "ping" }));
          return;
        }
        pending = null;
        if (next.done) {
          controller.enqueue(frame({ type: "message_stop" }));
          controller.close();
          options.onEnd?.("completed");
          return;
        }
        const step = next.value;
        if (step.type === "block") {
          if (options.failAfterBlocks !== undefined && blocks >= options.failAfterBlocks)
            throw new ApiError(529, "Overloaded");
          if (options.blockDelayMs) await sleep(options.blockDelayMs);
          if (cancelled) return;
          for (const event of blockEvents(step.block, blocks)) controller.enqueue(frame(event));
          blocks += 1;
        } else if (step.type === "end") {
          controller.enqueue(
            frame({
              type: "message_delta",
              delta: { stop_reason: step.stopReason, stop_sequence: null, stop_details: null },
              usage: {
                input_tokens: step.usage.input_tokens,
                output_tokens: step.usage.output_tokens,
                cache_creation_input_tokens: step.usage.cache_creation_input_tokens,
                cache_read_input_tokens: step.usage.cache_read_input_tokens,
                server_tool_use: step.usage.server_tool_use,
              },
            } as BetaRawMessageStreamEvent),
          );
        }
      } catch (error) {
        if (cancelled) return;
        // Once the 200 has gone out, an error can only be an `error` event (as the API does).
        const apiError =
          error instanceof ApiError ? error : new ApiError(500, "Internal server error");
        if (!(error instanceof ApiError))
          console.error(
            `[emulator ${options.requestId}] stream failed:`,
            error instanceof Error ? error.message : error,
          );
        controller.enqueue(frame(apiError.body(options.requestId)));
        controller.close();
        options.onEnd?.("failed");
        await rest.return();
      }
    },
    async cancel() {
      cancelled = true;
      options.onCancel?.();
      await rest.return();
    },
  });
}

async function raceKeepAlive<T>(promise: Promise<T>, ms: number): Promise<T | "keep-alive"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keepAlive = new Promise<"keep-alive">((resolve) => {
    timer = setTimeout(() => resolve("keep-alive"), ms);
  });
  try {
    return await Promise.race([promise, keepAlive]);
  } finally {
    clearTimeout(timer);
  }
}
