// Variables and environments: `{{NAME}}` in a request's strings (server URLs and names, tokens,
// model, system prompt, messages) is replaced by the active environment's value, else the
// collection's. Resolution is pure and memoized per composer state and value map, so the preview
// re-resolves only when either changes. A variable marked secret keeps its value in the browser:
// the server stores its name only. The runner (issue M) resolves the same placeholders in a
// collection file's raw params with `resolveStrings`. (Names and secrets: variable-names.ts, kept
// apart so the page's first load carries only resolution.)
import type { ComposerState, ConversationTurn } from "@/lib/domain/request/types";
import type { Environment, Variable } from "./variable-names";

export type { Environment, Variable };

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]{0,127})\s*\}\}/g;

/** The placeholder names in a text, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

export type Lookup = (name: string) => string | undefined;

/**
 * Every string inside a JSON value with its placeholders replaced; `missing` collects the names
 * the lookup had no (or an empty) value for, which are left as written.
 */
export function resolveStrings<T>(value: T, lookup: Lookup, missing: Set<string>): T {
  if (typeof value === "string") return substitute(value, lookup, missing) as T;
  if (Array.isArray(value))
    return (value as unknown[]).map((item) => resolveStrings(item, lookup, missing)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveStrings(item, lookup, missing)]),
    ) as T;
  }
  return value;
}

function substitute(text: string, lookup: Lookup, missing: Set<string>): string {
  if (!text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const found = lookup(name);
    if (found === undefined || found === "") {
      missing.add(name);
      return whole;
    }
    return found;
  });
}

/** The values in force: the environment's over the collection's; secrets from the browser. */
export function variableValues(
  collection: readonly Variable[],
  environment: readonly Variable[],
  secretValues: Readonly<Record<string, string>> = {},
): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  for (const variable of [...collection, ...environment]) {
    const value = variable.secret ? secretValues[variable.name] : variable.value;
    // An environment's empty value does not hide the collection's.
    if (value) values.set(variable.name, value);
    else if (!values.has(variable.name)) values.set(variable.name, "");
  }
  return values;
}

export interface Unresolved {
  name: string;
  /** Where it was found, as a path into the composer (servers.0.url, message, …). */
  where: string;
}

export interface ResolvedComposer {
  state: ComposerState;
  /** Placeholder names that were replaced. */
  used: string[];
  unresolved: Unresolved[];
}

const EMPTY_VALUES: ReadonlyMap<string, string> = new Map();
const resolved = new WeakMap<
  ComposerState,
  WeakMap<ReadonlyMap<string, string>, ResolvedComposer>
>();

/**
 * The composer with its placeholders resolved. The same state and value map give the same
 * object (and a state without placeholders is returned as it is), so nothing downstream redoes
 * its work when nothing changed.
 */
export function resolveComposer(
  state: ComposerState,
  values: ReadonlyMap<string, string> = EMPTY_VALUES,
): ResolvedComposer {
  let byValues = resolved.get(state);
  if (!byValues) resolved.set(state, (byValues = new WeakMap()));
  let result = byValues.get(values);
  if (!result) byValues.set(values, (result = resolveOnce(state, values)));
  return result;
}

function resolveOnce(state: ComposerState, values: ReadonlyMap<string, string>): ResolvedComposer {
  const used = new Set<string>();
  const unresolved: Unresolved[] = [];
  const lookup: Lookup = (name) => {
    const value = values.get(name);
    if (value) used.add(name);
    return value;
  };
  const at = <T>(value: T, where: string): T => {
    const missing = new Set<string>();
    const out = resolveStrings(value, lookup, missing);
    for (const name of missing) unresolved.push({ name, where });
    return out;
  };
  const servers = state.servers.map((server, index) => {
    const url = at(server.url, `servers.${index}.url`);
    const name = at(server.name, `servers.${index}.name`);
    const authorizationToken = at(server.authorizationToken, `servers.${index}.authorizationToken`);
    return url === server.url &&
      name === server.name &&
      authorizationToken === server.authorizationToken
      ? server
      : { ...server, url, name, authorizationToken };
  });
  const conversation = state.conversation.map((turn, index): ConversationTurn => {
    const next = at(turn, `conversation.${index}`);
    return JSON.stringify(next) === JSON.stringify(turn) ? turn : next;
  });
  const next: ComposerState = {
    ...state,
    model: at(state.model, "model"),
    system: at(state.system, "system"),
    message: at(state.message, "message"),
    conversation,
    servers,
  };
  const changed =
    next.model !== state.model ||
    next.system !== state.system ||
    next.message !== state.message ||
    servers.some((server, index) => server !== state.servers[index]) ||
    conversation.some((turn, index) => turn !== state.conversation[index]);
  return { state: changed ? next : state, used: [...used], unresolved };
}
