// Nothing the app reads can brick it: 10,000 generated hostile share links, saved states and saved
// histories go through the app's real entry points (link decoder, store hydration, history load)
// and, when accepted, through the real panes (composer, preview, response), rendered with React.
// Every one must be refused in words or rendered, with zero uncaught errors.
import fc from "fast-check";
import { deflateSync, strToU8 } from "fflate";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryStorage } from "@/test/support/memory-storage";
import { ComposerPane } from "@/components/composer/composer-pane";
import { PreviewPane } from "@/components/preview/preview-pane";
import { PreviewProvider } from "@/components/preview/use-preview";
import { TextBlockView } from "@/components/response/blocks/text-block";
import { preloadResponseView, ResponsePane } from "@/components/response/response-pane";
import { StoreProvider } from "@/components/store-provider";
import { HISTORY_STORAGE_KEY } from "@/lib/domain/history/run-history";
import { decodeShareState } from "@/lib/domain/share/codec";
import { createAppStore, STORAGE_KEY, type AppStoreApi } from "@/lib/client/store/app-store";

const ORIGIN = "http://localhost:3000";

function newStore(entries: Record<string, string> = {}): AppStoreApi {
  const storage = memoryStorage(entries);
  let id = 0;
  return createAppStore({
    origin: ORIGIN,
    storage,
    historyStorage: storage,
    newId: () => `id${++id}`,
    now: () => 1_700_000_000_000,
  });
}

/**
 * The three panes, as the page mounts them. Throws when any component throws. A server render
 * reads a store's initial state (zustand's server snapshot), so it is pointed at the current one.
 */
function renderPanes(store: AppStoreApi): string {
  store.getInitialState = store.getState;
  const panes = createElement(
    PreviewProvider,
    null,
    createElement(ComposerPane, { onShowResponse: () => undefined }),
    createElement(PreviewPane, { onFocusField: () => undefined }),
    createElement(ResponsePane),
  );
  return renderToString(createElement(StoreProvider, { origin: ORIGIN, store, children: panes }));
}

// ---- generators: mostly almost-right shapes, since those get furthest ----
const json = fc.jsonValue({ maxDepth: 3 });
const hostile = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(json, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 3 }),
  // Deep nesting, the kind that overflows a recursive renderer.
  fc
    .integer({ min: 50, max: 3000 })
    .map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
);
const BLOCK_TYPES = [
  "text",
  "thinking",
  "redacted_thinking",
  "mcp_tool_use",
  "mcp_tool_result",
  "tool_use",
  "server_tool_use",
  "tool_result",
  "tool_search_tool_result",
  "image",
  "something_new",
  "",
] as const;
const FIELDS = [
  "type",
  "text",
  "thinking",
  "signature",
  "data",
  "id",
  "name",
  "server_name",
  "input",
  "tool_use_id",
  "is_error",
  "content",
  "citations",
  "source",
] as const;
const text = fc.string({ maxLength: 40 });
const validBlock = fc.oneof(
  fc.record({ type: fc.constant("text"), text }),
  fc.record({ type: fc.constant("thinking"), thinking: text, signature: text }),
  fc.record({
    type: fc.constant("mcp_tool_use"),
    id: text,
    name: text,
    server_name: text,
    input: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 3 }),
  }),
  fc.record({
    type: fc.constant("mcp_tool_result"),
    tool_use_id: text,
    is_error: fc.boolean(),
    content: fc.oneof(
      text,
      fc.array(fc.record({ type: fc.constant("text"), text }), { maxLength: 2 }),
    ),
  }),
);
const block = fc.oneof(
  { weight: 8, arbitrary: validBlock },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validBlock, fc.constantFrom(...FIELDS), hostile)
      .map(([valid, key, value]) => ({ ...valid, [key]: value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...BLOCK_TYPES), fc.dictionary(fc.constantFrom(...FIELDS), hostile))
      .map(([type, fields]) => ({ ...fields, type })),
  },
  { weight: 1, arbitrary: hostile },
);
const content = fc.oneof(
  { weight: 1, arbitrary: text },
  { weight: 4, arbitrary: fc.array(block, { maxLength: 4 }) },
  { weight: 1, arbitrary: hostile },
);
const role = fc.constantFrom("user", "assistant", "system", 7);

const validServer = fc.record({
  n: fc.constantFrom("calendar", "tasks", "", "x".repeat(300)),
  u: fc.constantFrom(`${ORIGIN}/api/demo-mcp/calendar`, "javascript:alert(1)", "https://[::1", ""),
  c: fc.array(fc.record({ t: text, e: fc.boolean() }), { maxLength: 3 }),
});

/** A share-link payload, valid but for what the generator mutates. */
const linkPayload = fc
  .record({
    turns: fc.array(fc.record({ r: role, c: content }), { maxLength: 4 }),
    servers: fc.array(validServer, { maxLength: 2 }),
    mutate: fc.option(
      fc.tuple(fc.constantFrom("m", "t", "y", "u", "b", "q", "s", "v", "zz"), hostile),
      {
        freq: 2,
      },
    ),
  })
  .map(({ turns, servers, mutate }) => {
    const payload: Record<string, unknown> = {
      m: "claude-opus-4-6",
      t: 1024,
      u: "hello",
      b: "mcp-client-2025-11-20",
      s: servers,
      v: turns,
    };
    if (mutate) payload[mutate[0]] = mutate[1];
    return payload;
  });

function encodeLink(payload: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(payload)));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `2.${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

const composerState = fc
  .record({
    // Half the states carry no earlier turns, so the rest of the state is what decides.
    conversation: fc.oneof(
      fc.constant([]),
      fc.array(fc.record({ id: fc.constantFrom("t1", "t2", 3), role, content }), {
        minLength: 1,
        maxLength: 3,
      }),
    ),
    mutate: fc.option(
      fc.tuple(
        fc.constantFrom("model", "maxTokens", "message", "servers", "beta", "stream", "x"),
        hostile,
      ),
      { freq: 2 },
    ),
  })
  .map(({ conversation, mutate }) => {
    const state: Record<string, unknown> = {
      model: "claude-opus-4-6",
      maxTokens: 1024,
      system: "",
      conversation,
      message: "hi",
      stream: true,
      beta: "mcp-client-2025-11-20",
      toolSearch: "none",
      servers: [],
    };
    if (mutate) state[mutate[0]] = mutate[1];
    return state;
  });

const savedState = fc
  .tuple(
    composerState,
    fc.option(fc.tuple(fc.constantFrom("theme", "target", "rememberTokens"), hostile), {
      freq: 2,
    }),
  )
  .map(([composer, mutate]) => {
    const state: Record<string, unknown> = { composer, theme: "dark", target: "emulator" };
    if (mutate) state[mutate[0]] = mutate[1];
    return JSON.stringify({ state, version: 1 });
  });

const savedHistory = fc
  .array(
    fc.record({
      composer: composerState,
      ok: fc.boolean(),
      blocks: fc.array(block, { maxLength: 4 }),
      stopReason: fc.oneof(text, hostile),
      raw: hostile,
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((runs) =>
    JSON.stringify({
      version: 1,
      runs: runs.map((run, index) => {
        const message = {
          id: "msg_1",
          type: "message",
          role: "assistant",
          model: "claude-opus-4-6",
          content: run.blocks,
          stop_reason: run.stopReason,
          usage: { input_tokens: 1, output_tokens: 2 },
        };
        const timing = { latencyMs: 10, firstEventMs: null, streamed: false, target: "emulator" };
        return {
          id: `run${index}`,
          at: 1,
          target: "emulator",
          model: "claude-opus-4-6",
          title: "hi",
          kind: run.ok ? "ok" : "broken",
          summary: "end_turn",
          composer: run.composer,
          outcome: run.ok
            ? { ok: true, message, requestId: null, ...timing }
            : {
                ok: false,
                error: { status: 200, type: "api_error", message: "broke", requestId: null },
                raw: run.raw,
                partial: message,
                ...timing,
              },
        };
      }),
    }),
  );

describe("hostile input never bricks the page (10,000 generated cases)", () => {
  // Responses render in full, text blocks as Markdown (not what shows while their code loads).
  beforeAll(async () => {
    await preloadResponseView();
    expect(renderToString(createElement(TextBlockView, { text: "**warm**" }))).toContain(
      "<strong>",
    );
  });

  /** Each property's own count: every one must reach both sides, or its generator is too tame. */
  function expectBothSides(tally: { accepted: number; refused: number }, runs: number) {
    expect(tally.accepted).toBeGreaterThan(runs / 10);
    expect(tally.refused).toBeGreaterThan(runs / 10);
  }
  // CPU-bound: thousands of React renders. Minutes of headroom for a slow, loaded machine.
  const FUZZ_TIMEOUT_MS = 180_000;

  it(
    "share links: refused in words, or opened and rendered",
    () => {
      const tally = { accepted: 0, refused: 0 };
      fc.assert(
        fc.property(linkPayload, (payload) => {
          let id = 0;
          const decoded = decodeShareState(encodeLink(payload), () => `s${++id}`);
          if (!decoded.success) {
            tally.refused += 1;
            return decoded.error.length > 10;
          }
          tally.accepted += 1;
          const store = newStore();
          store.getState().replaceComposer(decoded.data.state);
          renderPanes(store);
          return true;
        }),
        { numRuns: 4000 },
      );
      expectBothSides(tally, 4000);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "saved states: hydrated (or dropped with a notice) and rendered",
    async () => {
      const tally = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(savedState, async (saved) => {
          const store = newStore({ [STORAGE_KEY]: saved });
          await store.persist.rehydrate();
          if (store.getState().restoreError) tally.refused += 1;
          else tally.accepted += 1;
          renderPanes(store);
          return true;
        }),
        { numRuns: 3000 },
      );
      expectBothSides(tally, 3000);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "saved histories: each run kept or dropped alone, and every kept run reopens and renders",
    async () => {
      const tally = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(savedHistory, async (history) => {
          const store = newStore({ [HISTORY_STORAGE_KEY]: history });
          await store.getState().loadHistory();
          const { history: runs } = store.getState();
          for (const run of runs) {
            store.getState().reopenRun(run.id);
            renderPanes(store);
          }
          const saved = (JSON.parse(history) as { runs: unknown[] }).runs.length;
          tally.accepted += runs.length;
          tally.refused += saved - runs.length;
          return runs.length <= saved;
        }),
        { numRuns: 3000 },
      );
      expectBothSides(tally, 3000);
    },
    FUZZ_TIMEOUT_MS,
  );
});
