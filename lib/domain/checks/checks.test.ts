import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateChecks, type ObservedBlock, type RunObservation } from "./evaluate";
import { inputMismatch } from "./match";
import { costUsd, priceOf } from "./prices";
import { parseCheck, parseChecks, writeCheck, type Check } from "./spec";

function run(content: ObservedBlock[], extra: Partial<RunObservation> = {}): RunObservation {
  return {
    model: "claude-sonnet-4-5",
    message: {
      content,
      stop_reason: "end_turn",
      usage: { input_tokens: 1000, output_tokens: 200 },
    },
    latencyMs: 850,
    ...extra,
  };
}

const toolUse = (id: string, name: string, input: unknown, server = "calendar"): ObservedBlock => ({
  type: "mcp_tool_use",
  id,
  name,
  server_name: server,
  input,
});
const result = (id: string, isError = false): ObservedBlock => ({
  type: "mcp_tool_result",
  tool_use_id: id,
  is_error: isError,
  content: [{ type: "text", text: isError ? "boom" : "ok" }],
});
const text = (value: string): ObservedBlock => ({ type: "text", text: value });

const CALENDAR_RUN = run([
  text("Let me look."),
  toolUse("t1", "list_events", { week: "this", limit: 5, tags: ["work", "home"] }),
  result("t1"),
  toolUse("t2", "add_task", { title: "Call Bo" }, "tasks"),
  result("t2", true),
  text("You have Standup on Monday."),
]);

function checks(...specs: unknown[]): Check[] {
  const parsed = parseChecks(specs);
  expect(parsed.problems).toEqual([]);
  return parsed.checks;
}

describe("reading checks", () => {
  it("names the field of a wrong argument and an unknown check", () => {
    expect(parseCheck({ tool_called: { name: "x", times: "2" } }, "checks[0]")).toEqual({
      ok: false,
      problem: {
        path: "checks[0].tool_called.times",
        message: expect.stringMatching(/number/) as unknown,
      },
    });
    const unknown = parseCheck({ tool_caled: { name: "x" } }, "requests[1].checks[3]");
    expect(unknown).toMatchObject({
      ok: false,
      problem: {
        path: "requests[1].checks[3].tool_caled",
        message: expect.stringMatching(/unknown check "tool_caled".*tool_called/) as unknown,
      },
    });
    expect(parseCheck({ no_tool_errors: false }, "c")).toMatchObject({
      ok: false,
      problem: { path: "c.no_tool_errors" },
    });
    expect(parseCheck({ a: 1, b: 2 }, "c")).toMatchObject({
      ok: false,
      problem: { message: /one key/ },
    });
    expect(parseCheck({ text_matches: { pattern: "x", flags: "g" } }, "c")).toMatchObject({
      ok: false,
      problem: { path: expect.stringMatching(/^c\.text_matches/) as unknown },
    });
    expect(parseCheck({ tool_called: { name: "x", times: 1, min: 1 } }, "c")).toMatchObject({
      ok: false,
    });
  });

  it("writes a check back as it was read", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({
            tool_called: fc.record({
              name: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ""),
              times: fc.nat(50),
            }),
          }),
          fc.record({ max_latency_ms: fc.nat() }),
          fc.record({ text_contains: fc.string({ minLength: 1 }) }),
          fc.constant({ no_tool_errors: true }),
        ),
        (spec) => {
          const parsed = parseCheck(spec, "c");
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(writeCheck(parsed.check)).toEqual(spec);
        },
      ),
    );
  });
});

describe("tool checks", () => {
  it("tool_called matches input partially, exactly, by type placeholders, and counts", () => {
    const results = evaluateChecks(
      checks(
        { tool_called: { name: "list_events" } },
        { tool_called: { name: "list_events", server: "calendar", input: { week: "this" } } },
        { tool_called: { name: "list_events", input: { limit: "<number>", tags: ["home"] } } },
        { tool_called: { name: "list_events", input: { week: "this" }, match: "exact" } },
        { tool_called: { name: "list_events", input: { limit: "<string>" } } },
        { tool_called: { name: "list_events", times: 2 } },
        { tool_called: { name: "calendar.list_events", min: 1 } },
        { tool_called: { name: "delete_event" } },
      ),
      CALENDAR_RUN,
    );
    expect(results.map((entry) => entry.passed)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(results[0]).toMatchObject({ blockIndex: 1 });
    expect(results[3]!.message).toMatch(/\.limit: not expected/);
    expect(results[4]!.message).toMatch(/\.limit: expected "<string>", got 5/);
    expect(results[7]!.message).toMatch(/called: calendar\.list_events\(.*\), tasks\.add_task/);
  });

  it("orders, first tool, not called, errors", () => {
    const results = evaluateChecks(
      checks(
        { tools_in_order: { tools: ["list_events", "add_task"], mode: "exact" } },
        { tools_in_order: { tools: ["add_task", "list_events"] } },
        { tools_in_order: { tools: ["add_task", "list_events"], mode: "unordered" } },
        { first_tool: { name: "list_events" } },
        { first_tool: { name: "add_task" } },
        { tool_not_called: { name: "add_task", server: "tasks" } },
        { tool_not_called: { name: "add_task", server: "calendar" } },
        { no_tool_errors: true },
        { tool_error: { name: "add_task" } },
        { tool_error: { name: "list_events" } },
      ),
      CALENDAR_RUN,
    );
    expect(results.map((entry) => entry.passed)).toEqual([
      true,
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(results[7]).toMatchObject({
      blockIndex: 4,
      message: expect.stringMatching(/tasks\.add_task/) as unknown,
    });
  });

  it("tool search and pinned listings", () => {
    const searched = run(
      [
        {
          type: "server_tool_use",
          id: "s1",
          name: "tool_search_tool_regex",
          input: { pattern: "weather" },
        },
        {
          type: "tool_search_tool_result",
          tool_use_id: "s1",
          content: {
            type: "tool_search_tool_search_result",
            tool_references: [{ type: "tool_reference", tool_name: "bulk_weather_7" }],
          },
        },
        {
          type: "mcp_tool_listing",
          mcp_server_name: "calendar",
          tools: [{ name: "a", input_schema: { type: "object" } }],
        },
        text("done"),
      ],
      {
        tools: [
          {
            type: "mcp_toolset",
            mcp_server_name: "calendar",
            tools: [{ name: "a", input_schema: { type: "object" } }],
          },
        ],
      },
    );
    const results = evaluateChecks(
      checks(
        { tool_search_found: { name: "weather_7" } },
        { tool_search_found: { name: "weather_8" } },
        { listing_unchanged: { server: "calendar" } },
        { listing_unchanged: { server: "tasks" } },
      ),
      searched,
    );
    expect(results.map((entry) => entry.passed)).toEqual([true, false, true, false]);
    expect(results[1]!.message).toMatch(/surfaced bulk_weather_7/);
    const changed = evaluateChecks(checks({ listing_unchanged: { server: "calendar" } }), {
      ...searched,
      tools: [
        {
          type: "mcp_toolset",
          mcp_server_name: "calendar",
          tools: [{ name: "b", input_schema: {} }],
        },
      ],
    });
    expect(changed[0]).toMatchObject({
      passed: false,
      message: expect.stringMatching(/a is listed but not pinned/) as unknown,
    });
  });
});

describe("text, limits and cost", () => {
  it("reads the final text only", () => {
    const results = evaluateChecks(
      checks(
        { text_contains: "Standup" },
        { text_contains: "Let me look" },
        { text_contains: { text: "standup", ignore_case: true } },
        { text_not_contains: "error" },
        { text_matches: "Standup on (Mon|Tues)day" },
        { text_matches: { pattern: "^you", ignore_case: true } },
        { text_matches: "(a)\\1" },
      ),
      CALENDAR_RUN,
    );
    expect(results.map((entry) => entry.passed)).toEqual([
      true,
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(results[0]).toMatchObject({ blockIndex: 5 });
    expect(results[6]!.message).toMatch(/backreference/);
  });

  it("stop reason, tokens, latency, cost; an unknown model says so", () => {
    const results = evaluateChecks(
      checks(
        { stop_reason: "end_turn" },
        { stop_reason: ["max_tokens", "pause_turn"] },
        { max_input_tokens: 1000 },
        { max_output_tokens: 199 },
        { max_latency_ms: 900 },
        { max_latency_ms: 800 },
        { max_cost_usd: 0.01 },
        { max_cost_usd: 0.005 },
      ),
      CALENDAR_RUN,
    );
    // 1000 × $3/M + 200 × $15/M = $0.006
    expect(results.map((entry) => entry.passed)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(
      costUsd("claude-sonnet-4-5-20250929", { input_tokens: 1000, output_tokens: 200 }),
    ).toBeCloseTo(0.006);
    expect(priceOf("claude-haiku-4-5")).toEqual({ inputPerMTok: 1, outputPerMTok: 5 });
    const unknown = evaluateChecks(checks({ max_cost_usd: 1 }), {
      ...CALENDAR_RUN,
      model: "claude-future-9",
    });
    expect(unknown[0]).toMatchObject({
      passed: false,
      message: expect.stringMatching(/No price is known for model claude-future-9/) as unknown,
    });
  });

  it("a run without a response fails every check with the cause", () => {
    const results = evaluateChecks(checks({ no_tool_errors: true }), {
      model: "m",
      message: null,
      latencyMs: null,
      failure: "overloaded_error: busy",
    });
    expect(results[0]).toMatchObject({
      passed: false,
      message: "No response to check: overloaded_error: busy",
    });
  });
});

describe("input matching", () => {
  it("a value always matches itself, partially and exactly", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(inputMismatch(value, value, "exact")).toBeNull();
        expect(inputMismatch(value, value, "partial")).toBeNull();
      }),
    );
  });
  it("partial allows extra keys; exact does not", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (record, extra) => {
        fc.pre(!Object.hasOwn(record, extra));
        const wider = { ...record, [extra]: 1 };
        expect(inputMismatch(record, wider, "partial")).toBeNull();
        expect(inputMismatch(record, wider, "exact")).not.toBeNull();
      }),
    );
  });
});
