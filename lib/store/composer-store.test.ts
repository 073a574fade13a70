import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { buildRequest } from "../request/build-request";
import { createComposerStore, STORAGE_KEY } from "./composer-store";
import { sequentialIds } from "../testing/sequential-ids";

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
    const first = createComposerStore({ storage, newId: sequentialIds() });
    await first.persist.rehydrate();
    const serverId = first.getState().composer.servers[0]!.id;
    first
      .getState()
      .updateServer(serverId, { authorizationToken: "secret-token", url: "https://cal.dev/mcp" });
    first.getState().setField("message", "hi there");
    expect(storage.data[STORAGE_KEY]).not.toContain("secret-token");

    const second = createComposerStore({ storage, newId: sequentialIds() });
    await second.persist.rehydrate();
    const restored = second.getState().composer;
    expect(restored.message).toBe("hi there");
    expect(restored.servers[0]?.url).toBe("https://cal.dev/mcp");
    expect(restored.servers[0]?.authorizationToken).toBe("");
  });

  it("keeps tokens when the person asks to remember them", async () => {
    const storage = memoryStorage();
    const store = createComposerStore({ storage, newId: sequentialIds() });
    await store.persist.rehydrate();
    store.getState().setRememberTokens(true);
    store
      .getState()
      .updateServer(store.getState().composer.servers[0]!.id, { authorizationToken: "keep-me" });
    const again = createComposerStore({ storage, newId: sequentialIds() });
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
    const store = createComposerStore({ storage, newId: sequentialIds() });
    await store.persist.rehydrate();
    expect(store.getState().composer.servers[0]?.name).toBe("calendar");
    expect(store.getState().restoreError).toMatch(/could not be read/);
  });

  it("mixed pattern brings a tool search tool", () => {
    const store = createComposerStore({ storage: memoryStorage(), newId: sequentialIds() });
    store.getState().applyPattern(store.getState().composer.servers[0]!.id, "mixed");
    expect(store.getState().composer.toolSearch).toBe("regex");
  });
});

describe("composer store sending", () => {
  it("sends the built request to the chosen target and keeps the outcome; the composer is untouched", async () => {
    const calls: { params: unknown; target: string }[] = [];
    const store = createComposerStore({
      storage: memoryStorage(),
      newId: sequentialIds(),
      send: (params, options) => {
        calls.push({ params, target: options.target });
        return Promise.resolve({
          ok: false,
          error: { status: 400, type: "invalid_request_error", message: "bad", requestId: "req_1" },
          raw: {},
          latencyMs: 1,
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
    const store = createComposerStore({
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
              latencyMs: 1,
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
