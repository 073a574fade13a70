import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEARCH_BUDGET,
  regexSearch,
  translatePythonRegex,
  type SearchBudget,
} from "./regex-search";
import { searchableFields, type SearchableTool } from "./search";

const WEATHER: SearchableTool = {
  server: "s",
  name: "get_weather",
  description: "Get the weather",
};
const EVENTS: SearchableTool = { server: "s", name: "list_events", description: "List events" };
const TOOLS = [WEATHER, EVENTS, { server: "s", name: "weather_alerts" }];

/** A reference implementation: the same fields, tested one by one with a fresh RegExp. */
function referenceRegex(tools: readonly SearchableTool[], pattern: string, limit: number) {
  const regex = new RegExp(pattern, "i");
  return tools
    .filter((tool) => searchableFields(tool).some((field) => regex.test(field)))
    .slice(0, limit);
}

/** Patterns that take a backtracking engine exponential time on a long run of one letter. */
const HOSTILE = [
  "(.|.)*!!",
  "(a+)+$",
  "((a+))+$",
  "(?:(?:a+))+$",
  "((a+)b?)+$",
  "(a|a)+$",
  "(\\w|a)+$",
  "(a*)*b",
  "([a-z]+)*!",
];

describe("regex search on RE2", () => {
  it("equals a reference implementation (property)", async () => {
    const word = fc.stringMatching(/^[a-zA-Z_]{1,8}$/);
    const tool = fc.record({
      server: fc.constant("s"),
      name: word,
      description: fc.option(
        fc.array(word, { maxLength: 5 }).map((words) => words.join(" ")),
        { nil: undefined },
      ),
    });
    const pattern = fc.oneof(
      word,
      word.map((text) => `^${text}`),
      word.map((text) => `${text}.*`),
      fc.constantFrom("get|list", "_[a-z]+$", "^[A-Z]"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(tool, { maxLength: 25 }),
        pattern,
        fc.integer({ min: 1, max: 30 }),
        async (tools, source, limit) => {
          const outcome = await regexSearch(tools, source, limit);
          return (
            outcome.ok &&
            JSON.stringify(outcome.matches) === JSON.stringify(referenceRegex(tools, source, limit))
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is case-insensitive, reads Python syntax, defaults to 5 results, and refuses in words", async () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ server: "s", name: `tool_${index}` }));
    expect(await regexSearch(many, "TOOL")).toMatchObject({ ok: true, matches: many.slice(0, 5) });
    expect(translatePythonRegex("(?P<verb>get)_\\w+\\Z")).toBe("(?P<verb>get)_\\w+\\z");
    expect(translatePythonRegex("a\\\\Z")).toBe("a\\\\Z");
    expect(await regexSearch(TOOLS, "(?i)\\AGET_")).toMatchObject({ ok: true, matches: [WEATHER] });
    expect(await regexSearch(TOOLS, "(?P<verb>get)_weather\\Z")).toMatchObject({
      ok: true,
      matches: [WEATHER],
    });
    for (const [pattern, words] of [
      ["(unclosed", "not a valid regular expression"],
      ["a".repeat(201), "at most 200"],
      ["(?P<v>get)_(?P=v)", "backreference"],
      ["get(?=_weather)", "lookahead"],
    ] as const) {
      const outcome = await regexSearch(TOOLS, pattern);
      expect(outcome).toMatchObject({ ok: false, errorCode: "invalid_tool_input" });
      expect(!outcome.ok && outcome.message).toContain(words);
    }
  });

  it.each(HOSTILE)("runs %s over long fields in linear time", async (pattern) => {
    const tools = Array.from({ length: 50 }, (_, index) => ({
      server: "s",
      name: `tool_${index}`,
      description: "a".repeat(2_000),
    }));
    const started = performance.now();
    const outcome = await regexSearch(tools, pattern);
    // A backtracking engine does not finish this in any time; RE2 takes milliseconds.
    expect(outcome.ok || outcome.errorCode === "execution_time_exceeded").toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("gives the event loop back between slices, and stops at its budget", async () => {
    let clock = 0;
    let pauses = 0;
    // A clock that advances 1 ms per field looked at: 8 fields a slice, 250 in all.
    const budget: SearchBudget = {
      ...DEFAULT_SEARCH_BUDGET,
      now: () => clock,
      pause: () => {
        pauses += 1;
        return Promise.resolve();
      },
    };
    const tools = Array.from({ length: 1_000 }, (_, index) => ({
      server: "s",
      get name() {
        clock += 1;
        return `tool_${index}`;
      },
    }));
    const outcome = await regexSearch(tools, "no such tool", 5, budget);
    expect(outcome).toMatchObject({ ok: false, errorCode: "execution_time_exceeded" });
    expect(!outcome.ok && outcome.message).toContain("250 ms");
    expect(pauses).toBeGreaterThanOrEqual(250 / 8 - 1);
    // Well within the budget: every tool is looked at, with pauses between slices.
    clock = 0;
    pauses = 0;
    const small = await regexSearch(tools.slice(0, 100), "tool_99", 5, budget);
    expect(small).toMatchObject({ ok: true });
    expect(small.ok && small.matches.map((tool) => tool.name)).toEqual(["tool_99"]);
    expect(pauses).toBeGreaterThan(5);
  });
});
