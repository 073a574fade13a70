import { describe, expect, it } from "vitest";
import { describeOverview, planTurn, type ServerView } from "./scripted-model";
import { argumentsFromSchema } from "./tool-arguments";

const calendar: ServerView = {
  name: "calendar",
  callable: [
    {
      name: "search_events",
      inputSchema: {
        type: "object",
        properties: { query: { type: "string" } },
        required: ["query"],
      },
    },
    { name: "list_events", inputSchema: { type: "object", properties: {} } },
  ],
  deferred: [{ name: "create_event", inputSchema: { type: "object", properties: {} } }],
  disabled: ["delete_all_events"],
};
const tasks: ServerView = {
  name: "tasks",
  callable: [{ name: "list_tasks", inputSchema: {} }],
  deferred: [],
  disabled: [],
};

describe("planTurn", () => {
  it("explicit call lines win, with their JSON arguments, in order", () => {
    expect(
      planTurn('call tasks.list_tasks {"x": 1}\ncall calendar.search_events {"query":"a"}', [
        calendar,
        tasks,
      ]),
    ).toEqual({
      kind: "calls",
      calls: [
        { server: "tasks", tool: "list_tasks", input: { x: 1 } },
        { server: "calendar", tool: "search_events", input: { query: "a" } },
      ],
      searches: [],
      unavailable: [],
      parseErrors: [],
    });
  });

  it("explicit calls to unavailable tools and bad JSON are reported, not run", () => {
    const plan = planTurn(
      "call calendar.delete_all_events\ncall nope.x\ncall calendar.list_events {oops",
      [calendar],
    );
    expect(plan).toMatchObject({
      calls: [],
      unavailable: [
        { server: "calendar", tool: "delete_all_events", reason: "disabled" },
        { server: "nope", tool: "x", reason: "no_server" },
      ],
    });
    expect(plan.kind === "calls" && plan.parseErrors[0]).toContain("not a JSON object");
  });

  it("a named tool is called with schema-built arguments; spaces stand for underscores", () => {
    expect(planTurn("please search events, then list_events", [calendar])).toEqual({
      kind: "calls",
      calls: [
        { server: "calendar", tool: "search_events", input: { query: "" } },
        { server: "calendar", tool: "list_events", input: {} },
      ],
      searches: [],
      unavailable: [],
      parseErrors: [],
    });
  });

  it("with a tool search tool, searches: a `search` line, and a named deferred tool before its call", () => {
    expect(
      planTurn('search calendar things\ncall calendar.create_event {"title":"x"}', [calendar], {
        canSearch: true,
      }),
    ).toMatchObject({
      calls: [],
      searches: [
        { text: "calendar things" },
        {
          text: "create_event",
          target: { server: "calendar", tool: "create_event", input: { title: "x" } },
        },
      ],
    });
    expect(planTurn("please create_event", [calendar], { canSearch: true })).toMatchObject({
      searches: [{ text: "create_event", target: { server: "calendar", tool: "create_event" } }],
      unavailable: [],
    });
    // Without one, `search …` is just words, and a deferred tool stays unavailable.
    expect(planTurn("search events for review", [calendar])).toMatchObject({
      calls: [{ tool: "search_events" }],
      searches: [],
    });
  });

  it("a named deferred or disabled tool is reported with its reason", () => {
    expect(planTurn("create_event and delete_all_events", [calendar])).toMatchObject({
      calls: [],
      unavailable: [
        { tool: "create_event", reason: "deferred" },
        { tool: "delete_all_events", reason: "disabled" },
      ],
    });
  });

  it("does not match a tool name inside a longer word", () => {
    expect(planTurn("my_list_events_backup", [calendar])).toEqual({ kind: "overview" });
  });

  it("otherwise gives an overview with counts per server", () => {
    expect(planTurn("hello", [calendar, tasks])).toEqual({ kind: "overview" });
    expect(describeOverview([calendar])).toContain(
      "2 callable (`search_events`, `list_events`); 1 deferred; 1 disabled",
    );
  });
});

describe("argumentsFromSchema", () => {
  it("fills required fields from default, examples, enum, then the type's zero value", () => {
    expect(
      argumentsFromSchema({
        type: "object",
        required: ["a", "b", "c", "d", "e", "f", "g", "h"],
        properties: {
          a: { type: "string", default: "x" },
          b: { type: "string", examples: ["ex"] },
          c: { enum: ["one", "two"] },
          d: { type: "integer", minimum: 3 },
          e: { type: "boolean" },
          f: { type: "array" },
          g: { type: "object", required: ["inner"], properties: { inner: { type: "number" } } },
          h: { anyOf: [{ type: "string" }, { type: "null" }] },
          optional: { type: "string" },
        },
      }),
    ).toEqual({ a: "x", b: "ex", c: "one", d: 3, e: false, f: [], g: { inner: 0 }, h: "" });
  });

  it("survives schemas that are not objects", () => {
    expect(argumentsFromSchema(null)).toEqual({});
    expect(argumentsFromSchema({ type: "string" })).toEqual({});
  });
});
