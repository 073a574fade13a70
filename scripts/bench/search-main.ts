// Tool search over 10,000 deferred tool definitions: BM25 per query (target ≤ 5 ms), the index
// build, and regex per pattern.
import {
  bm25Search,
  buildBm25Index,
  type SearchableTool,
} from "../../lib/domain/tool-search/search";
import { regexSearch } from "../../lib/domain/tool-search/regex-search";
import { formatResult, measure, measureAsync } from "./measure";

const AREAS = [
  "billing",
  "crm",
  "docs",
  "hr",
  "inventory",
  "marketing",
  "ops",
  "sales",
  "support",
  "wiki",
];
const VERBS = ["get", "list", "search", "count", "export", "update", "archive", "sync"];
const tools: SearchableTool[] = Array.from({ length: 10_000 }, (_, index) => {
  const area = AREAS[index % AREAS.length]!;
  const verb = VERBS[Math.floor(index / AREAS.length) % VERBS.length]!;
  return {
    server: `server${index % 7}`,
    name: `${area}_${verb}_${String(index).padStart(5, "0")}`,
    description: `${verb} ${area} records, variant ${index}: filters by owner, date range and status.`,
    inputSchema: {
      type: "object",
      properties: {
        query: { type: "string", description: `What to look for in ${area}` },
        limit: { type: "integer", description: "How many records at most" },
      },
    },
  };
});

console.log("Tool search over 10,000 tool definitions");
console.log(
  formatResult(
    measure("BM25 index build (once per request)", () => void buildBm25Index(tools), {
      runs: 30,
      warmup: 3,
    }),
  ),
);
const index = buildBm25Index(tools);
const queries = [
  "export billing records",
  "crm_get_00421",
  "owner date range status",
  "archive wiki",
  "sync hr records by owner",
];
let next = 0;
console.log(
  formatResult(
    measure(
      "BM25 search, median per query",
      () => void bm25Search(index, queries[next++ % queries.length]!, 5),
    ),
    5,
  ),
);
const patterns = ["^billing_export", "crm_.*_004", "(?i)date range", "archive|sync"];
console.log(
  formatResult(
    await measureAsync(
      "regex search (RE2), median per pattern, 5 results",
      () => regexSearch(tools, patterns[next++ % patterns.length]!, 5),
      { runs: 200 },
    ),
  ),
);
console.log(
  formatResult(
    await measureAsync(
      "regex search (RE2), a pattern that matches nothing: every field read",
      () => regexSearch(tools, "no_such_tool_anywhere", 5),
      { runs: 50, warmup: 5 },
    ),
  ),
);
// What a backtracking engine never finishes: RE2 answers, or stops at its 250 ms budget.
const hostile = ["(.|.)*!!", "((a+))+$", "(\\w|a)+$"];
const hostileTools = tools.map((tool) => ({ ...tool, description: "a".repeat(2_000) }));
console.log(
  formatResult(
    await measureAsync(
      "regex search (RE2), hostile patterns over 10,000 fields of 2,000 'a's",
      () => regexSearch(hostileTools, hostile[next++ % hostile.length]!, 5),
      { runs: 9, warmup: 1 },
    ),
  ),
);
