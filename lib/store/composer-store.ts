// The composer's zustand store (vanilla, so it is created per mount and never shared across server
// requests), made of slices in zustand's slices pattern: composer edits, settings, the run, the
// history, discovery and sign-in, each in its own module. Persistence keeps the last state in
// localStorage (lib/store/persistence.ts); tokens only when the person asks.
import { persist } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import type { OAuthSession } from "../oauth/session";
import type { NewId } from "../request/composer";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import { createComposerSlice } from "./composer-slice";
import { createDiscoverySlice } from "./discovery-slice";
import { createHistorySlice } from "./history-slice";
import { createOAuthSlice, type OAuthDependencies } from "./oauth-slice";
import {
  persistedPart,
  restorePersisted,
  savedOnChange,
  type PersistedComposer,
} from "./persistence";
import { createRunSlice } from "./run-slice";
import { createSettingsSlice } from "./settings-slice";
import { STORAGE_KEY } from "./storage-key";
import type { ComposerStore, CreateComposerStoreOptions, SliceContext } from "./store-types";

export { STORAGE_KEY };
export { discoveryKey } from "./discovery-slice";
export { THEMES } from "./store-types";
export type {
  ComposerStore,
  CreateComposerStoreOptions,
  DiscoveryState,
  RunState,
  Theme,
} from "./store-types";
export type { PersistedComposer } from "./persistence";

const STORAGE_VERSION = 1;

export const defaultNewId: NewId = () => crypto.randomUUID().slice(0, 8);

/** Sign-in's network and popup, loaded with the first sign-in rather than with the page. */
const lazyOAuth: Omit<OAuthDependencies, "now"> = {
  post: async (action, body) => {
    const browser = await import("../oauth/browser").catch(() => null);
    if (!browser)
      return {
        status: "failed",
        step: "Loading the sign-in",
        message: LOAD_FAILED_MESSAGE,
        session: (body.session ?? {}) as OAuthSession,
        steps: [],
      };
    return browser.postOAuth(action, body);
  },
  waitForCallback: (...args) =>
    import("../oauth/browser").then((module) => module.waitForCallback(...args)),
};

export function createComposerStore(options: CreateComposerStoreOptions = {}) {
  const now = options.now ?? (() => Date.now());
  return createStore<ComposerStore>()(
    persist(
      (set, get) => {
        const context: SliceContext = {
          set,
          get,
          options,
          newId: options.newId ?? defaultNewId,
          now,
        };
        return {
          ...createComposerSlice(context),
          ...createSettingsSlice(context),
          ...createRunSlice(context),
          ...createHistorySlice(context),
          ...createDiscoverySlice(context),
          ...createOAuthSlice<ComposerStore>(set, get, {
            post: options.oauth?.post ?? lazyOAuth.post,
            waitForCallback: options.oauth?.waitForCallback ?? lazyOAuth.waitForCallback,
            now: options.oauth?.now ?? now,
          }),
        };
      },
      {
        name: STORAGE_KEY,
        version: STORAGE_VERSION,
        storage: savedOnChange(() => options.storage ?? localStorage),
        skipHydration: true,
        partialize: (store): PersistedComposer => persistedPart(store),
        merge: restorePersisted,
      },
    ),
  );
}

export type ComposerStoreApi = ReturnType<typeof createComposerStore>;

const hydratedStores = new WeakSet<ComposerStoreApi>();

/**
 * Reads the saved composer and history, once per store: React runs mount effects twice in
 * development, and a second read would replace the state with what the first one wrote since
 * (without the demo token).
 */
export async function hydrateStore(store: ComposerStoreApi): Promise<void> {
  if (hydratedStores.has(store)) return;
  hydratedStores.add(store);
  await store.persist.rehydrate();
  await store.getState().loadHistory();
}
