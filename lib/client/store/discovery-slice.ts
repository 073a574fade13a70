// The discovery slice: each server's real tools (the discovery client and its schemas load with
// the first discovery), and pinning a discovered list.
import type { requestDiscovery } from "@/lib/client/api/discover-client";
import * as composer from "@/lib/domain/request/composer";
import { pinFromDiscovery } from "@/lib/domain/request/pin-drift";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import { serversDueForRefresh } from "./oauth-state";
import { discoveryKey, selectResolvedComposer } from "./selectors";
import type { DiscoverySlice, DiscoveryState, SliceContext } from "./store-types";

const loadDiscovery: typeof requestDiscovery = async (...args) => {
  const client = await import("@/lib/client/api/discover-client").catch(() => null);
  if (!client) return { ok: false, kind: "app_load_error", message: LOAD_FAILED_MESSAGE };
  return client.requestDiscovery(...args);
};

export function createDiscoverySlice({
  set,
  get,
  options,
  now,
  newId,
}: SliceContext): DiscoverySlice {
  const discover = options.discover ?? loadDiscovery;
  return {
    discoveries: {},
    discover: async (serverId) => {
      if (serversDueForRefresh(get(), now(), [serverId]).length)
        await get().ensureFreshTokens([serverId]);
      // Discovered as it would be sent: with the active environment's values.
      const server = selectResolvedComposer(get()).state.servers.find(
        (candidate) => candidate.id === serverId,
      );
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
      const outcome = await discover(server.url, server.authorizationToken, {
        signal: controller.signal,
      });
      // An imported "read-only tools" allowlist becomes explicit once the tools are known (its
      // code loads only then: few servers have one).
      const readOnly =
        outcome.ok && server.readOnlyAllowlist
          ? await import("@/lib/domain/request/read-only-allowlist").catch(() => null)
          : null;
      const current = get().discoveries[serverId];
      if (current?.status === "loading" && current.controller !== controller) return;
      // A card still under its made-up name ("server", "server-2") takes the server's own. Only
      // then is the composer written: a write that changes nothing would still be an edit (it
      // would clear the undo history's redo).
      const suggested = outcome.ok ? outcome.result.suggestedName : undefined;
      const card = get().composer.servers.find((draft) => draft.id === serverId);
      if (suggested && card && composer.hasMadeUpName(card))
        set((store) => ({
          composer: composer.updateServer(store.composer, serverId, (draft) =>
            composer.hasMadeUpName(draft)
              ? {
                  ...draft,
                  name: composer.uniqueServerName(
                    suggested,
                    store.composer.servers.filter((other) => other.id !== serverId),
                  ),
                }
              : draft,
          ),
        }));
      if (outcome.ok && readOnly)
        set((store) => ({
          composer: composer.updateServer(store.composer, serverId, (draft) =>
            readOnly.applyReadOnlyAllowlist(draft, outcome.result.tools, newId),
          ),
        }));
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
              log: outcome.log,
            },
      );
    },
    pinTools: (serverId) => {
      const discovery = get().discoveries[serverId];
      if (discovery?.status !== "ok") return;
      const pinned = pinFromDiscovery(discovery.result.tools);
      set((store) => ({
        composer: {
          ...composer.updateServer(store.composer, serverId, (server) => ({
            ...server,
            pinnedTools: pinned,
          })),
          beta:
            store.composer.beta === "mcp-client-2025-11-20"
              ? "mcp-client-2026-09-15"
              : store.composer.beta,
        },
      }));
    },
    unpinTools: (serverId) =>
      set((store) => ({
        composer: composer.updateServer(
          store.composer,
          serverId,
          ({ pinnedTools: _pinned, ...server }) => server,
        ),
      })),
  };
}
