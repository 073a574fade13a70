import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { buildRequest } from "@/lib/domain/request/build-request";
import { HISTORY_STORAGE_KEY } from "@/lib/domain/history/run-history";
import { createAppStore, hydrateStore, STORAGE_KEY, type CreateAppStoreOptions } from "./app-store";
import { sequentialIds } from "@/test/support/sequential-ids";
import { toolTurnBlocks } from "@/test/support/conversation-fixtures";
import { serverNameOf, type DiscoveredServer } from "@/lib/client/api/discover-client";

function memoryStorage(
  initial: Record<string, string> = {},
): StateStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
    removeItem: (key) => {
      delete data[key];
    },
  };
}

describe("composer store persistence", () => {
  it("keeps the state across a reload, without tokens by default", async () => {
    const storage = memoryStorage();
    const first = createAppStore({ storage, newId: sequentialIds() });
    await first.persist.rehydrate();
    const serverId = first.getState().composer.servers[0]!.id;
    first
      .getState()
      .updateServer(serverId, { authorizationToken: "secret-token", url: "https://cal.dev/mcp" });
    first.getState().setField("message", "hi there");
    expect(storage.data[STORAGE_KEY]).not.toContain("secret-token");

    const second = createAppStore({ storage, newId: sequentialIds() });
    await second.persist.rehydrate();
    const restored = second.getState().composer;
    expect(restored.message).toBe("hi there");
    expect(restored.servers[0]?.url).toBe("https://cal.dev/mcp");
    expect(restored.servers[0]?.authorizationToken).toBe("");
  });

  it("gives the built-in tasks demo its documented token back after a reload, and no real token", async () => {
    const storage = memoryStorage();
    const first = createAppStore({ storage, newId: sequentialIds() });
    await first.persist.rehydrate();
    const [calendar, tasks] = first.getState().composer.servers;
    expect(tasks?.authorizationToken).toBe("demo-tasks-token");
    // A real token on the calendar, and the demo token pasted on a server elsewhere: not kept.
    first.getState().updateServer(calendar!.id, { authorizationToken: "real-secret" });
    first.getState().setField("message", "after a reload");
    const copy = first.getState().duplicateServer;
    copy(tasks!.id);
    const duplicate = first.getState().composer.servers[2]!;
    first.getState().updateServer(duplicate.id, { url: "https://elsewhere.example/mcp" });
    expect(storage.data[STORAGE_KEY]).not.toContain("real-secret");

    const second = createAppStore({ storage, newId: sequentialIds() });
    await second.persist.rehydrate();
    const servers = second.getState().composer.servers;
    expect(second.getState().composer.message).toBe("after a reload");
    expect(servers.map((server) => server.authorizationToken)).toEqual([
      "",
      "demo-tasks-token",
      "",
    ]);
  });

  it("keeps tokens when the person asks to remember them", async () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage, newId: sequentialIds() });
    await store.persist.rehydrate();
    store.getState().setRememberTokens(true);
    store
      .getState()
      .updateServer(store.getState().composer.servers[0]!.id, { authorizationToken: "keep-me" });
    const again = createAppStore({ storage, newId: sequentialIds() });
    await again.persist.rehydrate();
    expect(again.getState().composer.servers[0]?.authorizationToken).toBe("keep-me");
  });

  it("refuses a corrupt saved state, keeps the defaults and says so", async () => {
    const storage = memoryStorage({
      [STORAGE_KEY]: JSON.stringify({
        state: { composer: { model: 5, servers: "x" } },
        version: 1,
      }),
    });
    const store = createAppStore({ storage, newId: sequentialIds() });
    await store.persist.rehydrate();
    expect(store.getState().composer.servers[0]?.name).toBe("calendar");
    expect(store.getState().restoreError).toMatch(/could not be read/);
  });

  it("mixed pattern brings a tool search tool", () => {
    const store = createAppStore({ storage: memoryStorage(), newId: sequentialIds() });
    store.getState().applyPattern(store.getState().composer.servers[0]!.id, "mixed");
    expect(store.getState().composer.toolSearch).toBe("regex");
  });
});

describe("composer store sending", () => {
  it("sends the built request to the chosen target and keeps the outcome; the composer is untouched", async () => {
    const calls: { params: unknown; target: string }[] = [];
    const store = createAppStore({
      storage: memoryStorage(),
      newId: sequentialIds(),
      send: (params, options) => {
        calls.push({ params, target: options.target });
        return Promise.resolve({
          ok: false,
          error: { status: 400, type: "invalid_request_error", message: "bad", requestId: "req_1" },
          raw: {},
          partial: null,
          latencyMs: 1,
          firstEventMs: null,
          streamed: false,
          target: options.target,
        });
      },
    });
    const before = store.getState().composer;
    await store.getState().send();
    expect(calls).toEqual([{ params: buildRequest(before), target: "emulator" }]);
    expect(store.getState().run).toMatchObject({
      status: "done",
      outcome: { ok: false, error: { message: "bad" } },
    });
    expect(store.getState().composer).toBe(before);
  });

  it("cancel aborts the request in flight, and a newer send supersedes an older one", async () => {
    const signals: AbortSignal[] = [];
    const resolvers: (() => void)[] = [];
    const store = createAppStore({
      storage: memoryStorage(),
      newId: sequentialIds(),
      send: (_params, options) => {
        signals.push(options.signal!);
        return new Promise((resolve) => {
          resolvers.push(() =>
            resolve({
              ok: false,
              error: {
                status: 0,
                type: "cancelled",
                message: `answer ${signals.length}`,
                requestId: null,
              },
              raw: null,
              partial: null,
              latencyMs: 1,
              firstEventMs: null,
              streamed: false,
              target: "emulator",
            }),
          );
        });
      },
    });
    const first = store.getState().send();
    const second = store.getState().send();
    expect(signals[0]?.aborted).toBe(true);
    resolvers[0]!();
    await first;
    expect(store.getState().run.status).toBe("sending");
    store.getState().cancel();
    expect(signals[1]?.aborted).toBe(true);
    resolvers[1]!();
    await second;
    expect(store.getState().run).toMatchObject({ status: "done" });
  });
});

function answering(content: unknown[]): NonNullable<CreateAppStoreOptions["send"]> {
  return (params, options) =>
    Promise.resolve({
      ok: true,
      message: {
        id: "msg_x",
        type: "message",
        role: "assistant",
        model: params.model,
        content,
        stop_reason: "end_turn",
        usage: { input_tokens: 1, output_tokens: 1 },
      } as never,
      requestId: "req_x",
      latencyMs: 5,
      firstEventMs: 2,
      streamed: true,
      target: options.target,
    });
}

const toolTurn = toolTurnBlocks();

describe("composer store conversations", () => {
  it("continues with the answer as the last turn, and the next send carries it unchanged", async () => {
    const sent: { messages: unknown[] }[] = [];
    const reply = answering(toolTurn);
    const store = createAppStore({
      storage: memoryStorage(),
      historyStorage: memoryStorage() as never,
      newId: sequentialIds(),
      send: (params, options) => {
        sent.push(structuredClone(params));
        return reply(params, options);
      },
    });
    const first = store.getState().composer.message;
    await store.getState().send();
    store.getState().continueConversation();
    expect(store.getState().composer.message).toBe("");
    store.getState().setField("message", "And tomorrow?");
    await store.getState().send();
    expect(sent[1]?.messages).toEqual([
      { role: "user", content: first },
      { role: "assistant", content: toolTurn },
      { role: "user", content: "And tomorrow?" },
    ]);

    // Re-run from the first turn: later turns go, its text returns to the box, and it is sent.
    const [firstTurn] = store.getState().composer.conversation;
    await store.getState().rerunFrom(firstTurn!.id);
    expect(sent[2]?.messages).toEqual([{ role: "user", content: first }]);
    expect(store.getState().composer.conversation).toEqual([]);
  });
});

describe("composer store history", () => {
  it("records each run newest first, survives a new store on the same storage, and deletes all", async () => {
    const historyStorage = memoryStorage();
    const make = () =>
      createAppStore({
        storage: memoryStorage(),
        historyStorage: historyStorage as never,
        newId: sequentialIds(),
        send: answering([{ type: "text", text: "hi", citations: null }]),
      });
    const store = make();
    await store.getState().send();
    store.getState().setField("message", "second");
    await store.getState().send();
    expect(store.getState().history.map((run) => run.title)).toEqual([
      "second",
      "Use list_events to show what is on my calendar this week.",
    ]);
    expect(historyStorage.data[HISTORY_STORAGE_KEY]).not.toContain("demo-tasks-token");

    const reloaded = make();
    await reloaded.getState().loadHistory();
    expect(reloaded.getState().history.map((run) => run.title)).toEqual([
      "second",
      "Use list_events to show what is on my calendar this week.",
    ]);
    const older = reloaded.getState().history[1]!;
    reloaded.getState().reopenRun(older.id);
    expect(reloaded.getState().composer.message).toBe(older.title);
    expect(reloaded.getState().run).toMatchObject({ status: "done", runId: older.id });

    reloaded.getState().deleteAllRuns();
    expect(reloaded.getState().history).toEqual([]);
    const again = make();
    await again.getState().loadHistory();
    expect(again.getState().history).toEqual([]);
  });

  it("says so when saved history is damaged", async () => {
    const historyStorage = memoryStorage();
    historyStorage.setItem(HISTORY_STORAGE_KEY, "{not json");
    const store = createAppStore({
      storage: memoryStorage(),
      historyStorage: historyStorage as never,
    });
    await store.getState().loadHistory();
    expect(store.getState().historyNotice).toContain("damaged");
  });
});

describe("composer store persistence", () => {
  it("hydrates once per store, so React's doubled mount effect cannot drop the demo token", async () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage, historyStorage: memoryStorage() as never });
    await hydrateStore(store);
    // loadHistory's update has written the saved (token-less) composer by now.
    expect(storage.data[STORAGE_KEY]).toBeDefined();
    await hydrateStore(store);
    expect(store.getState().composer.servers[1]?.authorizationToken).toBe("demo-tasks-token");
  });

  it("writes only when a saved field changes, not on every streamed event", () => {
    const storage = memoryStorage();
    let writes = 0;
    const counting = {
      ...storage,
      setItem: (key: string, value: string) => {
        writes += 1;
        storage.setItem(key, value);
      },
    };
    const store = createAppStore({
      storage: counting,
      historyStorage: memoryStorage() as never,
    });
    store.getState().setField("message", "first");
    const afterEdit = writes;
    for (let i = 0; i < 50; i += 1) store.setState({ historyNotice: `event ${i}` });
    expect(writes).toBe(afterEdit);
    store.getState().setField("message", "second");
    expect(writes).toBe(afterEdit + 1);
    expect(storage.data[STORAGE_KEY]).toContain("second");
    // Tokens are stripped on the way out (all but the demo's documented one).
    store.getState().updateServer(store.getState().composer.servers[0]!.id, {
      authorizationToken: "a-real-token",
    });
    expect(storage.data[STORAGE_KEY]).not.toContain("a-real-token");
  });
});

/** A discovery that always finds `found` (no tools, no server info unless given). */
function discovering(
  found: Partial<DiscoveredServer>,
): NonNullable<CreateAppStoreOptions["discover"]> {
  return () =>
    Promise.resolve({
      ok: true,
      result: { tools: [], malformed: [], server: null, transport: "streamable-http", ...found },
    });
}

describe("an imported read-only allowlist", () => {
  it("becomes an allowlist of the read-only tools once discovery has found them", async () => {
    const store = createAppStore({
      storage: memoryStorage(),
      newId: sequentialIds(),
      discover: discovering({
        tools: [
          { name: "read_page", destructive: false, readOnly: true },
          { name: "delete_page", destructive: true, readOnly: false },
        ],
      }),
    });
    const server = store.getState().composer.servers[0]!;
    store
      .getState()
      .updateServer(server.id, { readOnlyAllowlist: true, configs: [], defaultConfig: {} });
    await store.getState().discover(server.id);
    const after = store.getState().composer.servers[0]!;
    expect(after.readOnlyAllowlist).toBeUndefined();
    expect(after.defaultConfig.enabled).toBe(false);
    expect(after.configs.map((row) => [row.tool, row.enabled])).toEqual([["read_page", true]]);
    expect(store.getState().discoveries[server.id]?.status).toBe("ok");
  });
});

describe("a card left unnamed", () => {
  it("takes the server's own name from discovery; a named card keeps its name", async () => {
    const store = createAppStore({
      storage: memoryStorage(),
      newId: sequentialIds(),
      discover: discovering({
        server: { name: "@acme/Weather Server", version: "1.0.0" },
        suggestedName: serverNameOf("@acme/Weather Server"),
      }),
    });
    const first = store.getState().addServer();
    const second = store.getState().addServer();
    await store.getState().discover(first);
    await store.getState().discover(second);
    const named = (id: string) =>
      store.getState().composer.servers.find((server) => server.id === id)!.name;
    expect(named(first)).toBe("acme-Weather-Server");
    expect(named(second)).toBe("acme-Weather-Server-2");
    // The demo's own cards were named by the example: discovery leaves them be.
    const calendar = store.getState().composer.servers[0]!;
    const before = store.getState().composer;
    await store.getState().discover(calendar.id);
    expect(named(calendar.id)).toBe("calendar");
    // Not even a new composer object: that would be an edit (it cleared the undo's redo).
    expect(store.getState().composer).toBe(before);
  });

  it("the demo menu adds each demo server with its URL and, for tasks, its demo token", () => {
    const store = createAppStore({
      storage: memoryStorage(),
      newId: sequentialIds(),
      origin: "http://x.test",
    });
    const tasks = store.getState().addDemoServer("tasks");
    const bulk = store.getState().addDemoServer("bulk");
    const find = (id: string) =>
      store.getState().composer.servers.find((server) => server.id === id)!;
    expect(find(tasks)).toMatchObject({
      name: "tasks-2",
      url: "http://x.test/api/demo-mcp/tasks",
      authorizationToken: "demo-tasks-token",
    });
    expect(find(bulk)).toMatchObject({
      name: "bulk",
      url: "http://x.test/api/demo-mcp/bulk",
      authorizationToken: "",
    });
  });
});
