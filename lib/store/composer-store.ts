// The composer's zustand store (vanilla, so it is created per mount and never shared across server
// requests). Persistence keeps the last state in localStorage; tokens only when the person asks.
import {
  createJSONStorage,
  persist,
  type PersistStorage,
  type StateStorage,
} from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import { z } from "zod";
import * as composer from "../request/composer";
import type { ToolsetPattern } from "../request/patterns";
import { applyPattern } from "../request/patterns";
import { parseComposerState } from "../request/schema";
import type { ComposerState, ServerDraft, ToolConfigDraft } from "../request/types";
import { STORAGE_KEY } from "./storage-key";
import { sendMessages, type SendOutcome } from "../api/send-request";
import { TARGETS, type Target } from "../api/targets";
import { buildRequest, type MessagesRequest } from "../request/build-request";
import * as conversation from "../request/conversation";
import {
  addRun,
  createRunRecord,
  HISTORY_STORAGE_KEY,
  parseHistory,
  reopenComposer,
  runRequest,
  serializeHistory,
  type RunRecord,
} from "../history/run-history";
import type { StreamSnapshot } from "../stream/accumulate";
import {
  requestDiscovery,
  type DiscoveredServer,
  type DiscoveryChallenge,
} from "../api/discover-client";
import { toggleToolFlag, type ToolFlag } from "../request/tool-toggle";
import { pinFromDiscovery } from "../request/pin-drift";
import { postOAuth, waitForCallback } from "../oauth/browser";
import { oauthSessionSchema, type OAuthSession } from "../oauth/session";
import {
  createOAuthSlice,
  serversDueForRefresh,
  type OAuthDependencies,
  type OAuthSlice,
} from "./oauth-slice";

export { STORAGE_KEY };

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_VERSION = 1;

export type RunState =
  | { status: "idle" }
  | {
      status: "sending";
      startedAt: number;
      controller: AbortController;
      /** A streamed answer so far; null until its first event (and for unstreamed requests). */
      snapshot: StreamSnapshot | null;
    }
  | {
      status: "done";
      outcome: SendOutcome;
      /** What was sent: Reply continues from its messages. */
      request: MessagesRequest;
      /** The history entry of this run. */
      runId: string;
    };

type HistoryStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** A server's discovery, for the url and token it was made with (stale once either changes). */
export type DiscoveryState =
  | {
      status: "loading";
      key: string;
      startedAt: number;
      previous?: DiscoveredServer;
      controller: AbortController;
    }
  | { status: "ok"; key: string; at: number; result: DiscoveredServer }
  | {
      status: "error";
      key: string;
      at: number;
      kind: string;
      message: string;
      /** What a 401/403 asked for: the card offers to sign in with it. */
      challenge?: DiscoveryChallenge;
    };

export function discoveryKey(server: Pick<ServerDraft, "url" | "authorizationToken">): string {
  return `${server.url}\n${server.authorizationToken}`;
}

export interface ComposerStore extends OAuthSlice {
  composer: ComposerState;
  rememberTokens: boolean;
  theme: Theme;
  /** Where Send goes. Persisted; the key pasted for it is not (memory of this tab only). */
  target: Target;
  browserApiKey: string;
  run: RunState;
  /** By server id; kept in memory only. */
  discoveries: Record<string, DiscoveryState>;
  /** Set when a saved state could not be read; shown once, then cleared. */
  restoreError: string | null;
  /** Every run, newest first, kept in the browser (see lib/history). */
  history: RunRecord[];
  /** Why the history could not be read or saved, in words; null when all is well. */
  historyNotice: string | null;

  setField: <
    K extends "model" | "maxTokens" | "system" | "message" | "stream" | "beta" | "toolSearch",
  >(
    key: K,
    value: ComposerState[K],
  ) => void;
  addServer: () => string;
  /** Adds the OAuth-protected demo server (lib/demo-mcp/notes-server.ts). */
  addOAuthDemoServer: () => string;
  /** Replaces the composer with the deferred-tools demo: the catalog behind BM25 tool search. */
  loadDeferredToolsDemo: () => void;
  /** Pins the server's discovered tool list (and selects mcp-client-2026-09-15, which it needs). */
  pinTools: (serverId: string) => void;
  unpinTools: (serverId: string) => void;
  updateServer: (serverId: string, patch: Partial<Omit<ServerDraft, "id">>) => void;
  removeServer: (serverId: string) => void;
  moveServer: (serverId: string, offset: -1 | 1) => void;
  duplicateServer: (serverId: string) => void;
  applyPattern: (serverId: string, pattern: ToolsetPattern) => void;
  addConfigRow: (serverId: string) => string;
  updateConfigRow: (
    serverId: string,
    rowId: string,
    patch: Partial<Omit<ToolConfigDraft, "id">>,
  ) => void;
  removeConfigRow: (serverId: string, rowId: string) => void;
  upgradeBeta: () => void;
  setRememberTokens: (remember: boolean) => void;
  setTheme: (theme: Theme) => void;
  replaceComposer: (state: ComposerState) => void;
  resetComposer: () => void;
  dismissRestoreError: () => void;
  setTarget: (target: Target) => void;
  setBrowserApiKey: (key: string) => void;
  /** Sends the built request through our route; a newer send supersedes an older one. */
  send: () => Promise<void>;
  cancel: () => void;
  discover: (serverId: string) => Promise<void>;
  toggleTool: (serverId: string, tool: string, flag: ToolFlag) => void;
  /** Turns the shown response into the conversation's last turn and empties the message box. */
  continueConversation: () => void;
  editTurn: (turnId: string, text: string) => void;
  removeTurn: (turnId: string) => void;
  /** Back to a user turn (later turns dropped, its text in the message box), then Send. */
  rerunFrom: (turnId: string) => Promise<void>;
  clearConversation: () => void;
  loadHistory: () => void;
  reopenRun: (runId: string) => void;
  deleteRun: (runId: string) => void;
  deleteAllRuns: () => void;
}

export interface CreateComposerStoreOptions {
  newId?: composer.NewId;
  /** The app's origin: the demo MCP servers of the example state live there. */
  origin?: string;
  send?: typeof sendMessages;
  discover?: typeof requestDiscovery;
  /** Where to keep the state; localStorage by default. */
  storage?: StateStorage;
  historyStorage?: HistoryStorage;
  now?: () => number;
  /** How sign-in steps reach the server and the popup's answer comes back (tests substitute). */
  oauth?: Partial<OAuthDependencies>;
}

export type PersistedComposer = Pick<
  ComposerStore,
  "composer" | "rememberTokens" | "theme" | "target"
> & {
  /** Sign-in sessions (refresh tokens and all), saved only when tokens are remembered. */
  oauthSessions?: Record<string, OAuthSession>;
};

const persistedShape = z.object({
  composer: z.unknown(),
  rememberTokens: z.boolean().optional(),
  theme: z.enum(THEMES).optional(),
  target: z.enum(TARGETS).optional(),
  oauthSessions: z.unknown().optional(),
});

export const defaultNewId: composer.NewId = () => crypto.randomUUID().slice(0, 8);

/**
 * Ids of the initial example state are fixed, so the server-rendered page and the browser agree
 * (React keeps server-rendered attributes on hydration: random ids there would go stale).
 */
function exampleIds(): composer.NewId {
  let n = 0;
  return () => `example${++n}`;
}

export function createComposerStore(options: CreateComposerStoreOptions = {}) {
  const newId = options.newId ?? defaultNewId;
  const now = options.now ?? (() => Date.now());
  const historyStorage = (): HistoryStorage | null =>
    options.historyStorage ?? (typeof localStorage === "undefined" ? null : localStorage);
  return createStore<ComposerStore>()(
    persist(
      (set, get) => {
        const edit = (change: (state: ComposerState) => ComposerState) =>
          set((store) => ({ composer: change(store.composer) }));
        /** Writes the history; when the browser's storage is full, the oldest half goes first. */
        const saveHistory = () => {
          const storage = historyStorage();
          if (!storage) return;
          let runs = get().history;
          for (;;) {
            try {
              storage.setItem(HISTORY_STORAGE_KEY, serializeHistory(runs));
              if (runs.length !== get().history.length)
                set({
                  history: runs,
                  historyNotice: "The browser's storage is full, so the oldest runs were removed.",
                });
              return;
            } catch {
              if (runs.length <= 1) {
                set({ historyNotice: "The run history could not be saved in this browser." });
                return;
              }
              runs = runs.slice(0, Math.ceil(runs.length / 2));
            }
          }
        };
        return {
          ...createOAuthSlice<ComposerStore>(set, get, {
            post: options.oauth?.post ?? postOAuth,
            waitForCallback: options.oauth?.waitForCallback ?? waitForCallback,
            now: options.oauth?.now ?? now,
          }),
          composer: composer.createDefaultState(options.newId ?? exampleIds(), options.origin),
          rememberTokens: false,
          theme: "system",
          target: "emulator",
          browserApiKey: "",
          run: { status: "idle" },
          discoveries: {},
          restoreError: null,
          history: [],
          historyNotice: null,

          setField: (key, value) => edit((state) => ({ ...state, [key]: value })),
          addServer: () => {
            edit((state) => composer.addServer(state, newId));
            return get().composer.servers.at(-1)?.id ?? "";
          },
          loadDeferredToolsDemo: () =>
            set({ composer: composer.createDeferredToolsDemo(newId, options.origin) }),
          pinTools: (serverId) => {
            const discovery = get().discoveries[serverId];
            if (discovery?.status !== "ok") return;
            const pinned = pinFromDiscovery(discovery.result.tools);
            edit((state) => ({
              ...composer.updateServer(state, serverId, (server) => ({
                ...server,
                pinnedTools: pinned,
              })),
              beta: state.beta === "mcp-client-2025-11-20" ? "mcp-client-2026-09-15" : state.beta,
            }));
          },
          unpinTools: (serverId) =>
            edit((state) =>
              composer.updateServer(
                state,
                serverId,
                ({ pinnedTools: _pinned, ...server }) => server,
              ),
            ),
          addOAuthDemoServer: () => {
            edit((state) => composer.addOAuthDemoServer(state, newId, options.origin));
            return get().composer.servers.at(-1)?.id ?? "";
          },
          updateServer: (serverId, patch) =>
            edit((state) =>
              composer.updateServer(state, serverId, (server) => ({ ...server, ...patch })),
            ),
          removeServer: (serverId) => edit((state) => composer.removeServer(state, serverId)),
          moveServer: (serverId, offset) =>
            edit((state) => composer.moveServer(state, serverId, offset)),
          duplicateServer: (serverId) =>
            edit((state) => composer.duplicateServer(state, serverId, newId)),
          applyPattern: (serverId, pattern) =>
            edit((state) => {
              const next = composer.updateServer(state, serverId, (server) =>
                applyPattern(server, pattern),
              );
              // Deferred tools only surface through tool search: the mixed pattern brings one.
              return pattern === "mixed" && next.toolSearch === "none"
                ? { ...next, toolSearch: "regex" }
                : next;
            }),
          addConfigRow: (serverId) => {
            edit((state) => composer.addConfigRow(state, serverId, newId));
            return (
              get()
                .composer.servers.find((server) => server.id === serverId)
                ?.configs.at(-1)?.id ?? ""
            );
          },
          updateConfigRow: (serverId, rowId, patch) =>
            edit((state) => composer.updateConfigRow(state, serverId, rowId, patch)),
          removeConfigRow: (serverId, rowId) =>
            edit((state) => composer.removeConfigRow(state, serverId, rowId)),
          upgradeBeta: () => edit(composer.upgradeBeta),
          setRememberTokens: (rememberTokens) => set({ rememberTokens }),
          setTheme: (theme) => set({ theme }),
          replaceComposer: (state) => set({ composer: state }),
          resetComposer: () =>
            set({ composer: composer.createDefaultState(newId, options.origin) }),
          dismissRestoreError: () => set({ restoreError: null }),
          setTarget: (target) => set({ target }),
          setBrowserApiKey: (browserApiKey) => set({ browserApiKey }),
          send: async () => {
            const previous = get().run;
            if (previous.status === "sending") previous.controller.abort();
            const controller = new AbortController();
            // Signed-in servers whose token ran out get a fresh one first.
            if (serversDueForRefresh(get(), now()).length) await get().ensureFreshTokens();
            const { target, browserApiKey, composer: sentComposer } = get();
            const request = buildRequest(sentComposer);
            const startedAt = now();
            set({
              run: { status: "sending", startedAt, controller, snapshot: null },
            });
            const isCurrent = () => {
              const current = get().run;
              return current.status === "sending" && current.controller === controller;
            };
            const showProgress = throttled((snapshot: StreamSnapshot) => {
              const current = get().run;
              if (isCurrent() && current.status === "sending")
                set({ run: { ...current, snapshot } });
            });
            const outcome = await (options.send ?? sendMessages)(request, {
              target,
              apiKey: browserApiKey || undefined,
              signal: controller.signal,
              onProgress: showProgress,
            });
            showProgress.cancel();
            const runId = newId();
            const record = createRunRecord(runId, startedAt, sentComposer, outcome);
            set((store) => ({ history: addRun(store.history, record) }));
            saveHistory();
            // A newer Send took over: its answer, not this one, belongs on screen.
            if (!isCurrent()) return;
            set({ run: { status: "done", outcome, request, runId } });
          },
          continueConversation: () => {
            const run = get().run;
            if (run.status !== "done" || !run.outcome.ok) return;
            const answer = run.outcome.message.content;
            edit((state) =>
              conversation.continueConversation(state, run.request.messages, answer, newId),
            );
            set({ run: { status: "idle" } });
          },
          editTurn: (turnId, text) =>
            edit((state) => conversation.editTurnText(state, turnId, text)),
          removeTurn: (turnId) => edit((state) => conversation.removeTurn(state, turnId)),
          rerunFrom: async (turnId) => {
            const rewound = conversation.rewindToTurn(get().composer, turnId);
            if (!rewound) return;
            set({ composer: rewound });
            await get().send();
          },
          clearConversation: () => edit(conversation.clearConversation),
          loadHistory: () => {
            let saved: string | null = null;
            try {
              saved = historyStorage()?.getItem(HISTORY_STORAGE_KEY) ?? null;
            } catch {
              set({ historyNotice: "The run history could not be read from this browser." });
              return;
            }
            const { runs, dropped } = parseHistory(saved);
            set({
              history: runs,
              historyNotice:
                dropped > 0
                  ? `${dropped} saved run${dropped === 1 ? " was" : "s were"} damaged and left out of the history.`
                  : null,
            });
          },
          reopenRun: (runId) => {
            const record = get().history.find((entry) => entry.id === runId);
            if (!record) return;
            const current = get().run;
            if (current.status === "sending") current.controller.abort();
            set({
              composer: reopenComposer(record, get().composer),
              run: { status: "done", outcome: record.outcome, request: runRequest(record), runId },
            });
          },
          deleteRun: (runId) => {
            set((store) => ({ history: store.history.filter((entry) => entry.id !== runId) }));
            saveHistory();
          },
          deleteAllRuns: () => {
            set({ history: [], historyNotice: null });
            try {
              historyStorage()?.removeItem(HISTORY_STORAGE_KEY);
            } catch {
              set({ historyNotice: "The saved history could not be removed from this browser." });
            }
          },
          discover: async (serverId) => {
            if (serversDueForRefresh(get(), now(), [serverId]).length)
              await get().ensureFreshTokens([serverId]);
            const server = get().composer.servers.find((candidate) => candidate.id === serverId);
            if (!server) return;
            const key = discoveryKey(server);
            const previous = get().discoveries[serverId];
            if (previous?.status === "loading") previous.controller.abort();
            const controller = new AbortController();
            const setDiscovery = (state: DiscoveryState) =>
              set((store) => ({ discoveries: { ...store.discoveries, [serverId]: state } }));
            setDiscovery({
              status: "loading",
              key,
              startedAt: Date.now(),
              controller,
              previous:
                previous?.status === "ok"
                  ? previous.result
                  : previous?.status === "loading"
                    ? previous.previous
                    : undefined,
            });
            const outcome = await (options.discover ?? requestDiscovery)(
              server.url,
              server.authorizationToken,
              {
                signal: controller.signal,
              },
            );
            const current = get().discoveries[serverId];
            if (current?.status === "loading" && current.controller !== controller) return;
            setDiscovery(
              outcome.ok
                ? { status: "ok", key, at: Date.now(), result: outcome.result }
                : {
                    status: "error",
                    key,
                    at: Date.now(),
                    kind: outcome.kind,
                    message: outcome.message,
                    challenge: outcome.challenge,
                  },
            );
          },
          toggleTool: (serverId, tool, flag) =>
            edit((state) =>
              composer.updateServer(state, serverId, (server) =>
                toggleToolFlag(server, tool, flag, newId),
              ),
            ),
          cancel: () => {
            const run = get().run;
            if (run.status === "sending") run.controller.abort();
          },
        };
      },
      {
        name: STORAGE_KEY,
        version: STORAGE_VERSION,
        storage: savedOnChange(() => options.storage ?? localStorage),
        skipHydration: true,
        partialize: (store): PersistedComposer => ({
          composer: store.composer,
          rememberTokens: store.rememberTokens,
          theme: store.theme,
          target: store.target,
          ...(store.rememberTokens ? { oauthSessions: sessionsOf(store.signIns) } : {}),
        }),
        merge: (persisted, current) => mergePersisted(persisted, current),
      },
    ),
  );
}

/**
 * zustand's persist writes after every update; most (each streamed event, each discovery) change
 * nothing that is saved, so a write happens only when a saved field changed. Tokens are stripped
 * here, on the way out, unless the person asked to remember them.
 */
function savedOnChange(storage: () => StateStorage): PersistStorage<PersistedComposer> {
  const json = createJSONStorage<PersistedComposer>(storage);
  if (!json) throw new Error("composer store: no storage");
  let last: PersistedComposer | null = null;
  return {
    getItem: json.getItem,
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
        : { ...saved, composer: composer.withoutTokens(saved.composer) };
      return json.setItem(name, { ...value, state });
    },
  };
}

const hydratedStores = new WeakSet<ComposerStoreApi>();

/**
 * Reads the saved composer and history, once per store: React runs mount effects twice in
 * development, and a second read would replace the state with what the first one wrote since
 * (without the demo token).
 */
export function hydrateStore(store: ComposerStoreApi): void {
  if (hydratedStores.has(store)) return;
  hydratedStores.add(store);
  void store.persist.rehydrate();
  store.getState().loadHistory();
}

/** Saved state is untrusted: a value that fails the schema is dropped, and the person told. */
export function mergePersisted(persisted: unknown, current: ComposerStore): ComposerStore {
  if (persisted === undefined || persisted === null) return current;
  const shape = persistedShape.safeParse(persisted);
  if (!shape.success) {
    return {
      ...current,
      restoreError: "The saved composer state could not be read, so the defaults are shown.",
    };
  }
  const restored = parseComposerState(shape.data.composer);
  const sessions = z.record(z.string(), oauthSessionSchema).safeParse(shape.data.oauthSessions);
  const signIns =
    restored.success && sessions.success
      ? Object.fromEntries(
          Object.entries(sessions.data)
            .filter(([serverId]) => restored.data.servers.some((server) => server.id === serverId))
            .map(([serverId, session]) => [
              serverId,
              { status: "signed-in" as const, session, steps: [], failure: null },
            ]),
        )
      : current.signIns;
  return {
    ...current,
    signIns,
    rememberTokens: shape.data.rememberTokens ?? current.rememberTokens,
    theme: shape.data.theme ?? current.theme,
    target: shape.data.target ?? current.target,
    ...(restored.success
      ? { composer: restored.data }
      : { restoreError: "The saved composer state could not be read, so the defaults are shown." }),
  };
}

export type ComposerStoreApi = ReturnType<typeof createComposerStore>;

/** The sessions of the sign-ins, as one object per `signIns` value (so saving sees no change). */
const sessionsCache = new WeakMap<object, Record<string, OAuthSession>>();
function sessionsOf(signIns: ComposerStore["signIns"]): Record<string, OAuthSession> {
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

/**
 * Streams can bring hundreds of events a second: the screen needs far fewer updates. A timer
 * rather than requestAnimationFrame, which a busy or hidden page may hold back for seconds.
 */
function throttled<T>(
  apply: (value: T) => void,
  ms = 32,
): ((value: T) => void) & { cancel: () => void } {
  let latest: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (latest) apply(latest.value);
    latest = null;
  };
  const call = (value: T) => {
    const first = timer === null && latest === null;
    latest = { value };
    // The first event shows at once; the ones after it wait for the next tick of the throttle.
    if (first) flush();
    timer ??= setTimeout(flush, ms);
  };
  return Object.assign(call, {
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      latest = null;
    },
  });
}
