import { BetaMessageStream } from "@anthropic-ai/sdk/lib/BetaMessageStream";
import type {
  BetaContentBlock,
  BetaMessage,
  BetaRawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyStreamEvent, EMPTY_SNAPSHOT } from "./accumulate";
import { readEventStream, StreamBreak } from "./read-event-stream";

const base: BetaMessage = {
  id: "msg_1",
  type: "message",
  role: "assistant",
  model: "claude-opus-4-6",
  content: [],
  stop_reason: null,
  stop_sequence: null,
  stop_details: null,
  container: null,
  context_management: null,
  diagnostics: null,
  usage: {
    input_tokens: 10,
    output_tokens: 1,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: null,
    fallback_credit: null,
    inference_geo: null,
    iterations: null,
    output_tokens_details: null,
    server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
    service_tier: "standard",
    speed: null,
  },
};

/** Splits text into 1–3 arbitrary pieces (the property varies where). */
const pieces = (text: string, cuts: number[]) => {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const point of points) {
    out.push(text.slice(at, point));
    at = point;
  }
  out.push(text.slice(at));
  return out;
};

const cuts = fc.array(fc.nat(), { maxLength: 3 });
const blockEvents = fc.oneof(
  fc.record({ text: fc.string(), cuts }).map(({ text, cuts: c }) => (index: number) => [
    {
      type: "content_block_start",
      index,
      content_block: { type: "text", text: "", citations: null },
    },
    ...pieces(text, c).map((piece) => ({
      type: "content_block_delta",
      index,
      delta: { type: "text_delta", text: piece },
    })),
    { type: "content_block_stop", index },
  ]),
  fc
    .record({ thinking: fc.string(), signature: fc.string({ minLength: 1 }), cuts })
    .map(({ thinking, signature, cuts: c }) => (index: number) => [
      {
        type: "content_block_start",
        index,
        content_block: { type: "thinking", thinking: "", signature: "" },
      },
      ...pieces(thinking, c).map((piece) => ({
        type: "content_block_delta",
        index,
        delta: { type: "thinking_delta", thinking: piece },
      })),
      { type: "content_block_delta", index, delta: { type: "signature_delta", signature } },
      { type: "content_block_stop", index },
    ]),
  fc
    .record({
      input: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
      cuts,
    })
    .map(({ input, cuts: c }) => (index: number) => [
      {
        type: "content_block_start",
        index,
        content_block: {
          type: "mcp_tool_use",
          id: `mcptoolu_${index}`,
          name: "list_events",
          server_name: "calendar",
          input: {},
        },
      },
      ...["", ...pieces(JSON.stringify(input), c)].map((piece) => ({
        type: "content_block_delta",
        index,
        delta: { type: "input_json_delta", partial_json: piece },
      })),
      { type: "content_block_stop", index },
    ]),
  fc
    .record({ text: fc.string(), isError: fc.boolean() })
    .map(({ text, isError }) => (index: number) => [
      {
        type: "content_block_start",
        index,
        content_block: {
          type: "mcp_tool_result",
          tool_use_id: "mcptoolu_x",
          is_error: isError,
          content: [{ type: "text", text, citations: null }],
        },
      },
      { type: "content_block_stop", index },
    ]),
);

const streams = fc
  .record({
    blocks: fc.array(blockEvents, { maxLength: 5 }),
    pings: fc.boolean(),
    out: fc.nat(5000),
  })
  .map(({ blocks, pings, out }) => {
    const events: unknown[] = [{ type: "message_start", message: base }];
    if (pings) events.push({ type: "ping" });
    blocks.forEach((make, index) => events.push(...make(index)));
    events.push(
      {
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null, stop_details: null },
        usage: { output_tokens: out, input_tokens: 99, server_tool_use: null },
      },
      { type: "message_stop" },
    );
    return events as BetaRawMessageStreamEvent[];
  });

function ndjson(events: readonly unknown[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(events.map((event) => JSON.stringify(event)).join("\n"));
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function sse(events: readonly unknown[]): ReadableStream<Uint8Array> {
  const text = events
    .map(
      (event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`,
    )
    .join("");
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    // Dribbled out in small chunks, as a network delivers it: frames split anywhere.
    start(controller) {
      for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
      controller.close();
    },
  });
}

const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("the stream accumulator", () => {
  it("builds exactly the message the SDK's BetaMessageStream builds, for any stream (property)", async () => {
    await fc.assert(
      fc.asyncProperty(streams, async (events) => {
        const sdk = await BetaMessageStream.fromReadableStream(ndjson(events)).finalMessage();
        const ours = events.reduce(applyStreamEvent, EMPTY_SNAPSHOT);
        expect(ours.complete).toBe(true);
        const { parsed_output: _parsed, ...sdkWire } = sdk as BetaMessage & {
          parsed_output?: unknown;
        };
        expect(wire(ours.message)).toEqual(wire(sdkWire));
      }),
      { numRuns: 300 },
    );
  });

  it("reads the same events back from SSE however the bytes are split", async () => {
    await fc.assert(
      fc.asyncProperty(streams, async (events) => {
        const read: BetaRawMessageStreamEvent[] = [];
        await readEventStream(sse(events), (event) => read.push(event));
        // Pings are skipped; everything else arrives in order.
        expect(read).toEqual(events.filter((event) => (event.type as string) !== "ping"));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps partial tool input as text until the block stops, and flags input that never parses", () => {
    const start = applyStreamEvent(EMPTY_SNAPSHOT, { type: "message_start", message: base });
    const open = [
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "mcp_tool_use", id: "m", name: "t", server_name: "s", input: {} },
      },
      {
        type: "content_block_delta",
        index: 0,
        delta: { type: "input_json_delta", partial_json: '{"a": [1' },
      },
    ] as BetaRawMessageStreamEvent[];
    const midway = open.reduce(applyStreamEvent, start);
    expect(midway.partialInput).toEqual({ 0: '{"a": [1' });
    expect(midway.open).toEqual([0]);
    expect((midway.message?.content[0] as BetaContentBlock & { input: unknown }).input).toEqual({});
    const stopped = applyStreamEvent(midway, { type: "content_block_stop", index: 0 });
    expect(stopped.inputError).toContain("not valid JSON");
    expect(stopped.open).toEqual([]);
  });

  it("turns an error event or a malformed event into a StreamBreak, after what came before", async () => {
    const events = [
      { type: "message_start", message: base },
      { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    ];
    const read: unknown[] = [];
    const failure = await readEventStream(sse(events), (event) => read.push(event)).catch(
      (error: unknown) => error,
    );
    expect(read).toHaveLength(1);
    expect(failure).toBeInstanceOf(StreamBreak);
    expect((failure as StreamBreak).type).toBe("overloaded_error");

    const malformed = await readEventStream(
      sse([{ type: "content_block_start", index: "zero" }]),
      () => undefined,
    ).catch((error: unknown) => error);
    expect((malformed as StreamBreak).type).toBe("invalid_stream");
  });
});
