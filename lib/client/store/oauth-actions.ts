// The sign-in flows behind the store's sign-in slice (./oauth-slice.ts): begin, the
// popup, complete; refresh; sign out. Loaded with the first of them, not with the page.
import type { StoreApi } from "zustand/vanilla";
import type { OAuthSession } from "@/lib/domain/oauth/session";
import type { OAuthStep } from "@/lib/domain/oauth/steps";
import {
  serversDueForRefresh,
  type OAuthActions,
  type OAuthDependencies,
  type OAuthHost,
  type OAuthSlice,
  type ServerSignIn,
} from "./oauth-state";

const MAX_STEPS = 60;

export function createOAuthActions<Store extends OAuthSlice & OAuthHost>(
  set: StoreApi<Store>["setState"],
  get: StoreApi<Store>["getState"],
  deps: OAuthDependencies,
): OAuthActions {
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

    ensureFreshTokens: async (serverIds) => {
      const due = serversDueForRefresh(get(), deps.now(), serverIds);
      await Promise.all(due.map((serverId) => refreshSignIn(serverId)));
    },
  };
}
