// The store's sign-in slice: per server, the OAuth session (registration, tokens, refresh token),
// the steps of the last flow, and what went wrong. A signed-in server's access token is its
// authorization token; it is refreshed before it runs out. Sessions live in tab memory, and are
// saved with the composer only when the person asked to remember tokens.
import type { StoreApi } from "zustand/vanilla";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import {
  serversDueForRefresh,
  type OAuthActions,
  type OAuthDependencies,
  type OAuthHost,
  type OAuthSlice,
} from "./oauth-state";

/**
 * The slice: the sign-ins, and actions whose flows (lib/client/store/oauth-actions.ts) load with the
 * first of them. Nothing is due before that unless sessions were restored; then they load too.
 */
export function createOAuthSlice<Store extends OAuthSlice & OAuthHost>(
  set: StoreApi<Store>["setState"],
  get: StoreApi<Store>["getState"],
  deps: OAuthDependencies,
): OAuthSlice {
  let actions: Promise<OAuthActions> | null = null;
  const load = () =>
    (actions ??= import("./oauth-actions").then(
      (module) => module.createOAuthActions(set, get, deps),
      (error: unknown) => {
        actions = null;
        throw error;
      },
    ));
  const loadFailed = (serverId: string) =>
    set((store) => {
      const previous = store.signIns[serverId];
      return {
        signIns: {
          ...store.signIns,
          [serverId]: {
            session: previous?.session ?? null,
            steps: previous?.steps ?? [],
            status: "failed",
            failure: { step: "Loading the sign-in", message: LOAD_FAILED_MESSAGE },
          },
        },
      } as Partial<Store>;
    });
  return {
    signIns: {},
    signIn: (serverId, options) =>
      load().then(
        (loaded) => loaded.signIn(serverId, options),
        () => {
          options.popup.close();
          loadFailed(serverId);
        },
      ),
    cancelSignIn: (serverId) => {
      // Nothing can be under way before the flows have loaded.
      void actions?.then((loaded) => loaded.cancelSignIn(serverId));
    },
    refreshSignIn: (serverId) =>
      load().then(
        (loaded) => loaded.refreshSignIn(serverId),
        () => {
          loadFailed(serverId);
          return false;
        },
      ),
    signOut: (serverId) => {
      void actions?.then((loaded) => loaded.cancelSignIn(serverId));
      const token = get().signIns[serverId]?.session?.tokens?.access_token;
      const server = get().composer.servers.find((candidate) => candidate.id === serverId);
      // The token is cleared from the card only if it is still the signed-in one.
      if (token && server?.authorizationToken === token)
        get().updateServer(serverId, { authorizationToken: "" });
      set((store) => {
        const { [serverId]: _removed, ...rest } = store.signIns;
        return { signIns: rest } as Partial<Store>;
      });
    },
    ensureFreshTokens: async (serverIds) => {
      if (serversDueForRefresh(get(), deps.now(), serverIds).length === 0) return;
      const loaded = await load().catch(() => null);
      await loaded?.ensureFreshTokens(serverIds);
    },
  };
}
