// Every place blocks come in refuses a wrong shape of a block type the app renders, in words.
import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { parseHistory } from "@/lib/domain/history/history-schema";
import { importRequest } from "@/lib/domain/import/import-request";
import { parseComposerState } from "@/lib/domain/request/schema";
import { decodeShareState } from "@/lib/domain/share/codec";
import { applyStreamEvent, EMPTY_SNAPSHOT } from "@/lib/domain/stream/accumulate";
import { readEventStream } from "@/lib/domain/stream/read-event-stream";
import { contentBlocksSchema, depthWithin, describeIssue } from "./schema";

const HOSTILE: [string, unknown][] = [
  ["an mcp_tool_result with nothing in it", { type: "mcp_tool_result" }],
  ["a text block whose text is a number", { type: "text", text: 1 }],
  [
    "an mcp_tool_use whose input is a list",
    { type: "mcp_tool_use", id: "a", name: "b", server_name: "c", input: [] },
  ],
  ["a thinking block without its thinking", { type: "thinking", signature: "s" }],
  [
    "a result whose content parts are numbers",
    { type: "mcp_tool_result", tool_use_id: "x", content: [1] },
  ],
  [
    "a block nested 100 levels deep",
    { type: "unknown_kind", deep: JSON.parse("[".repeat(100) + "]".repeat(100)) as unknown },
  ],
];

let counter = 0;
const newId = () => `id${++counter}`;

function link(payload: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(payload)));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `2.${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

function events(...list: unknown[]): ReadableStream<Uint8Array> {
  const text = list
    .map(
      (event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`,
    )
    .join("");
  return new Response(text).body!;
}

const messageStart = {
  type: "message_start",
  message: {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "m",
    content: [],
    usage: { input_tokens: 1, output_tokens: 1 },
  },
};

describe("content block checks", () => {
  it("accepts the blocks the API sends, and unknown types as they are", () => {
    const good = [
      { type: "text", text: "hi", citations: null },
      { type: "thinking", thinking: "…", signature: "sig" },
      { type: "mcp_tool_use", id: "mcptoolu_1", name: "list", server_name: "cal", input: { a: 1 } },
      {
        type: "mcp_tool_result",
        tool_use_id: "mcptoolu_1",
        is_error: false,
        content: [{ type: "text", text: "ok" }],
      },
      { type: "container_upload", file_id: "f", extra: { any: [1, 2] } },
    ];
    expect(contentBlocksSchema.parse(good)).toEqual(good);
  });

  it.each(HOSTILE)("refuses %s at every entry, in words", async (_, block) => {
    // Share link.
    const decoded = decodeShareState(
      link({ m: "x", t: 1, u: "", b: "none", s: [], v: [{ r: "assistant", c: [block] }] }),
      newId,
    );
    expect(decoded.success).toBe(false);
    if (!decoded.success)
      expect(decoded.error).toMatch(/^This share link does not hold .*v\.0\.c\.0/);

    // Saved state.
    const saved = parseComposerState({
      model: "m",
      maxTokens: 1,
      system: "",
      conversation: [{ id: "t", role: "assistant", content: [block] }],
      message: "",
      stream: true,
      beta: "none",
      toolSearch: "none",
      servers: [],
    });
    expect(saved).toMatchObject({
      success: false,
      error: expect.stringMatching(/^conversation\.0\.content/) as unknown,
    });

    // Import.
    const imported = importRequest(
      JSON.stringify({
        model: "m",
        max_tokens: 1,
        messages: [
          { role: "assistant", content: [block] },
          { role: "user", content: "next" },
        ],
      }),
      newId,
    );
    expect(imported).toMatchObject({
      success: false,
      error: expect.stringMatching(/^messages\.0\.content\.0/) as unknown,
    });

    // Stream.
    const failure = await readEventStream(
      events(messageStart, { type: "content_block_start", index: 0, content_block: block }),
      () => undefined,
    ).catch((error: unknown) => error);
    expect(String(failure)).toMatch(
      /content_block_start event does not have the API's shape: content_block/,
    );
  });

  it("drops a saved run with such a block alone, keeping the others", () => {
    const run = (id: string, content: unknown[]) => ({
      id,
      at: 1,
      target: "emulator",
      model: "m",
      title: "t",
      kind: "ok",
      summary: "end_turn",
      composer: {
        model: "m",
        maxTokens: 1,
        system: "",
        conversation: [],
        message: "",
        stream: true,
        beta: "none",
        toolSearch: "none",
        servers: [],
      },
      outcome: {
        ok: true,
        message: {
          id: "msg",
          model: "m",
          content,
          stop_reason: "end_turn",
          usage: { input_tokens: 1, output_tokens: 1 },
        },
        requestId: null,
        latencyMs: 1,
        firstEventMs: null,
        streamed: false,
        target: "emulator",
      },
    });
    const history = JSON.stringify({
      version: 1,
      runs: [
        run("good", [{ type: "text", text: "ok" }]),
        ...HOSTILE.map(([, block], index) => run(`bad${index}`, [block])),
      ],
    });
    const parsed = parseHistory(history);
    expect(parsed.runs.map((entry) => entry.id)).toEqual(["good"]);
    expect(parsed.dropped).toBe(HOSTILE.length);
  });

  it("refuses a delta whose field has the wrong type, and a tool input that is not an object", async () => {
    const failure = await readEventStream(
      events(
        messageStart,
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: 5 } },
      ),
      () => undefined,
    ).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/delta\.text: expected a string \(in a text_delta\)/);

    let snapshot = applyStreamEvent(EMPTY_SNAPSHOT, messageStart as never);
    snapshot = applyStreamEvent(snapshot, {
      type: "content_block_start",
      index: 0,
      content_block: { type: "mcp_tool_use", id: "a", name: "b", server_name: "c", input: {} },
    } as never);
    snapshot = applyStreamEvent(snapshot, {
      type: "content_block_delta",
      index: 0,
      delta: { type: "input_json_delta", partial_json: "[1,2]" },
    } as never);
    snapshot = applyStreamEvent(snapshot, { type: "content_block_stop", index: 0 } as never);
    expect(snapshot.inputError).toMatch(/not a JSON object/);
    expect(snapshot.message?.content[0]).toMatchObject({ input: {} });
  });

  it("measures depth without recursion, and says which branch of a union failed", () => {
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000)) as unknown;
    expect(depthWithin(deep, 64)).toBe(false);
    expect(depthWithin({ a: [{ b: 1 }] }, 64)).toBe(true);
    const result = contentBlocksSchema.safeParse([{ type: "text", text: "ok" }, { type: "text" }]);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeIssue(result.error, "content")).toMatch(/^content\.1\.text: /);
  });
});
