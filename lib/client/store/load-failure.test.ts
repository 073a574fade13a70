import { describe, expect, it, vi } from "vitest";
import { HISTORY_STORAGE_KEY } from "@/lib/domain/history/run-history";
import { createAppStore } from "./app-store";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import { STORAGE_KEY } from "./storage-key";

// The code that loads on first use cannot arrive: every place says so instead of hanging.
const { unreachable } = vi.hoisted(() => ({
  unreachable: () => {
    throw new Error("Failed to fetch dynamically imported module");
  },
}));
vi.mock("@/lib/client/api/send-request", unreachable);
vi.mock("@/lib/client/api/discover-client", unreachable);
vi.mock("@/lib/domain/history/history-schema", unreachable);
vi.mock("@/lib/client/oauth/browser", unreachable);
vi.mock("./restore", unreachable);

function memory(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return {
    getItem: (key: string) => data[key] ?? null,
    setItem: (key: string, value: string) => {
      data[key] = value;
    },
    removeItem: (key: string) => {
      delete data[key];
    },
  };
}

describe("code that cannot be loaded", () => {
  it("a Send ends in an error that says to reload", async () => {
    const store = createAppStore({ storage: memory(), historyStorage: memory() });
    await store.getState().send();
    const run = store.getState().run;
    expect(run.status).toBe("done");
    if (run.status !== "done" || run.outcome.ok) throw new Error("expected a failed outcome");
    expect(run.outcome.error.message).toBe(LOAD_FAILED_MESSAGE);
  });

  it("a discovery ends in an error that says to reload", async () => {
    const store = createAppStore({ storage: memory(), historyStorage: memory() });
    const serverId = store.getState().composer.servers[0]!.id;
    await store.getState().discover(serverId);
    expect(store.getState().discoveries[serverId]).toMatchObject({
      status: "error",
      message: LOAD_FAILED_MESSAGE,
    });
  });

  it("a sign-in step fails in words", async () => {
    const store = createAppStore({ storage: memory(), historyStorage: memory() });
    const serverId = store.getState().composer.servers[0]!.id;
    const popup = { closed: false, close: () => undefined, location: { href: "" } };
    await store.getState().signIn(serverId, { popup });
    expect(store.getState().signIns[serverId]?.failure?.message).toBe(LOAD_FAILED_MESSAGE);
  });

  it("the history and a saved composer say so, and the defaults stay usable", async () => {
    const store = createAppStore({
      storage: memory({ [STORAGE_KEY]: JSON.stringify({ state: { composer: {} }, version: 1 }) }),
      historyStorage: memory({ [HISTORY_STORAGE_KEY]: "[]" }),
    });
    await store.persist.rehydrate();
    expect(store.getState().restoreError).toContain(LOAD_FAILED_MESSAGE);
    await store.getState().loadHistory();
    expect(store.getState().historyNotice).toContain(LOAD_FAILED_MESSAGE);
    expect(store.getState().composer.servers.length).toBeGreaterThan(0);
  });
});
