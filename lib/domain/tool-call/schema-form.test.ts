import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkValue,
  describeBounds,
  initialValue,
  readInputSchema,
  readSchema,
  setAt,
} from "./schema-form";

// The demo calendar's create_event, as the MCP SDK lists it.
const createEvent = {
  type: "object",
  properties: {
    title: { type: "string", description: "What the event is" },
    start: { type: "string" },
    duration_minutes: { default: 30, type: "integer", exclusiveMinimum: 0, maximum: 1440 },
    visibility: { default: "team", type: "string", enum: ["private", "team", "public"] },
    attendees: { type: "array", maxItems: 20, items: { type: "string" } },
    reminder: {
      type: "object",
      properties: {
        minutes_before: { type: "integer", minimum: 0, maximum: 10080 },
        method: { default: "popup", type: "string", enum: ["popup", "email"] },
      },
      required: ["minutes_before"],
    },
    location: { type: ["string", "null"] },
  },
  required: ["title", "start"],
};

describe("reading a tool's inputSchema into a form", () => {
  it("reads every kind of field, with bounds, defaults and required marks", () => {
    const form = readInputSchema(createEvent);
    const kinds = Object.fromEntries(
      form.properties.map((property) => [property.name, [property.node.kind, property.required]]),
    );
    expect(kinds).toEqual({
      title: ["string", true],
      start: ["string", true],
      duration_minutes: ["integer", false],
      visibility: ["enum", false],
      attendees: ["array", false],
      reminder: ["object", false],
      location: ["string", false],
    });
    const location = form.properties.find((property) => property.name === "location")!.node;
    expect(location.nullable).toBe(true);
    const duration = form.properties.find((property) => property.name === "duration_minutes")!;
    expect(describeBounds(duration.node)).toBe("1–1440, whole number");
  });

  it("starts from the defaults, and the required fields' empty values", () => {
    expect(initialValue(readInputSchema(createEvent))).toEqual({
      title: "",
      start: "",
      duration_minutes: 30,
      visibility: "team",
    });
  });

  it("reads anyOf as a choice, and anyOf with null as a nullable field", () => {
    expect(readSchema({ anyOf: [{ type: "string" }, { type: "null" }] })).toMatchObject({
      kind: "string",
      nullable: true,
    });
    const choice = readSchema({ anyOf: [{ type: "string" }, { type: "number", minimum: 1 }] });
    expect(choice.kind).toBe("anyOf");
    expect(checkValue(choice, "x")).toEqual([]);
    expect(checkValue(choice, 5)).toEqual([]);
    expect(checkValue(choice, 0)).toEqual([
      { path: "", message: "matches none of the allowed shapes" },
    ]);
  });

  it("leaves what it cannot model to a JSON field the server checks", () => {
    expect(readSchema({ $ref: "#/definitions/x" })).toMatchObject({ kind: "json" });
    expect(readSchema({ allOf: [{ type: "string" }] })).toMatchObject({ kind: "json" });
    let deep: Record<string, unknown> = { type: "string" };
    for (let level = 0; level < 20; level++) deep = { type: "array", items: deep };
    expect(() => readSchema(deep)).not.toThrow();
  });

  it("survives any JSON a server sends as a schema", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (schema) => {
        const form = readInputSchema(schema);
        expect(form.kind).toBe("object");
        checkValue(form, initialValue(form));
      }),
    );
  });
});

describe("checking a value before the call", () => {
  const form = readInputSchema(createEvent);

  it("names each field that is wrong, by its path", () => {
    expect(
      checkValue(form, {
        title: "Planning",
        duration_minutes: 0,
        visibility: "everyone",
        attendees: ["a@example.com", 7],
        reminder: { method: "pigeon" },
      }),
    ).toEqual([
      { path: "start", message: "is required" },
      { path: "duration_minutes", message: "must be more than 0" },
      { path: "visibility", message: 'must be one of "private", "team", "public"' },
      { path: "attendees[1]", message: "must be a string" },
      { path: "reminder.minutes_before", message: "is required" },
      { path: "reminder.method", message: 'must be one of "popup", "email"' },
    ]);
  });

  it("passes a good value, and null where null is allowed", () => {
    expect(
      checkValue(form, {
        title: "Planning",
        start: "2026-11-24T10:00",
        duration_minutes: 45,
        reminder: { minutes_before: 10 },
        location: null,
      }),
    ).toEqual([]);
    expect(checkValue(form, { title: null, start: "x" })).toEqual([
      { path: "title", message: "must not be null" },
    ]);
  });

  it("checks patterns on RE2, so a hostile pattern cannot hang the page", () => {
    const node = readSchema({ type: "string", pattern: "^(a+)+$" });
    const started = performance.now();
    expect(checkValue(node, `${"a".repeat(5000)}!`)).toEqual([
      { path: "", message: "must match the pattern ^(a+)+$" },
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses fields a closed object does not take", () => {
    const closed = readInputSchema({
      type: "object",
      properties: { a: { type: "string" } },
      additionalProperties: false,
    });
    expect(checkValue(closed, { a: "x", b: 1 })).toEqual([
      { path: "b", message: "is not a field this tool takes" },
    ]);
  });
});

describe("setting a field", () => {
  it("sets and removes nested values without touching the original", () => {
    const start = { reminder: { minutes_before: 5 }, attendees: ["a"] };
    const next = setAt(start, ["reminder", "method"], "email");
    expect(next).toEqual({ reminder: { minutes_before: 5, method: "email" }, attendees: ["a"] });
    expect(start.reminder).toEqual({ minutes_before: 5 });
    expect(setAt(next, ["attendees", 1], "b")).toMatchObject({ attendees: ["a", "b"] });
    expect(setAt(next, ["reminder"], undefined)).toEqual({ attendees: ["a"] });
  });

  it("keeps a field named __proto__ as a field, not a prototype", () => {
    const value = setAt({}, ["__proto__"], { polluted: true }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
