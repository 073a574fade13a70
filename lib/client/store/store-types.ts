import type { Environment, Variable } from "@/lib/domain/workspace/variables";
import type { DemoServerKind } from "@/lib/domain/demo/servers";
// The store's shape: one zustand store made of slices (zustand's slices pattern), each in its own
// module — composer edits, settings, the run, the history, discovery, sign-in — and the options
// they share. Types only: nothing here runs.
import type { StateStorage } from "zustand/middleware";
import type { StoreApi } from "zustand/vanilla";
import type {
  DiscoveredServer,
  DiscoveryChallenge,
  requestDiscovery,
} from "@/lib/client/api/discover-client";
import type { sendMessages } from "@/lib/client/api/send-request";
import type { SendOutcome } from "@/lib/domain/api/send-outcome";
import type { Target } from "@/lib/domain/request/targets";
import type { RunRecord } from "@/lib/domain/history/run-history";
import type { ProtocolEntry } from "@/lib/domain/protocol/log";
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import type { NewId } from "@/lib/domain/request/composer";
import type { ToolsetPattern } from "@/lib/domain/request/patterns";
import type { ToolFlag } from "@/lib/domain/request/tool-toggle";
import type { ComposerState, ServerDraft, ToolConfigDraft } from "@/lib/domain/request/types";
import type { StreamSnapshot } from "@/lib/domain/stream/accumulate";
import type { OAuthDependencies, OAuthSlice } from "./oauth-state";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

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

export type HistoryStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

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
      /** What the discovery exchanged with the server (the card's protocol log). */
      log?: ProtocolEntry[];
    };

export interface ComposerSlice {
  composer: ComposerState;
  setField: <
    K extends
      | "model"
      | "maxTokens"
      | "system"
      | "message"
      | "stream"
      | "beta"
      | "toolSearch"
      | "checks"
      | "options"
      // The conversation editor's tool changes write the turns whole (their edits are pure).
      | "conversation",
  >(
    key: K,
    value: ComposerState[K],
  ) => void;
  addServer: () => string;
  /** Adds the OAuth-protected demo server (lib/server/demo-mcp/notes-server.ts). */
  /** One of the app's demo servers (calendar, tasks, catalog, notes, bulk); returns its id. */
  addDemoServer: (kind: DemoServerKind) => string;
  /** Replaces the composer with the deferred-tools demo: the catalog behind BM25 tool search. */
  /** Loads the demo state (its module on first use). */
  loadDeferredToolsDemo: () => Promise<void>;
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
  toggleTool: (serverId: string, tool: string, flag: ToolFlag) => void;
  upgradeBeta: () => void;
  replaceComposer: (state: ComposerState) => void;
  resetComposer: () => void;
  editTurn: (turnId: string, text: string) => void;
  removeTurn: (turnId: string) => void;
  clearConversation: () => void;
}

export interface SettingsSlice {
  rememberTokens: boolean;
  theme: Theme;
  /** Where Send goes. Persisted; the key pasted for it is not (memory of this tab only). */
  target: Target;
  browserApiKey: string;
  /** Set when a saved state could not be read; shown once, then cleared. */
  restoreError: string | null;
  setRememberTokens: (remember: boolean) => void;
  setTheme: (theme: Theme) => void;
  setTarget: (target: Target) => void;
  setBrowserApiKey: (key: string) => void;
  dismissRestoreError: () => void;
}

export interface RunSlice {
  run: RunState;
  /** Sends the built request through our route; a newer send supersedes an older one. */
  send: () => Promise<void>;
  cancel: () => void;
  /** Turns the shown response into the conversation's last turn and empties the message box. */
  continueConversation: () => void;
  /** Back to a user turn (later turns dropped, its text in the message box), then Send. */
  rerunFrom: (turnId: string) => Promise<void>;
}

export interface HistorySlice {
  /** Every run, newest first, kept in the browser (see lib/history). */
  history: RunRecord[];
  /** Why the history could not be read or saved, in words; null when all is well. */
  historyNotice: string | null;
  /** Reads the saved history (its schemas load with it). */
  loadHistory: () => Promise<void>;
  /** Adds a finished run at the front and saves. */
  recordRun: (record: RunRecord) => void;
  reopenRun: (runId: string) => void;
  deleteRun: (runId: string) => void;
  deleteAllRuns: () => void;
}

export interface DiscoverySlice {
  /** By server id; kept in memory only. */
  discoveries: Record<string, DiscoveryState>;
  discover: (serverId: string) => Promise<void>;
  /** Pins the server's discovered tool list (and selects mcp-client-2026-09-15, which it needs). */
  pinTools: (serverId: string) => void;
  unpinTools: (serverId: string) => void;
}

/** The saved request the composer was loaded from or saved as. */
export interface OpenRequest {
  id: string;
  collectionId: string;
  name: string;
  /** composerFingerprint of the composer when it was saved or loaded. */
  fingerprint: string;
}

/** Servers of a configuration just opened that lost their token or URL parts on the way. */
export interface SecretsPrompt {
  tokenServerIds: string[];
  urlPartServerIds: string[];
}

/** The variables `{{NAME}}` resolves from: a collection's, and one of its environments. */
export interface ActiveEnvironment {
  collectionId: string;
  collectionName: string;
  /** The collection's own variables (under every environment). */
  variables: Variable[];
  /** The chosen environment; null for the collection's variables alone. */
  environment: Environment | null;
  /** Every environment of the collection (to switch between them). */
  environments: Environment[];
}

export interface WorkspaceSlice {
  activeEnvironment: ActiveEnvironment | null;
  /** Kept in this browser (the server holds their names only); secret values are not. */
  setActiveEnvironment: (environment: ActiveEnvironment | null) => void;
  /** Secret variables' values, by name, for this tab only: never stored, sent or shared. */
  environmentSecrets: Readonly<Record<string, string>>;
  setEnvironmentSecret: (name: string, value: string) => void;
  openRequest: OpenRequest | null;
  setOpenRequest: (openRequest: OpenRequest | null) => void;
  /** Reads the open request kept in this browser (at hydration). */
  restoreOpenRequest: () => void;
  secretsPrompt: SecretsPrompt | null;
  askForSecrets: (prompt: SecretsPrompt) => void;
  dismissSecretsPrompt: (part: "tokens" | "urlParts") => void;
}

export type AppStore = ComposerSlice &
  SettingsSlice &
  RunSlice &
  HistorySlice &
  DiscoverySlice &
  OAuthSlice &
  WorkspaceSlice;

export interface CreateAppStoreOptions {
  newId?: NewId;
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

export type StoreSet = StoreApi<AppStore>["setState"];
export type StoreGet = StoreApi<AppStore>["getState"];

/** What every slice is made with. */
export interface SliceContext {
  set: StoreSet;
  get: StoreGet;
  options: CreateAppStoreOptions;
  newId: NewId;
  now: () => number;
}
