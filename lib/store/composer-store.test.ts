import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { createComposerStore, STORAGE_KEY } from "./composer-store";

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

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

describe("composer store persistence", () => {
  it("keeps the state across a reload, without tokens by default", async () => {
    const storage = memoryStorage();
    const first = createComposerStore({ storage, newId: ids() });
    await first.persist.rehydrate();
    const serverId = first.getState().composer.servers[0]!.id;
    first
      .getState()
      .updateServer(serverId, { authorizationToken: "secret-token", url: "https://cal.dev/mcp" });
    first.getState().setField("message", "hi there");
    expect(storage.data[STORAGE_KEY]).not.toContain("secret-token");

    const second = createComposerStore({ storage, newId: ids() });
    await second.persist.rehydrate();
    const restored = second.getState().composer;
    expect(restored.message).toBe("hi there");
    expect(restored.servers[0]?.url).toBe("https://cal.dev/mcp");
    expect(restored.servers[0]?.authorizationToken).toBe("");
  });

  it("keeps tokens when the person asks to remember them", async () => {
    const storage = memoryStorage();
    const store = createComposerStore({ storage, newId: ids() });
    await store.persist.rehydrate();
    store.getState().setRememberTokens(true);
    store
      .getState()
      .updateServer(store.getState().composer.servers[0]!.id, { authorizationToken: "keep-me" });
    const again = createComposerStore({ storage, newId: ids() });
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
    const store = createComposerStore({ storage, newId: ids() });
    await store.persist.rehydrate();
    expect(store.getState().composer.servers[0]?.name).toBe("calendar");
    expect(store.getState().restoreError).toMatch(/could not be read/);
  });

  it("mixed pattern brings a tool search tool", () => {
    const store = createComposerStore({ storage: memoryStorage(), newId: ids() });
    store.getState().applyPattern(store.getState().composer.servers[0]!.id, "mixed");
    expect(store.getState().composer.toolSearch).toBe("regex");
  });
});
