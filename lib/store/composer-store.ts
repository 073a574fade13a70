// The composer's zustand store (vanilla, so it is created per mount and never shared across server
// requests). Persistence keeps the last state in localStorage; tokens only when the person asks.
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
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
import { buildRequest } from "../request/build-request";
import { requestDiscovery, type DiscoveredServer } from "../api/discover-client";
import { toggleToolFlag, type ToolFlag } from "../request/tool-toggle";

export { STORAGE_KEY };

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_VERSION = 1;

export type RunState =
  | { status: "idle" }
  | { status: "sending"; startedAt: number; controller: AbortController }
  | { status: "done"; outcome: SendOutcome };

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
  | { status: "error"; key: string; at: number; kind: string; message: string };

export function discoveryKey(server: Pick<ServerDraft, "url" | "authorizationToken">): string {
  return `${server.url}\n${server.authorizationToken}`;
}

export interface ComposerStore {
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

  setField: <K extends "model" | "maxTokens" | "system" | "message" | "beta" | "toolSearch">(
    key: K,
    value: ComposerState[K],
  ) => void;
  addServer: () => string;
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
}

export interface CreateComposerStoreOptions {
  newId?: composer.NewId;
  /** The app's origin: the demo MCP servers of the example state live there. */
  origin?: string;
  send?: typeof sendMessages;
  discover?: typeof requestDiscovery;
  /** Where to keep the state; localStorage by default. */
  storage?: StateStorage;
}

export type PersistedComposer = Pick<
  ComposerStore,
  "composer" | "rememberTokens" | "theme" | "target"
>;

const persistedShape = z.object({
  composer: z.unknown(),
  rememberTokens: z.boolean().optional(),
  theme: z.enum(THEMES).optional(),
  target: z.enum(TARGETS).optional(),
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
  return createStore<ComposerStore>()(
    persist(
      (set, get) => {
        const edit = (change: (state: ComposerState) => ComposerState) =>
          set((store) => ({ composer: change(store.composer) }));
        return {
          composer: composer.createDefaultState(options.newId ?? exampleIds(), options.origin),
          rememberTokens: false,
          theme: "system",
          target: "emulator",
          browserApiKey: "",
          run: { status: "idle" },
          discoveries: {},
          restoreError: null,

          setField: (key, value) => edit((state) => ({ ...state, [key]: value })),
          addServer: () => {
            edit((state) => composer.addServer(state, newId));
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
            const { target, browserApiKey } = get();
            set({ run: { status: "sending", startedAt: Date.now(), controller } });
            const outcome = await (options.send ?? sendMessages)(buildRequest(get().composer), {
              target,
              apiKey: browserApiKey || undefined,
              signal: controller.signal,
            });
            const current = get().run;
            // A newer Send took over: its answer, not this one, belongs on screen.
            if (current.status === "sending" && current.controller !== controller) return;
            set({ run: { status: "done", outcome } });
          },
          discover: async (serverId) => {
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
        storage: createJSONStorage(() => options.storage ?? localStorage),
        skipHydration: true,
        partialize: (store): PersistedComposer => ({
          composer: store.rememberTokens ? store.composer : composer.withoutTokens(store.composer),
          rememberTokens: store.rememberTokens,
          theme: store.theme,
          target: store.target,
        }),
        merge: (persisted, current) => mergePersisted(persisted, current),
      },
    ),
  );
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
  return {
    ...current,
    rememberTokens: shape.data.rememberTokens ?? current.rememberTokens,
    theme: shape.data.theme ?? current.theme,
    target: shape.data.target ?? current.target,
    ...(restored.success
      ? { composer: restored.data }
      : { restoreError: "The saved composer state could not be read, so the defaults are shown." }),
  };
}

export type ComposerStoreApi = ReturnType<typeof createComposerStore>;
