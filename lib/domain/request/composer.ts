// Pure edits of the composer state. The store calls these; tests call them directly. Ids come
// from the caller so the functions stay deterministic.
import { withoutUrlSecrets } from "./url-secrets";
import type { ComposerState, ServerDraft, ToolConfigDraft } from "./types";
import { CURRENT_MCP_BETA } from "./types";
import { DEMO_TASKS_TOKEN } from "@/lib/domain/demo/token";
import { demoServerFields, type DemoServerKind } from "@/lib/domain/demo/servers";

export type NewId = () => string;

export function createServer(
  newId: NewId,
  fields: Partial<Omit<ServerDraft, "id">> = {},
): ServerDraft {
  return {
    id: newId(),
    name: "",
    url: "",
    authorizationToken: "",
    defaultConfig: {},
    configs: [],
    cacheTtl: "none",
    ...fields,
  };
}

export function createConfigRow(
  newId: NewId,
  fields: Partial<Omit<ToolConfigDraft, "id">> = {},
): ToolConfigDraft {
  return { id: newId(), tool: "", ...fields };
}

/** Where the app runs when no origin is known (tests, server rendering). */
export const DEFAULT_ORIGIN = "http://localhost:3000";

/**
 * The ready demo configuration: the app's own demo MCP servers, so the first Send works on a
 * fresh start with no key and no server of one's own.
 */
export function createDefaultState(newId: NewId, origin: string = DEFAULT_ORIGIN): ComposerState {
  return {
    model: "claude-opus-4-6",
    maxTokens: 1024,
    system: "",
    conversation: [],
    message: "Use list_events to show what is on my calendar this week.",
    stream: true,
    beta: CURRENT_MCP_BETA,
    toolSearch: "none",
    servers: [
      createServer(newId, {
        ...demoServerFields("calendar", origin),
        defaultConfig: { enabled: false },
        configs: [
          createConfigRow(newId, { tool: "list_events", enabled: true }),
          createConfigRow(newId, { tool: "search_events", enabled: true }),
        ],
      }),
      createServer(newId, demoServerFields("tasks", origin)),
    ],
  };
}

/** "server", "server-2", … : the first name no other server has. */
export function uniqueServerName(
  base: string,
  servers: readonly Pick<ServerDraft, "name">[],
): string {
  const taken = new Set(servers.map((server) => server.name));
  const stem = base.replace(/-\d+$/, "") || "server";
  if (!taken.has(base) && base !== "") return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** One of the app's demo servers, as a new card (a second one of a kind gets "tasks-2"). */
export function addDemoServer(
  state: ComposerState,
  newId: NewId,
  kind: DemoServerKind,
  origin: string = DEFAULT_ORIGIN,
): ComposerState {
  const fields = demoServerFields(kind, origin);
  const server = createServer(newId, {
    ...fields,
    name: uniqueServerName(fields.name, state.servers),
  });
  return { ...state, servers: [...state.servers, server] };
}

/** The name Add server gives ("server", "server-2", …): a card still under it was not named. */
const MADE_UP_NAME = /^server(-\d+)?$/;
export function hasMadeUpName(server: Pick<ServerDraft, "name">): boolean {
  return MADE_UP_NAME.test(server.name);
}

export function addServer(state: ComposerState, newId: NewId): ComposerState {
  const server = createServer(newId, { name: uniqueServerName("server", state.servers) });
  return { ...state, servers: [...state.servers, server] };
}

export function updateServer(
  state: ComposerState,
  serverId: string,
  update: (server: ServerDraft) => ServerDraft,
): ComposerState {
  return {
    ...state,
    servers: state.servers.map((server) => (server.id === serverId ? update(server) : server)),
  };
}

export function removeServer(state: ComposerState, serverId: string): ComposerState {
  return { ...state, servers: state.servers.filter((server) => server.id !== serverId) };
}

export function moveServer(state: ComposerState, serverId: string, offset: -1 | 1): ComposerState {
  const from = state.servers.findIndex((server) => server.id === serverId);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= state.servers.length) return state;
  const servers = [...state.servers];
  const [moved] = servers.splice(from, 1);
  if (moved) servers.splice(to, 0, moved);
  return { ...state, servers };
}

/** A copy placed right after the original, with a fresh unique name and fresh row ids. */
export function duplicateServer(
  state: ComposerState,
  serverId: string,
  newId: NewId,
): ComposerState {
  const index = state.servers.findIndex((server) => server.id === serverId);
  const original = state.servers[index];
  if (!original) return state;
  const copy: ServerDraft = {
    ...original,
    id: newId(),
    name: uniqueServerName(`${original.name || "server"}-copy`, state.servers),
    defaultConfig: { ...original.defaultConfig },
    configs: original.configs.map((row) => ({ ...row, id: newId() })),
  };
  const servers = [...state.servers];
  servers.splice(index + 1, 0, copy);
  return { ...state, servers };
}

export function addConfigRow(
  state: ComposerState,
  serverId: string,
  newId: NewId,
  tool = "",
): ComposerState {
  return updateServer(state, serverId, (server) => {
    // New rows follow the pattern: on under an allowlist, off otherwise (a denylist entry).
    const enabled = server.defaultConfig.enabled === false;
    return { ...server, configs: [...server.configs, createConfigRow(newId, { tool, enabled })] };
  });
}

export function updateConfigRow(
  state: ComposerState,
  serverId: string,
  rowId: string,
  patch: Partial<Omit<ToolConfigDraft, "id">>,
): ComposerState {
  return updateServer(state, serverId, (server) => ({
    ...server,
    configs: server.configs.map((row) => (row.id === rowId ? { ...row, ...patch } : row)),
  }));
}

export function removeConfigRow(
  state: ComposerState,
  serverId: string,
  rowId: string,
): ComposerState {
  return updateServer(state, serverId, (server) => ({
    ...server,
    configs: server.configs.filter((row) => row.id !== rowId),
  }));
}

export function upgradeBeta(state: ComposerState): ComposerState {
  return { ...state, beta: CURRENT_MCP_BETA };
}

/** The state with every authorization token blanked: what is kept when tokens are not remembered. */
export function withoutTokens(state: ComposerState): ComposerState {
  return {
    ...state,
    servers: state.servers.map((server) => ({ ...server, authorizationToken: "" })),
  };
}

/**
 * The documented token of the app's own tasks demo server: not a secret (it guards nothing real),
 * so it is remembered where real tokens are not, and a reload keeps the demo working.
 */
export function isDemoToken(server: Pick<ServerDraft, "url" | "authorizationToken">): boolean {
  if (server.authorizationToken !== DEMO_TASKS_TOKEN) return false;
  try {
    return new URL(server.url).pathname === "/api/demo-mcp/tasks";
  } catch {
    return false;
  }
}

/** What the browser keeps when tokens are not remembered: no token but the demo's own. */
export function withoutTokensButDemo(state: ComposerState): ComposerState {
  return {
    ...state,
    servers: state.servers.map((server) =>
      isDemoToken(server) ? server : { ...server, authorizationToken: "" },
    ),
  };
}

/**
 * What may leave the composer (history, links): no token, and no URL credentials or query string
 * unless the person chose to keep them for that server.
 */
export function withoutSecrets(state: ComposerState): ComposerState {
  return {
    ...state,
    servers: state.servers.map((server) => ({
      ...server,
      authorizationToken: "",
      url: server.keepUrlSecrets ? server.url : withoutUrlSecrets(server.url),
    })),
  };
}
