// The whole app's zustand store (vanilla, so it is created per mount and never shared across server
// requests), made of slices in zustand's slices pattern: composer edits, settings, the run, the
// history, discovery and sign-in, each in its own module. Persistence keeps the last state in
// localStorage (./persistence.ts); tokens only when the person asks.
import { persist } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import type { OAuthSession } from "@/lib/domain/oauth/session";
import type { NewId } from "@/lib/domain/request/composer";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import { createComposerSlice } from "./composer-slice";
import { createDiscoverySlice } from "./discovery-slice";
import { createHistorySlice } from "./history-slice";
import { createOAuthSlice } from "./oauth-slice";
import type { OAuthDependencies } from "./oauth-state";
import {
  persistedPart,
  restorePersisted,
  savedOnChange,
  type PersistedComposer,
} from "./persistence";
import { createRunSlice } from "./run-slice";
import { createSettingsSlice } from "./settings-slice";
import { createWorkspaceSlice } from "./workspace-slice";
import { STORAGE_KEY } from "./storage-key";
import type { AppStore, CreateAppStoreOptions, SliceContext } from "./store-types";

export { STORAGE_KEY };
export { THEMES } from "./store-types";
export type {
  AppStore,
  CreateAppStoreOptions,
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
    const browser = await import("@/lib/client/oauth/browser").catch(() => null);
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
    import("@/lib/client/oauth/browser").then((module) => module.waitForCallback(...args)),
};

export function createAppStore(options: CreateAppStoreOptions = {}) {
  const now = options.now ?? (() => Date.now());
  return createStore<AppStore>()(
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
          ...createWorkspaceSlice(context),
          ...createOAuthSlice<AppStore>(set, get, {
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

export type AppStoreApi = ReturnType<typeof createAppStore>;

const hydratedStores = new WeakSet<AppStoreApi>();

/**
 * Reads the saved composer and history, once per store: React runs mount effects twice in
 * development, and a second read would replace the state with what the first one wrote since
 * (without the demo token).
 */
export async function hydrateStore(store: AppStoreApi): Promise<void> {
  if (hydratedStores.has(store)) return;
  hydratedStores.add(store);
  await store.persist.rehydrate();
  store.getState().restoreOpenRequest();
  await store.getState().loadHistory();
}
