import { describe, expect, it } from "vitest";
import type { BrowserFlowOutcome, SignInWindow } from "@/lib/client/oauth/browser";
import type { OAuthSession } from "@/lib/domain/oauth/session";
import { createAppStore } from "./app-store";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

function fakePopup(): SignInWindow & { visited: string[] } {
  const visited: string[] = [];
  return {
    visited,
    closed: false,
    close() {
      this.closed = true;
    },
    location: {
      get href() {
        return visited.at(-1) ?? "";
      },
      set href(url: string) {
        visited.push(url);
      },
    },
  };
}

const signedInSession = (token: string, now: number, expiresIn = 60): OAuthSession => ({
  serverUrl: "http://localhost:3000/api/demo-mcp/notes",
  redirectUrl: "http://localhost:3000/oauth/callback",
  clientName: "MCP Connector Playground",
  clientInformation: { client_id: "client-1" },
  tokens: {
    access_token: token,
    token_type: "Bearer",
    expires_in: expiresIn,
    refresh_token: "refresh-secret",
  },
  tokensAt: now,
});

function setup(post: (action: string, body: Record<string, unknown>) => BrowserFlowOutcome) {
  let clock = 1_000_000;
  const calls: { action: string; body: Record<string, unknown> }[] = [];
  const storage = memoryStorage();
  const store = createAppStore({
    origin: "http://localhost:3000",
    storage,
    historyStorage: storage,
    now: () => clock,
    send: () =>
      Promise.resolve({
        ok: false,
        error: { status: 0, type: "network_error", message: "x", requestId: null },
        raw: null,
        partial: null,
        latencyMs: 1,
        firstEventMs: null,
        streamed: false,
        target: "emulator",
      }),
    discover: () => Promise.resolve({ ok: false, kind: "unauthorized", message: "401" }),
    oauth: {
      post: (action, body) => {
        calls.push({ action, body });
        return Promise.resolve(post(action, body));
      },
      waitForCallback: (state) =>
        Promise.resolve({
          type: "mcp-oauth-callback",
          code: "the-code",
          state,
          error: null,
          errorDescription: null,
        }),
    },
  });
  const serverId = store.getState().addDemoServer("notes");
  return {
    store,
    serverId,
    calls,
    storage,
    advance: (ms: number) => (clock += ms),
    now: () => clock,
  };
}

describe("the sign-in slice", () => {
  it("signs in through the popup and puts the access token in the server's token field", async () => {
    const { store, serverId, calls, now } = setup((action, body) => {
      const session = body.session as OAuthSession;
      if (action === "begin")
        return {
          status: "redirect",
          authorizationUrl: "http://localhost:3000/demo-oauth/authorize?state=s1",
          session: {
            ...signedInSession("x", now()),
            tokens: undefined,
            state: "s1",
            serverUrl: session.serverUrl,
          },
          steps: [],
        };
      return { status: "authorized", session: signedInSession("access-1", now()), steps: [] };
    });
    const popup = fakePopup();
    await store.getState().signIn(serverId, { popup, scope: "notes:read" });
    expect(popup.visited).toEqual(["http://localhost:3000/demo-oauth/authorize?state=s1"]);
    expect(popup.closed).toBe(true);
    expect(calls.map((call) => call.action)).toEqual(["begin", "complete"]);
    expect(calls[0]?.body).toMatchObject({ scope: "notes:read" });
    expect(calls[1]?.body).toMatchObject({ code: "the-code", state: "s1" });
    const server = store.getState().composer.servers.find((candidate) => candidate.id === serverId);
    expect(server?.authorizationToken).toBe("access-1");
    expect(store.getState().signIns[serverId]?.status).toBe("signed-in");
  });

  it("refreshes an expiring token before Send, and says so when the refresh is refused", async () => {
    let refreshes = 0;
    const { store, serverId, advance, now } = setup((action) => {
      if (action === "refresh") {
        refreshes += 1;
        return refreshes === 1
          ? { status: "authorized", session: signedInSession("access-2", now()), steps: [] }
          : {
              status: "failed",
              step: "Token refresh",
              message: "The refresh token is revoked.",
              session: signedInSession("access-2", now()),
              steps: [],
            };
      }
      return { status: "authorized", session: signedInSession("access-1", now()), steps: [] };
    });
    await store.getState().signIn(serverId, { popup: fakePopup() });
    advance(30_000);
    await store.getState().send();
    expect(refreshes).toBe(0); // 30 s into a 60 s token: still good
    advance(25_000);
    await store.getState().send();
    expect(refreshes).toBe(1);
    const token = () =>
      store.getState().composer.servers.find((candidate) => candidate.id === serverId)
        ?.authorizationToken;
    expect(token()).toBe("access-2");
    advance(70_000);
    await store.getState().send();
    expect(store.getState().signIns[serverId]).toMatchObject({
      status: "failed",
      failure: { step: "Token refresh", message: "The refresh token is revoked." },
    });
  });

  it("keeps the session (refresh token) across reloads only when tokens are remembered", async () => {
    const { store, serverId, storage, now } = setup(() => ({
      status: "authorized",
      session: signedInSession("access-1", now()),
      steps: [],
    }));
    await store.getState().signIn(serverId, { popup: fakePopup() });
    const saved = () => [...storage.data.values()].join("\n");
    expect(saved()).not.toContain("refresh-secret");
    expect(saved()).not.toContain("access-1");
    store.getState().setRememberTokens(true);
    expect(saved()).toContain("refresh-secret");
    store.getState().setRememberTokens(false);
    expect(saved()).not.toContain("refresh-secret");
  });

  it("names the failing step, and signs out by forgetting the session and its token", async () => {
    const { store, serverId } = setup(() => ({
      status: "failed",
      step: "Dynamic client registration (RFC 7591)",
      message: "HTTP 404",
      session: signedInSession("never", 0),
      steps: [],
    }));
    const popup = fakePopup();
    await store.getState().signIn(serverId, { popup });
    expect(popup.closed).toBe(true);
    expect(store.getState().signIns[serverId]?.failure).toEqual({
      step: "Dynamic client registration (RFC 7591)",
      message: "HTTP 404",
    });
    store.getState().signOut(serverId);
    expect(store.getState().signIns[serverId]).toBeUndefined();
  });
});
