// The store's sign-in slice: per server, the OAuth session (registration, tokens, refresh token),
// the steps of the last flow, and what went wrong. A signed-in server's access token is its
// authorization token; it is refreshed before it runs out. Sessions live in tab memory, and are
// saved with the composer only when the person asked to remember tokens.
import type { StoreApi } from "zustand/vanilla";
import type { OAuthPost, SignInWindow, WaitForCallback } from "../oauth/browser";
import { tokenExpiring, type OAuthSession } from "../oauth/session";
import type { OAuthStep } from "../oauth/steps";
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

interface Host {
  composer: ComposerState;
  updateServer: (serverId: string, patch: Partial<Omit<ServerDraft, "id">>) => void;
}

const MAX_STEPS = 60;

/**
 * The signed-in servers whose token has run out or is about to. A token the person typed over
 * the signed-in one is theirs: it is left alone.
 */
export function serversDueForRefresh(
  store: Pick<OAuthSlice, "signIns"> & Pick<Host, "composer">,
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

export function createOAuthSlice<Store extends OAuthSlice & Host>(
  set: StoreApi<Store>["setState"],
  get: StoreApi<Store>["getState"],
  deps: OAuthDependencies,
): OAuthSlice {
  const controllers = new Map<string, AbortController>();
  const refreshing = new Map<string, Promise<boolean>>();

  const put = (serverId: string, patch: Partial<ServerSignIn>) =>
    set((store) => {
      const previous = store.signIns[serverId] ?? {
        status: "signing-in",
        session: null,
        steps: [],
        failure: null,
      };
      return {
        signIns: { ...store.signIns, [serverId]: { ...previous, ...patch } },
      } as Partial<Store>;
    });

  const signedIn = (serverId: string, session: OAuthSession, steps: OAuthStep[]) => {
    if (session.tokens)
      get().updateServer(serverId, { authorizationToken: session.tokens.access_token });
    put(serverId, { status: "signed-in", session, steps: steps.slice(-MAX_STEPS), failure: null });
  };

  const failed = (
    serverId: string,
    failure: { step: string; message: string },
    steps: OAuthStep[],
    session?: OAuthSession | null,
  ) =>
    put(serverId, {
      status: "failed",
      failure,
      steps: steps.slice(-MAX_STEPS),
      ...(session !== undefined ? { session } : {}),
    });

  const server = (serverId: string) =>
    get().composer.servers.find((candidate) => candidate.id === serverId);

  const refreshSignIn = (serverId: string): Promise<boolean> => {
    const running = refreshing.get(serverId);
    if (running) return running;
    const task = (async () => {
      const current = get().signIns[serverId];
      if (!current?.session?.tokens?.refresh_token) return false;
      const before = current.steps;
      put(serverId, { status: "refreshing" });
      const outcome = await deps.post("refresh", { session: current.session });
      if (outcome.status === "authorized") {
        signedIn(serverId, outcome.session, [...before, ...outcome.steps]);
        return true;
      }
      failed(
        serverId,
        outcome.status === "failed"
          ? { step: outcome.step, message: outcome.message }
          : { step: "Token refresh", message: "The refresh asked for a new sign-in." },
        [...before, ...outcome.steps],
      );
      return false;
    })().finally(() => refreshing.delete(serverId));
    refreshing.set(serverId, task);
    return task;
  };

  return {
    signIns: {},

    signIn: async (serverId, options) => {
      const target = server(serverId);
      if (!target) return;
      controllers.get(serverId)?.abort();
      const controller = new AbortController();
      controllers.set(serverId, controller);
      const existing = get().signIns[serverId]?.session;
      const sameServer = existing?.serverUrl === target.url;
      // The registration (and what discovery found) is kept for the same server.
      const start: Record<string, unknown> = {
        serverUrl: target.url,
        ...(sameServer
          ? {
              clientInformation: existing.clientInformation,
              preRegistered: existing.preRegistered,
              discovery: existing.discovery,
            }
          : {}),
        ...(options.clientId
          ? {
              preRegistered: true,
              clientInformation: {
                client_id: options.clientId,
                ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
              },
            }
          : {}),
      };
      put(serverId, { status: "signing-in", steps: [], failure: null });
      const isCurrent = () => controllers.get(serverId) === controller;
      const begun = await deps.post("begin", {
        session: start,
        scope: options.scope,
        resourceMetadataUrl: options.resourceMetadataUrl,
      });
      if (!isCurrent()) return;
      if (begun.status === "failed") {
        options.popup.close();
        return failed(
          serverId,
          { step: begun.step, message: begun.message },
          begun.steps,
          begun.session,
        );
      }
      if (begun.status === "authorized") {
        options.popup.close();
        return signedIn(serverId, begun.session, begun.steps);
      }
      put(serverId, { steps: begun.steps, session: begun.session });
      options.popup.location.href = begun.authorizationUrl;
      let callback;
      try {
        callback = await deps.waitForCallback(
          begun.session.state ?? "",
          options.popup,
          controller.signal,
        );
      } catch (error) {
        if (!isCurrent()) return;
        options.popup.close();
        return failed(
          serverId,
          {
            step: "Authorization (sign-in window)",
            message: error instanceof Error ? error.message : String(error),
          },
          begun.steps,
        );
      }
      options.popup.close();
      const done = await deps.post("complete", { session: begun.session, ...callback });
      if (!isCurrent()) return;
      controllers.delete(serverId);
      const steps = [...begun.steps, ...done.steps];
      if (done.status === "authorized") return signedIn(serverId, done.session, steps);
      failed(
        serverId,
        done.status === "failed"
          ? { step: done.step, message: done.message }
          : { step: "Token request", message: "The token exchange did not finish." },
        steps,
        done.session,
      );
    },

    cancelSignIn: (serverId) => {
      controllers.get(serverId)?.abort();
    },

    refreshSignIn,

    signOut: (serverId) => {
      controllers.get(serverId)?.abort();
      const current = get().signIns[serverId];
      const token = current?.session?.tokens?.access_token;
      if (token && server(serverId)?.authorizationToken === token)
        get().updateServer(serverId, { authorizationToken: "" });
      set((store) => {
        const { [serverId]: _removed, ...rest } = store.signIns;
        return { signIns: rest } as Partial<Store>;
      });
    },

    ensureFreshTokens: async (serverIds) => {
      const due = serversDueForRefresh(get(), deps.now(), serverIds);
      await Promise.all(due.map((serverId) => refreshSignIn(serverId)));
    },
  };
}
