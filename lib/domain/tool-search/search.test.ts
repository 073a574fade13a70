import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bm25Scores,
  bm25Search,
  buildBm25Index,
  resolveToolReference,
  searchableFields,
  tokenize,
  toolReferenceName,
  type SearchableTool,
} from "./search";

const WEATHER: SearchableTool = {
  server: "s",
  name: "get_weather",
  description: "Get the weather",
};
const EVENTS: SearchableTool = {
  server: "s",
  name: "list_events",
  description: "List calendar events",
};
const ALERTS: SearchableTool = { server: "s", name: "weather_alerts" };
const TOOLS = [WEATHER, EVENTS, ALERTS];

describe("BM25", () => {
  it("scores as hand-computed (k1 = 1.2, b = 0.75, idf = ln(1 + (N − n + 0.5)/(n + 0.5)))", () => {
    // Document lengths 5, 5, 2 (average 4); "weather" is in 2 of 3 documents.
    const index = buildBm25Index(TOOLS);
    const weather = bm25Scores(index, "weather");
    expect(weather.get(0)).toBeCloseTo(0.6038002828266386, 12);
    expect(weather.get(2)).toBeCloseTo(0.5908617053374963, 12);
    expect(weather.has(1)).toBe(false);
    // Two terms, each in one document: the scores add up.
    expect(bm25Scores(index, "calendar events").get(1)).toBeCloseTo(2.1498678968865654, 12);
    expect(bm25Search(index, "weather").ok && bm25Search(index, "weather")).toMatchObject({
      matches: [WEATHER, ALERTS],
    });
  });

  it("ranks a tool whose name equals the query first (property)", () => {
    const word = fc.stringMatching(/^[a-z]{2,6}$/);
    const tool = fc.record({
      name: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join("_")),
      description: fc.array(word, { maxLength: 12 }).map((words) => words.join(" ")),
    });
    fc.assert(
      fc.property(fc.array(tool, { minLength: 1, maxLength: 30 }), fc.nat(), (tools, pick) => {
        const searchable = tools.map((entry) => ({ server: "s", ...entry }));
        const target = searchable[pick % searchable.length]!;
        const outcome = bm25Search(buildBm25Index(searchable), target.name, 10);
        return (
          outcome.ok &&
          tokenize(outcome.matches[0]!.name).join(" ") === tokenize(target.name).join(" ")
        );
      }),
      { numRuns: 300 },
    );
  });

  it("searches names, descriptions, argument names and argument descriptions", () => {
    const tool: SearchableTool = {
      server: "s",
      name: "export",
      description: "Exports records",
      inputSchema: {
        type: "object",
        properties: { fiscalQuarter: { type: "string", description: "Which ledger" } },
      },
    };
    expect(searchableFields(tool)).toEqual([
      "export",
      "Exports records",
      "fiscalQuarter",
      "Which ledger",
    ]);
    const index = buildBm25Index([tool, EVENTS]);
    for (const query of ["quarter", "ledger", "records"]) {
      const outcome = bm25Search(index, query);
      expect(outcome.ok && outcome.matches.map((match) => match.name)).toEqual(["export"]);
    }
    expect(bm25Search(index, "x".repeat(501))).toMatchObject({
      ok: false,
      errorCode: "invalid_tool_input",
    });
  });
});

describe("tool references", () => {
  it("name MCP tools server_tool by default, and resolve either format", () => {
    expect(toolReferenceName("crm", "get_contact")).toBe("crm_get_contact");
    expect(toolReferenceName("crm", "get_contact", "plain")).toBe("get_contact");
    const listed = [{ server: "crm", name: "get_contact" }];
    expect(resolveToolReference(listed, "crm_get_contact")).toBe(listed[0]);
    expect(resolveToolReference(listed, "get_contact")).toBe(listed[0]);
    expect(resolveToolReference(listed, "other")).toBeUndefined();
  });
});
