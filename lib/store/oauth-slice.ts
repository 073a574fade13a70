// The store's sign-in slice: per server, the OAuth session (registration, tokens, refresh token),
// the steps of the last flow, and what went wrong. A signed-in server's access token is its
// authorization token; it is refreshed before it runs out. Sessions live in tab memory, and are
// saved with the composer only when the person asked to remember tokens.
import type { StoreApi } from "zustand/vanilla";
import type { OAuthPost, SignInWindow, WaitForCallback } from "../oauth/browser";
import { tokenExpiring, type OAuthSession } from "../oauth/session";
import type { OAuthStep } from "../oauth/steps";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import type { ComposerState, ServerDraft } from "../request/types";

export type SignInStatus = "signing-in" | "refreshing" | "signed-in" | "failed";

export interface ServerSignIn {
  status: SignInStatus;
  /** What the client holds for this server; null before the first step came back. */
  session: OAuthSession | null;
  /** The steps of the last flow (sign-in or refresh), for the inspector. */
  steps: OAuthStep[];
  failure: { step: string; message: string } | null;
}

export interface SignInOptions {
  popup: SignInWindow;
  /** The scope to ask for: from the server's challenge, or larger for a step-up. */
  scope?: string;
  resourceMetadataUrl?: string;
  /** A client registered out of band, entered by the person. */
  clientId?: string;
  clientSecret?: string;
}

export interface OAuthSlice {
  signIns: Record<string, ServerSignIn>;
  signIn: (serverId: string, options: SignInOptions) => Promise<void>;
  cancelSignIn: (serverId: string) => void;
  /** A new access token from the refresh token; false when it could not be had. */
  refreshSignIn: (serverId: string) => Promise<boolean>;
  signOut: (serverId: string) => void;
  /** Refreshes every signed-in server's token that has run out or is about to. */
  ensureFreshTokens: (serverIds?: readonly string[]) => Promise<void>;
}

export interface OAuthDependencies {
  post: OAuthPost;
  waitForCallback: WaitForCallback;
  now: () => number;
}

export interface OAuthHost {
  composer: ComposerState;
  updateServer: (serverId: string, patch: Partial<Omit<ServerDraft, "id">>) => void;
}

export type OAuthActions = Omit<OAuthSlice, "signIns" | "signOut">;

/**
 * The signed-in servers whose token has run out or is about to. A token the person typed over
 * the signed-in one is theirs: it is left alone.
 */
export function serversDueForRefresh(
  store: Pick<OAuthSlice, "signIns"> & Pick<OAuthHost, "composer">,
  nowMs: number,
  serverIds?: readonly string[],
): string[] {
  return Object.entries(store.signIns).flatMap(([serverId, signIn]) => {
    if (serverIds && !serverIds.includes(serverId)) return [];
    const session = signIn.session;
    const typed = store.composer.servers.find(
      (server) => server.id === serverId,
    )?.authorizationToken;
    if (!session?.tokens || typed !== session.tokens.access_token) return [];
    return tokenExpiring(session, nowMs) ? [serverId] : [];
  });
}

/**
 * The slice: the sign-ins, and actions whose flows (lib/store/oauth-actions.ts) load with the
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
