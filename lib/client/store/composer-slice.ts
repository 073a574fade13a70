// The composer slice: every edit of what the person composes, each a pure function of
// lib/request applied to the state.
import * as composer from "@/lib/domain/request/composer";
import * as conversation from "@/lib/domain/request/conversation";
import { applyPattern } from "@/lib/domain/request/patterns";
import { toggleToolFlag } from "@/lib/domain/request/tool-toggle";
import type { ComposerState } from "@/lib/domain/request/types";
import type { ComposerSlice, SliceContext } from "./store-types";

/**
 * Ids of the initial example state are fixed, so the server-rendered page and the browser agree
 * (React keeps server-rendered attributes on hydration: random ids there would go stale).
 */
function exampleIds(): composer.NewId {
  let n = 0;
  return () => `example${++n}`;
}

export function createComposerSlice({ set, get, options, newId }: SliceContext): ComposerSlice {
  const edit = (change: (state: ComposerState) => ComposerState) =>
    set((store) => ({ composer: change(store.composer) }));
  const lastServerId = () => get().composer.servers.at(-1)?.id ?? "";
  return {
    composer: composer.createDefaultState(options.newId ?? exampleIds(), options.origin),
    setField: (key, value) => edit((state) => ({ ...state, [key]: value })),
    addServer: () => {
      edit((state) => composer.addServer(state, newId));
      return lastServerId();
    },
    addDemoServer: (kind) => {
      edit((state) => composer.addDemoServer(state, newId, kind, options.origin));
      return lastServerId();
    },
    loadDeferredToolsDemo: () =>
      import("@/lib/domain/request/demo-states").then(({ createDeferredToolsDemo }) =>
        set({ composer: createDeferredToolsDemo(newId, options.origin) }),
      ),
    updateServer: (serverId, patch) =>
      edit((state) =>
        composer.updateServer(state, serverId, (server) => ({ ...server, ...patch })),
      ),
    removeServer: (serverId) => edit((state) => composer.removeServer(state, serverId)),
    moveServer: (serverId, offset) => edit((state) => composer.moveServer(state, serverId, offset)),
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
    toggleTool: (serverId, tool, flag) =>
      edit((state) =>
        composer.updateServer(state, serverId, (server) =>
          toggleToolFlag(server, tool, flag, newId),
        ),
      ),
    upgradeBeta: () => edit(composer.upgradeBeta),
    replaceComposer: (state) => set({ composer: state }),
    resetComposer: () => set({ composer: composer.createDefaultState(newId, options.origin) }),
    editTurn: (turnId, text) => edit((state) => conversation.editTurnText(state, turnId, text)),
    removeTurn: (turnId) => edit((state) => conversation.removeTurn(state, turnId)),
    clearConversation: () => edit(conversation.clearConversation),
  };
}
