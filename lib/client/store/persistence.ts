// What of the store is saved in the browser, and how: only when a saved field changed, tokens
// stripped unless the person asked to keep them, and the saved value checked on the way back in
// (lib/client/store/restore.ts, whose schemas load only when there is something saved to check).
import {
  createJSONStorage,
  type PersistStorage,
  type StateStorage,
  type StorageValue,
} from "zustand/middleware";
import type { OAuthSession } from "@/lib/domain/oauth/session";
import * as composer from "@/lib/domain/request/composer";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import type { AppStore } from "./store-types";

export type PersistedComposer = Pick<
  AppStore,
  "composer" | "rememberTokens" | "theme" | "target"
> & {
  /** Sign-in sessions (refresh tokens and all), saved only when tokens are remembered. */
  oauthSessions?: Record<string, OAuthSession>;
};

export type Restorer = (persisted: unknown, current: AppStore) => AppStore;

let restorer: Restorer | null = null;

/** Checks a saved state; when its schemas could not load, nothing saved is taken on trust. */
export function restorePersisted(persisted: unknown, current: AppStore): AppStore {
  if (persisted === undefined || persisted === null) return current;
  if (!restorer) return { ...current, restoreError: `Your saved composer: ${LOAD_FAILED_MESSAGE}` };
  return restorer(persisted, current);
}

async function loadRestorer(): Promise<void> {
  try {
    restorer ??= (await import("./restore")).mergePersisted;
  } catch {
    // restorePersisted says so.
  }
}

export function persistedPart(store: AppStore): PersistedComposer {
  return {
    composer: store.composer,
    rememberTokens: store.rememberTokens,
    theme: store.theme,
    target: store.target,
    ...(store.rememberTokens ? { oauthSessions: sessionsOf(store.signIns) } : {}),
  };
}

/**
 * zustand's persist writes after every update; most (each streamed event, each discovery) change
 * nothing that is saved, so a write happens only when a saved field changed. Tokens are stripped
 * here, on the way out, unless the person asked to remember them. Reading stays synchronous when
 * nothing is saved (a first visit loads no schemas); a saved value waits for its checker.
 */
export function savedOnChange(storage: () => StateStorage): PersistStorage<PersistedComposer> {
  const json = createJSONStorage<PersistedComposer>(storage);
  if (!json) throw new Error("composer store: no storage");
  let last: PersistedComposer | null = null;
  const withRestorer = (value: StorageValue<PersistedComposer> | null) =>
    value === null || restorer ? value : loadRestorer().then(() => value);
  return {
    getItem: (name) => {
      const value = json.getItem(name);
      return value && "then" in value
        ? Promise.resolve(value).then(withRestorer)
        : withRestorer(value);
    },
    removeItem: json.removeItem,
    setItem: (name, value) => {
      const saved = value.state;
      if (
        last?.composer === saved.composer &&
        last.rememberTokens === saved.rememberTokens &&
        last.theme === saved.theme &&
        last.target === saved.target &&
        last.oauthSessions === saved.oauthSessions
      )
        return;
      last = saved;
      const state = saved.rememberTokens
        ? saved
        : { ...saved, composer: composer.withoutTokensButDemo(saved.composer) };
      return json.setItem(name, { ...value, state });
    },
  };
}

/** The sessions of the sign-ins, as one object per `signIns` value (so saving sees no change). */
const sessionsCache = new WeakMap<object, Record<string, OAuthSession>>();
function sessionsOf(signIns: AppStore["signIns"]): Record<string, OAuthSession> {
  let sessions = sessionsCache.get(signIns);
  if (!sessions) {
    sessions = Object.fromEntries(
      Object.entries(signIns).flatMap(([serverId, signIn]) =>
        signIn.session?.tokens ? [[serverId, signIn.session]] : [],
      ),
    );
    sessionsCache.set(signIns, sessions);
  }
  return sessions;
}
