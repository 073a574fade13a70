import "server-only";
// The emulator's deterministic "model": it reads the last user message and decides which MCP
// tools to call. Pure: it sees the tools the toolsets leave visible and nothing else.
import { argumentsFromSchema } from "./tool-arguments";

export interface ToolView {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

export type UnavailableReason = "disabled" | "deferred" | "not_listed" | "no_server";

export interface ServerView {
  name: string;
  /** Enabled and not deferred (or surfaced by a search earlier): the model can call these. */
  callable: ToolView[];
  /** Enabled and deferred: a tool search can surface them. */
  deferred: ToolView[];
  disabled: string[];
}

/** A tool search the model runs; `target` is the deferred tool it looks for, to call if found. */
export interface PlannedSearch {
  text: string;
  /** From `search … limit=N` (1–10,000); the API's default of 5 otherwise. */
  limit?: number;
  target?: { server: string; tool: string; input?: Record<string, unknown> };
}

export interface PlannedCall {
  server: string;
  tool: string;
  input: Record<string, unknown>;
}

export interface Unavailable {
  server: string;
  tool: string;
  reason: UnavailableReason;
}

export type TurnPlan =
  | {
      kind: "calls";
      calls: PlannedCall[];
      searches: PlannedSearch[];
      unavailable: Unavailable[];
      parseErrors: string[];
    }
  | { kind: "overview" };

export interface PlanOptions {
  /** The request has a tool search tool: deferred tools can be searched for, then called. */
  canSearch?: boolean;
}

const CALL_LINE = /^\s*call\s+([^\s.]+)\.(\S+)(?:\s+(.*))?$/i;
const SEARCH_LINE = /^\s*search\s+(.+?)\s*$/i;

export function planTurn(
  message: string,
  servers: readonly ServerView[],
  options: PlanOptions = {},
): TurnPlan {
  const explicit = planExplicitCalls(message, servers, options);
  if (explicit) return explicit;
  const mentioned = planMentionedTools(message, servers, options);
  if (mentioned) return mentioned;
  return { kind: "overview" };
}

function planExplicitCalls(
  message: string,
  servers: readonly ServerView[],
  options: PlanOptions,
): TurnPlan | null {
  // `search …` is a directive only when there is a tool search tool; otherwise it is just words.
  const lines = message
    .split(/\r?\n/)
    .filter(
      (line) => CALL_LINE.test(line) || (options.canSearch === true && SEARCH_LINE.test(line)),
    );
  if (lines.length === 0) return null;
  const plan = {
    kind: "calls" as const,
    calls: [] as PlannedCall[],
    searches: [] as PlannedSearch[],
    unavailable: [] as Unavailable[],
    parseErrors: [] as string[],
  };
  for (const line of lines) {
    const search = CALL_LINE.test(line) ? null : SEARCH_LINE.exec(line);
    if (search) {
      const [, text = "", limit] = /^(.*?)(?:\s+limit\s*=?\s*(\d+))?$/i.exec(search[1] ?? "") ?? [];
      plan.searches.push({ text, ...(limit ? { limit: Number(limit) } : {}) });
      continue;
    }
    const [, server = "", tool = "", rawArgs] = CALL_LINE.exec(line) ?? [];
    let input: Record<string, unknown> | undefined;
    if (rawArgs?.trim()) {
      try {
        const parsed: unknown = JSON.parse(rawArgs);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
          throw new Error("not an object");
        input = parsed as Record<string, unknown>;
      } catch {
        plan.parseErrors.push(
          `The arguments of \`call ${server}.${tool}\` are not a JSON object: ${rawArgs.trim()}`,
        );
        continue;
      }
    }
    const view = servers.find((candidate) => candidate.name === server);
    const found = view?.callable.find((candidate) => candidate.name === tool);
    const deferred = view?.deferred.find((candidate) => candidate.name === tool);
    if (view && found) {
      plan.calls.push({ server, tool, input: input ?? argumentsFromSchema(found.inputSchema) });
    } else if (deferred && options.canSearch) {
      plan.searches.push({ text: tool, target: { server, tool, input } });
    } else {
      plan.unavailable.push({ server, tool, reason: view ? reasonFor(view, tool) : "no_server" });
    }
  }
  return plan;
}

function planMentionedTools(
  message: string,
  servers: readonly ServerView[],
  options: PlanOptions,
): TurnPlan | null {
  const text = message.toLowerCase();
  const hits: { at: number; server: ServerView; tool: string; callable?: ToolView }[] = [];
  const seen = new Set<string>();
  for (const server of servers) {
    const names = [
      ...server.callable.map((tool) => tool.name),
      ...server.deferred.map((tool) => tool.name),
      ...server.disabled,
    ];
    for (const name of names) {
      const at = findMention(text, name.toLowerCase(), server.name.toLowerCase());
      if (at < 0) continue;
      const callable = server.callable.find((tool) => tool.name === name);
      // One tool name on several servers: a callable one wins over an unavailable one.
      const key = name.toLowerCase();
      const previous = hits.findIndex((hit) => hit.tool.toLowerCase() === key);
      if (previous >= 0) {
        if (!hits[previous]?.callable && callable)
          hits[previous] = { at, server, tool: name, callable };
        continue;
      }
      if (seen.has(`${server.name}.${name}`)) continue;
      seen.add(`${server.name}.${name}`);
      hits.push({ at, server, tool: name, callable });
    }
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.at - b.at);
  const searchable = (hit: (typeof hits)[number]) =>
    !hit.callable &&
    options.canSearch === true &&
    hit.server.deferred.some((tool) => tool.name === hit.tool);
  return {
    kind: "calls",
    calls: hits
      .filter((hit) => hit.callable)
      .map((hit) => ({
        server: hit.server.name,
        tool: hit.tool,
        input: argumentsFromSchema(hit.callable?.inputSchema),
      })),
    // A deferred tool named in the message is searched for first, then called if found.
    searches: hits
      .filter(searchable)
      .map((hit) => ({ text: hit.tool, target: { server: hit.server.name, tool: hit.tool } })),
    unavailable: hits
      .filter((hit) => !hit.callable && !searchable(hit))
      .map((hit) => ({
        server: hit.server.name,
        tool: hit.tool,
        reason: reasonFor(hit.server, hit.tool),
      })),
    parseErrors: [],
  };
}

/** Where the message names the tool as a word: `list_events`, `list events`, or `calendar.list_events`. */
function findMention(text: string, name: string, server: string): number {
  const variants = new Set([name, name.replace(/[_-]+/g, " "), `${server}.${name}`]);
  let best = -1;
  for (const variant of variants) {
    const pattern = new RegExp(`(^|[^a-z0-9_-])${escapeRegExp(variant)}(?=$|[^a-z0-9_-])`);
    const match = pattern.exec(text);
    if (match && (best < 0 || match.index < best)) best = match.index;
  }
  return best;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function reasonFor(server: ServerView, tool: string): UnavailableReason {
  if (server.disabled.includes(tool)) return "disabled";
  if (server.deferred.some((candidate) => candidate.name === tool)) return "deferred";
  return "not_listed";
}

export function describeUnavailable(item: Unavailable): string {
  switch (item.reason) {
    case "disabled":
      return `The tool \`${item.tool}\` of \`${item.server}\` is not available: its toolset disables it.`;
    case "deferred":
      return `The tool \`${item.tool}\` of \`${item.server}\` is deferred (defer_loading), so it is not loaded up front; a tool search would have to surface it first (add a tool search tool).`;
    case "no_server":
      return `There is no MCP server named \`${item.server}\` in this request.`;
    case "not_listed":
      return `The server \`${item.server}\` does not list a tool named \`${item.tool}\`.`;
  }
}

export function describeOverview(servers: readonly ServerView[]): string {
  if (servers.length === 0)
    return "I have no MCP tools in this request. Add an MCP server and its toolset to give me some.";
  const lines = ["Here are the MCP tools I can see:", ""];
  for (const server of servers) {
    const callable = server.callable.map((tool) => `\`${tool.name}\``).join(", ") || "none";
    lines.push(
      `- **${server.name}**: ${server.callable.length} callable (${callable}); ${server.deferred.length} deferred; ${server.disabled.length} disabled.`,
    );
  }
  lines.push(
    "",
    "Name a tool in your message (or write `call server.tool {json}`) and I will call it; with a tool search tool, `search <words or pattern>` searches the deferred tools, and naming a deferred tool searches for it first.",
  );
  return lines.join("\n");
}
