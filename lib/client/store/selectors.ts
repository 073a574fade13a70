// Named selectors over the app's store: components ask for what they show by name
// (`useAppStore(selectDiscovery(serverId))`) instead of re-deriving it inline. Each returns a value
// held in the store (or a primitive), so zustand's equality check keeps renders to real changes.
import type { ComposerState, ServerDraft, ToolInfo } from "@/lib/domain/request/types";
import type { DiscoveryFailure } from "@/lib/domain/request/preview";
import { composerFingerprint } from "@/lib/domain/workspace/fingerprint";
import {
  resolveComposer,
  variableValues,
  type ResolvedComposer,
} from "@/lib/domain/workspace/variables";
import type { AppStore, DiscoveryState } from "./store-types";

type Selector<T> = (store: AppStore) => T;

export const selectComposer: Selector<AppStore["composer"]> = (store) => store.composer;
export const selectServers: Selector<readonly ServerDraft[]> = (store) => store.composer.servers;
export const selectTarget: Selector<AppStore["target"]> = (store) => store.target;
export const selectIsSending: Selector<boolean> = (store) => store.run.status === "sending";

export function selectServer(serverId: string): Selector<ServerDraft | undefined> {
  return (store) => store.composer.servers.find((server) => server.id === serverId);
}

const NO_VALUES: ReadonlyMap<string, string> = new Map();
let lastValues: {
  active: AppStore["activeEnvironment"];
  secrets: AppStore["environmentSecrets"];
  values: ReadonlyMap<string, string>;
} | null = null;

/** The values `{{NAME}}` resolves to; the same map until the environment or a secret changes. */
export const selectVariableValues: Selector<ReadonlyMap<string, string>> = (store) => {
  const active = store.activeEnvironment;
  if (!active) return NO_VALUES;
  const secrets = store.environmentSecrets;
  if (lastValues?.active !== active || lastValues.secrets !== secrets) {
    lastValues = {
      active,
      secrets,
      values: variableValues(active.variables, active.environment?.variables ?? [], secrets),
    };
  }
  return lastValues.values;
};

/** The composer as it is sent: its placeholders resolved with the active environment. */
export const selectResolvedComposer: Selector<ResolvedComposer> = (store) =>
  resolveComposer(store.composer, selectVariableValues(store));

/** What a discovery was made with: a new URL or token makes it stale. */
export function discoveryKey(server: Pick<ServerDraft, "url" | "authorizationToken">): string {
  return `${server.url}\n${server.authorizationToken}`;
}

/** A discovery made with the URL and token the server has now (an older one no longer applies). */
export function currentDiscovery(
  discovery: DiscoveryState | undefined,
  server: Pick<ServerDraft, "url" | "authorizationToken">,
): DiscoveryState | undefined {
  return discovery?.key === discoveryKey(server) ? discovery : undefined;
}

/** The server's current discovery, whatever its status; undefined before one or once stale. */
export function selectDiscovery(serverId: string): Selector<DiscoveryState | undefined> {
  return (store) => {
    const servers = selectResolvedComposer(store).state.servers;
    const server = servers.find((candidate) => candidate.id === serverId);
    return server ? currentDiscovery(store.discoveries[serverId], server) : undefined;
  };
}

/** The server's current discovery when it succeeded. */
export function selectDiscovered(
  serverId: string,
): Selector<Extract<DiscoveryState, { status: "ok" }> | undefined> {
  return (store) => {
    const discovery = selectDiscovery(serverId)(store);
    return discovery?.status === "ok" ? discovery : undefined;
  };
}

/** Whether the server's current discovery was refused for want of a (valid) token. */
export function selectRefusedUnauthorized(serverId: string): Selector<boolean> {
  return (store) => {
    const discovery = selectDiscovery(serverId)(store);
    return discovery?.status === "error" && discovery.kind === "unauthorized";
  };
}

/**
 * A 401 from a server that advertises OAuth (a `resource_metadata` in its WWW-Authenticate, RFC
 * 9728): only then can a sign-in work, so only then is it offered.
 */
export function selectOffersSignIn(serverId: string): Selector<boolean> {
  return (store) => {
    const discovery = selectDiscovery(serverId)(store);
    return (
      discovery?.status === "error" &&
      discovery.kind === "unauthorized" &&
      Boolean(discovery.challenge?.resourceMetadataUrl)
    );
  };
}

/**
 * The tools known for each server as the composer stands: the current discovery's, or while a
 * new one runs, the list it replaces.
 */
export function discoveredToolsByServer(
  servers: readonly ServerDraft[],
  discoveries: AppStore["discoveries"],
): Record<string, readonly ToolInfo[]> {
  const tools: Record<string, readonly ToolInfo[]> = {};
  for (const server of servers) {
    const discovery = currentDiscovery(discoveries[server.id], server);
    if (discovery?.status === "ok") tools[server.id] = discovery.result.tools;
    else if (discovery?.status === "loading" && discovery.previous)
      tools[server.id] = discovery.previous.tools;
  }
  return tools;
}

/** Each server whose current discovery failed, by server id (what the problems list names). */
export function discoveryFailuresByServer(
  servers: readonly ServerDraft[],
  discoveries: AppStore["discoveries"],
): Record<string, DiscoveryFailure> {
  const failures: Record<string, DiscoveryFailure> = {};
  for (const server of servers) {
    const discovery = currentDiscovery(discoveries[server.id], server);
    if (discovery?.status === "error")
      failures[server.id] = { kind: discovery.kind, message: discovery.message };
  }
  return failures;
}

export function selectSignIn(serverId: string): Selector<AppStore["signIns"][string] | undefined> {
  return (store) => store.signIns[serverId];
}

export function selectSigningIn(serverId: string): Selector<boolean> {
  return (store) => store.signIns[serverId] !== undefined;
}

/** Each composer state's fingerprint, made once however many components ask. */
const fingerprints = new WeakMap<ComposerState, string>();
function fingerprintOf(composer: ComposerState): string {
  let fingerprint = fingerprints.get(composer);
  if (fingerprint === undefined) {
    fingerprint = composerFingerprint(composer);
    fingerprints.set(composer, fingerprint);
  }
  return fingerprint;
}

/** The composer holds a saved request and differs from what was saved (tokens aside). */
export const selectHasUnsavedChanges: Selector<boolean> = (store) =>
  store.openRequest !== null && store.openRequest.fingerprint !== fingerprintOf(store.composer);
