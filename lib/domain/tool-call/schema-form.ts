// A tool's inputSchema read into the shape a form is built from, the value a form starts with,
// and the checks the browser can make before a call. Pure. The schema comes from an MCP server:
// untrusted, so every read is defensive, bounded in depth and size, and a part this reader does
// not model (`$ref`, `allOf`, `not`, …) becomes a JSON field that the server checks itself.
import { RE2JS } from "re2js";

export type Scalar = string | number | boolean | null;

interface NodeBase {
  title?: string;
  description?: string;
  default?: unknown;
  /** `null` is allowed too (`type: [T, "null"]`, `nullable: true`). */
  nullable: boolean;
}

export type SchemaNode =
  | (NodeBase & {
      kind: "string";
      minLength?: number;
      maxLength?: number;
      pattern?: string;
      format?: string;
    })
  | (NodeBase & {
      kind: "number" | "integer";
      minimum?: number;
      maximum?: number;
      exclusiveMinimum?: number;
      exclusiveMaximum?: number;
    })
  | (NodeBase & { kind: "boolean" })
  | (NodeBase & { kind: "enum"; values: Scalar[] })
  | (NodeBase & { kind: "array"; items: SchemaNode; minItems?: number; maxItems?: number })
  | (NodeBase & { kind: "object"; properties: SchemaProperty[]; closed: boolean })
  | (NodeBase & { kind: "anyOf"; options: SchemaNode[] })
  /** Anything the form cannot express: edited as JSON, checked by the server. */
  | (NodeBase & { kind: "json"; reason: string });

export interface SchemaProperty {
  name: string;
  required: boolean;
  node: SchemaNode;
}

export interface ValueProblem {
  /** Where, as `reminder.minutes_before` or `attendees[2]`; "" for the whole input. */
  path: string;
  message: string;
}

const MAX_DEPTH = 8;
const MAX_PROPERTIES = 200;
const MAX_OPTIONS = 20;
const MAX_ENUM = 500;
const MAX_PATTERN = 500;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;
const str = (value: unknown, max = 2000): string | undefined =>
  typeof value === "string" ? value.slice(0, max) : undefined;
/** Sets an own property, even one named `__proto__` (a server names the fields). */
function assign(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
const isScalar = (value: unknown): value is Scalar =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

/** Reads a tool's inputSchema (an object schema) into a form's node. */
export function readInputSchema(schema: unknown): SchemaNode & { kind: "object" } {
  const node = readSchema(isObject(schema) ? { type: "object", ...schema } : { type: "object" });
  return node.kind === "object"
    ? node
    : { kind: "object", properties: [], closed: false, nullable: false };
}

export function readSchema(schema: unknown, depth = 0): SchemaNode {
  if (schema === true || schema === undefined)
    return { kind: "json", reason: "any value", nullable: true };
  if (!isObject(schema)) return { kind: "json", reason: "not a schema", nullable: true };
  const base: NodeBase = {
    ...(str(schema.title, 200) ? { title: str(schema.title, 200) } : {}),
    ...(str(schema.description) ? { description: str(schema.description) } : {}),
    ...("default" in schema ? { default: schema.default } : {}),
    nullable: schema.nullable === true,
  };
  if (depth >= MAX_DEPTH) return { ...base, kind: "json", reason: "nested too deeply" };
  if ("$ref" in schema || "allOf" in schema || "not" in schema || "if" in schema)
    return { ...base, kind: "json", reason: "uses $ref, allOf, not or if" };
  if ("const" in schema && isScalar(schema.const))
    return { ...base, kind: "enum", values: [schema.const] };
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter(isScalar).slice(0, MAX_ENUM);
    const nullable = base.nullable || values.includes(null);
    return { ...base, nullable, kind: "enum", values: values.filter((value) => value !== null) };
  }
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf;
  if (Array.isArray(union)) {
    const options = union.slice(0, MAX_OPTIONS).map((option) => readSchema(option, depth + 1));
    // `anyOf: [T, {type: "null"}]` is a nullable T.
    const nonNull = options.filter((option) => !isNullOnly(option));
    const nullable = base.nullable || nonNull.length < options.length;
    if (nonNull.length === 1) return { ...nonNull[0]!, ...withoutUndefined(base), nullable };
    return { ...base, nullable, kind: "anyOf", options: nonNull };
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (type): type is string => typeof type === "string",
  );
  const nullable = base.nullable || types.includes("null");
  const nonNull = types.filter((type) => type !== "null");
  if (nonNull.length > 1)
    return {
      ...base,
      nullable,
      kind: "anyOf",
      options: nonNull.map((type) => readSchema({ ...schema, type }, depth + 1)),
    };
  const type =
    nonNull[0] ??
    (types.includes("null") ? "null" : isObject(schema.properties) ? "object" : undefined);
  const shared = { ...base, nullable };
  switch (type) {
    case "string":
      return {
        ...shared,
        kind: "string",
        ...defined({
          minLength: num(schema.minLength),
          maxLength: num(schema.maxLength),
          pattern: str(schema.pattern, MAX_PATTERN),
          format: str(schema.format, 100),
        }),
      };
    case "number":
    case "integer":
      return {
        ...shared,
        kind: type,
        ...defined({
          minimum: num(schema.minimum),
          maximum: num(schema.maximum),
          exclusiveMinimum: num(schema.exclusiveMinimum),
          exclusiveMaximum: num(schema.exclusiveMaximum),
        }),
      };
    case "boolean":
      return { ...shared, kind: "boolean" };
    case "array":
      return {
        ...shared,
        kind: "array",
        items: readSchema(schema.items, depth + 1),
        ...defined({ minItems: num(schema.minItems), maxItems: num(schema.maxItems) }),
      };
    case "object": {
      const required = new Set(
        Array.isArray(schema.required)
          ? schema.required.filter((name) => typeof name === "string")
          : [],
      );
      const properties = Object.entries(isObject(schema.properties) ? schema.properties : {})
        .slice(0, MAX_PROPERTIES)
        .map(([name, child]) => ({
          name,
          required: required.has(name),
          node: readSchema(child, depth + 1),
        }));
      return {
        ...shared,
        kind: "object",
        properties,
        closed: schema.additionalProperties === false,
      };
    }
    case "null":
      return { ...shared, nullable: true, kind: "enum", values: [] };
    default:
      return { ...shared, kind: "json", reason: type ? `type '${type}'` : "no type given" };
  }
}

function isNullOnly(node: SchemaNode): boolean {
  return node.kind === "enum" && node.values.length === 0 && node.nullable;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}

function withoutUndefined(base: NodeBase): Partial<NodeBase> {
  return defined({ title: base.title, description: base.description, default: base.default });
}

/**
 * The value a form starts with: defaults where the schema gives them; a required field without one
 * gets the empty value of its kind (a required number is left out, so the form asks for it).
 */
export function initialValue(node: SchemaNode): unknown {
  if (node.default !== undefined) return structuredClone(node.default);
  switch (node.kind) {
    case "object": {
      const value: JsonObject = {};
      for (const property of node.properties) {
        const child = property.node;
        if (child.default !== undefined || property.required) {
          const start = initialValue(child);
          if (start !== undefined) assign(value, property.name, start);
        }
      }
      return value;
    }
    case "string":
      return "";
    case "boolean":
      return false;
    case "enum":
      return node.values[0] ?? null;
    case "array":
      return [];
    case "anyOf":
      return node.options[0] ? initialValue(node.options[0]) : undefined;
    default:
      return node.nullable ? null : undefined;
  }
}

/** What the browser can check before the call; the server checks again, and more. */
export function checkValue(node: SchemaNode, value: unknown, path = ""): ValueProblem[] {
  const at = (message: string): ValueProblem[] => [{ path, message }];
  if (value === null) return node.nullable || node.kind === "json" ? [] : at("must not be null");
  switch (node.kind) {
    case "json":
      return [];
    case "string": {
      if (typeof value !== "string") return at("must be a string");
      const length = [...value].length;
      if (node.minLength !== undefined && length < node.minLength)
        return at(`must be at least ${node.minLength} characters`);
      if (node.maxLength !== undefined && length > node.maxLength)
        return at(`must be at most ${node.maxLength} characters`);
      if (node.pattern !== undefined && !matchesPattern(node.pattern, value))
        return at(`must match the pattern ${node.pattern}`);
      return [];
    }
    case "number":
    case "integer": {
      if (typeof value !== "number" || !Number.isFinite(value)) return at("must be a number");
      if (node.kind === "integer" && !Number.isInteger(value)) return at("must be a whole number");
      if (node.minimum !== undefined && value < node.minimum)
        return at(`must be at least ${node.minimum}`);
      if (node.maximum !== undefined && value > node.maximum)
        return at(`must be at most ${node.maximum}`);
      if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum)
        return at(`must be more than ${node.exclusiveMinimum}`);
      if (node.exclusiveMaximum !== undefined && value >= node.exclusiveMaximum)
        return at(`must be less than ${node.exclusiveMaximum}`);
      return [];
    }
    case "boolean":
      return typeof value === "boolean" ? [] : at("must be true or false");
    case "enum":
      return node.values.some((allowed) => allowed === value)
        ? []
        : at(`must be one of ${node.values.map((allowed) => JSON.stringify(allowed)).join(", ")}`);
    case "array": {
      if (!Array.isArray(value)) return at("must be a list");
      if (node.minItems !== undefined && value.length < node.minItems)
        return at(`must have at least ${node.minItems} items`);
      if (node.maxItems !== undefined && value.length > node.maxItems)
        return at(`must have at most ${node.maxItems} items`);
      return value.flatMap((item, index) => checkValue(node.items, item, `${path}[${index}]`));
    }
    case "object": {
      if (!isObject(value)) return at("must be an object");
      const problems: ValueProblem[] = [];
      const join = (name: string) => (path ? `${path}.${name}` : name);
      for (const property of node.properties) {
        const entry = Object.prototype.hasOwnProperty.call(value, property.name)
          ? value[property.name]
          : undefined;
        if (entry === undefined) {
          if (property.required)
            problems.push({ path: join(property.name), message: "is required" });
          continue;
        }
        problems.push(...checkValue(property.node, entry, join(property.name)));
      }
      if (node.closed) {
        const known = new Set(node.properties.map((property) => property.name));
        for (const name of Object.keys(value))
          if (!known.has(name))
            problems.push({ path: join(name), message: "is not a field this tool takes" });
      }
      return problems;
    }
    case "anyOf":
      return node.options.some((option) => checkValue(option, value, path).length === 0)
        ? []
        : at("matches none of the allowed shapes");
  }
}

/** Which option of an anyOf a value fits (the first), for the form's type choice. */
export function optionFor(node: SchemaNode & { kind: "anyOf" }, value: unknown): number {
  const index = node.options.findIndex((option) => checkValue(option, value).length === 0);
  return Math.max(0, index);
}

/** JSON Schema patterns are ECMA-262; RE2 takes nearly all of them in linear time (no ReDoS). */
function matchesPattern(pattern: string, value: string): boolean {
  try {
    return RE2JS.compile(pattern).matcher(value).find();
  } catch {
    // A pattern RE2 cannot take (a back-reference): the server checks it.
    return true;
  }
}

/** Bounds of a field in words, for its hint: "1–1440", "at most 20 items". */
export function describeBounds(node: SchemaNode): string {
  const range = (low: number | undefined, high: number | undefined, unit: string) =>
    low !== undefined && high !== undefined
      ? `${low}–${high}${unit}`
      : low !== undefined
        ? `at least ${low}${unit}`
        : high !== undefined
          ? `at most ${high}${unit}`
          : "";
  switch (node.kind) {
    case "string":
      return range(node.minLength, node.maxLength, " characters");
    case "number":
    case "integer": {
      const low =
        node.minimum ??
        (node.exclusiveMinimum !== undefined
          ? node.kind === "integer"
            ? node.exclusiveMinimum + 1
            : undefined
          : undefined);
      const high =
        node.maximum ??
        (node.exclusiveMaximum !== undefined && node.kind === "integer"
          ? node.exclusiveMaximum - 1
          : undefined);
      const words = range(low, high, "");
      const exclusive =
        node.kind === "number" && low === undefined && node.exclusiveMinimum !== undefined
          ? `more than ${node.exclusiveMinimum}`
          : "";
      return [words, exclusive, node.kind === "integer" ? "whole number" : ""]
        .filter(Boolean)
        .join(", ");
    }
    case "array":
      return range(node.minItems, node.maxItems, " items");
    default:
      return "";
  }
}

/** Sets (or, with `undefined`, removes) the value at a path of keys and indexes, immutably. */
export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const object: JsonObject = {};
  if (isObject(root)) for (const [key, entry] of Object.entries(root)) assign(object, key, entry);
  const own = Object.prototype.hasOwnProperty.call(object, head!) ? object[head!] : undefined;
  const next = setAt(own, rest, value);
  if (next === undefined) delete object[head!];
  else assign(object, head!, next);
  return object;
}
