// Tool search over deferred tools, as the API's tool search tools do it: BM25 here, regex in
// regex-search.ts (on RE2, loaded only where a regex search runs), both over names, descriptions,
// argument names and argument descriptions. Pure, and shared by the emulator and the preview's
// "Try a search", so what a person tries is what the emulator runs.

export interface SearchableTool {
  server: string;
  name: string;
  description?: string;
  inputSchema?: unknown;
}

export const SEARCH_LIMITS = { defaultLimit: 5, maxLimit: 10_000, maxPattern: 200, maxQuery: 500 };

export type SearchOutcome =
  | { ok: true; matches: SearchableTool[] }
  | { ok: false; errorCode: "invalid_tool_input"; message: string };

/** The texts a search looks at: the name, the description, each argument's name and description. */
export function searchableFields(tool: SearchableTool): string[] {
  const fields = [tool.name];
  if (tool.description) fields.push(tool.description);
  const properties = (tool.inputSchema as { properties?: unknown } | undefined)?.properties;
  if (properties && typeof properties === "object") {
    for (const [argument, schema] of Object.entries(properties as Record<string, unknown>)) {
      fields.push(argument);
      const description = (schema as { description?: unknown } | null)?.description;
      if (typeof description === "string") fields.push(description);
    }
  }
  return fields;
}

export function clampLimit(limit: unknown): number {
  const value =
    typeof limit === "number" && Number.isInteger(limit) ? limit : SEARCH_LIMITS.defaultLimit;
  return Math.min(SEARCH_LIMITS.maxLimit, Math.max(1, value));
}

// ---- BM25 ----

export const BM25_PARAMETERS = { k1: 1.2, b: 0.75 };

/** Lower-case words; names split at _, -, . and camelCase ("getUserById" → get user by id). */
export function tokenize(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export interface Bm25Index {
  tools: readonly SearchableTool[];
  /** term → [document index, term frequency] */
  postings: Map<string, [number, number][]>;
  lengths: Float64Array;
  averageLength: number;
  /** 1 − b + b·(length / average length), per document: the part of BM25 that needs no query. */
  norms: Float64Array;
  /** Each tool's name as words, to find the tool whose name is the query. */
  byName: Map<string, number[]>;
}

const normalName = (value: string) => tokenize(value).join(" ");

export function buildBm25Index(tools: readonly SearchableTool[]): Bm25Index {
  const postings = new Map<string, [number, number][]>();
  const lengths = new Float64Array(tools.length);
  const byName = new Map<string, number[]>();
  let total = 0;
  tools.forEach((tool, index) => {
    const counts = new Map<string, number>();
    let length = 0;
    for (const field of searchableFields(tool)) {
      for (const term of tokenize(field)) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        length += 1;
      }
    }
    lengths[index] = length;
    total += length;
    for (const [term, count] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([index, count]);
    }
    const name = normalName(tool.name);
    const named = byName.get(name);
    if (named) named.push(index);
    else byName.set(name, [index]);
  });
  const averageLength = tools.length ? total / tools.length : 0;
  const { b } = BM25_PARAMETERS;
  const norms = new Float64Array(tools.length);
  for (let index = 0; index < tools.length; index += 1)
    norms[index] = 1 - b + b * (lengths[index]! / (averageLength || 1));
  return { tools, postings, lengths, averageLength, norms, byName };
}

/** BM25 with the usual non-negative IDF, ln(1 + (N − n + 0.5) / (n + 0.5)). */
export function bm25Scores(index: Bm25Index, query: string): Map<number, number> {
  const scores = scoreArray(index, query);
  const out = new Map<number, number>();
  for (const document of scores.touched) out.set(document, scores.values[document]!);
  return out;
}

function scoreArray(index: Bm25Index, query: string) {
  const { k1 } = BM25_PARAMETERS;
  const n = index.tools.length;
  const values = new Float64Array(n);
  const touched: number[] = [];
  for (const term of new Set(tokenize(query))) {
    const list = index.postings.get(term);
    if (!list) continue;
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    for (const [document, frequency] of list) {
      if (values[document] === 0) touched.push(document);
      values[document] =
        values[document]! +
        idf * ((frequency * (k1 + 1)) / (frequency + k1 * index.norms[document]!));
    }
  }
  return { values, touched };
}

/**
 * Tools ranked by BM25 score, best first (ties keep the listed order). A tool whose name is the
 * query itself comes first whatever the scores — our choice; the API's ranking is not documented.
 */
export function bm25Search(index: Bm25Index, query: string, limit?: number): SearchOutcome {
  if (query.length > SEARCH_LIMITS.maxQuery)
    return {
      ok: false,
      errorCode: "invalid_tool_input",
      message: `The query is ${query.length} characters; at most ${SEARCH_LIMITS.maxQuery}.`,
    };
  if (tokenize(query).length === 0)
    return {
      ok: false,
      errorCode: "invalid_tool_input",
      message: "The query has no words to search for.",
    };
  const max = clampLimit(limit);
  const { values, touched } = scoreArray(index, query);
  const exact = index.byName.get(normalName(query)) ?? [];
  const exactSet = new Set(exact);
  // The best `max` by score (ties: listed order), kept in a small sorted list: no full sort.
  const better = (a: number, b: number) =>
    values[a]! > values[b]! || (values[a] === values[b] && a < b);
  const top: number[] = [];
  for (const document of touched) {
    if (exactSet.has(document)) continue;
    if (top.length === max && !better(document, top[top.length - 1]!)) continue;
    let at = top.length;
    while (at > 0 && better(document, top[at - 1]!)) at -= 1;
    top.splice(at, 0, document);
    if (top.length > max) top.pop();
  }
  const ranked = [
    ...exact.filter((document) => values[document]! > 0).sort((a, b) => a - b),
    ...top,
  ];
  return { ok: true, matches: ranked.slice(0, max).map((document) => index.tools[document]!) };
}

// ---- references ----

export const TOOL_REFERENCE_FORMATS = ["prefixed", "plain"] as const;
export type ToolReferenceFormat = (typeof TOOL_REFERENCE_FORMATS)[number];

/**
 * The `tool_name` a `tool_reference` carries for an MCP tool. Undocumented: the SDK mentions the
 * composed `{server}_{tool}` name the API uses internally, so that is the default (unconfirmed).
 */
export function toolReferenceName(
  server: string,
  tool: string,
  format: ToolReferenceFormat = "prefixed",
): string {
  return format === "prefixed" ? `${server}_${tool}` : tool;
}

/** Which listed tool a `tool_reference` names, in either format. */
export function resolveToolReference<T extends { server: string; name: string }>(
  tools: readonly T[],
  toolName: string,
): T | undefined {
  return (
    tools.find((tool) => `${tool.server}_${tool.name}` === toolName) ??
    tools.find((tool) => tool.name === toolName)
  );
}
