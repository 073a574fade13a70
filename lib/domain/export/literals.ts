// JSON values written as source code: a TypeScript object literal as Prettier prints it (unquoted
// keys where it may, the quote that needs fewer escapes, trailing commas, 80 columns), and a
// Python literal as Black prints it (True, False, None, magic trailing commas). A value can be
// swapped for an expression (an environment variable in place of a secret) by `expression`.

const PRINT_WIDTH = 80;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export interface LiteralOptions {
  /** Returns source code to print in place of this string, or null to print the string. */
  expression?: (value: string) => string | null;
}

/** A TypeScript string literal the way Prettier quotes it: double, unless that needs more escapes. */
export function tsString(value: string): string {
  const doubles = (value.match(/"/g) ?? []).length;
  const singles = (value.match(/'/g) ?? []).length;
  const json = JSON.stringify(value);
  if (doubles <= singles) return json;
  // Single quotes: unescape the double quotes, escape the single ones.
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function tsKey(key: string): string {
  return IDENTIFIER.test(key) ? key : tsString(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A value as a TypeScript literal starting at `column` on a line indented by `indent` spaces.
 * Objects always break (Prettier keeps a written-out object as it is); arrays of simple values
 * stay on one line when it fits, as Prettier would print them.
 */
export function tsLiteral(
  value: unknown,
  options: LiteralOptions = {},
  indent = 0,
  column = 0,
  suffix = ",",
): string {
  if (typeof value === "string") return options.expression?.(value) ?? tsString(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null)
    return JSON.stringify(value);
  const pad = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((item) => !isPlainObject(item) && !Array.isArray(item))) {
      const flat = `[${value.map((item) => tsLiteral(item, options)).join(", ")}]`;
      if (column + flat.length + suffix.length <= PRINT_WIDTH) return flat;
    }
    const items = value.map(
      (item) => `${pad}${tsLiteral(item, options, indent + 2, indent + 2, ",")},`,
    );
    return `[\n${items.join("\n")}\n${close}]`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, item]) => {
      const head = `${pad}${tsKey(key)}: `;
      const printed = tsLiteral(item, options, indent + 2, head.length, ",");
      // A string too long for the line moves under its key, as Prettier breaks after the colon.
      if (typeof item === "string" && head.length + printed.length + 1 > PRINT_WIDTH)
        return `${pad}${tsKey(key)}:\n${pad}  ${printed},`;
      return `${head}${printed},`;
    });
    return `{\n${lines.join("\n")}\n${close}}`;
  }
  return "undefined";
}

/** A Python string literal: JSON's double-quoted escapes are Python's too. */
export function pyString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A value as a Python literal at `indent` (4 spaces a level), the way Black prints data: what fits
 * on the line stays there, otherwise one item a line with a trailing comma.
 */
export function pyLiteral(
  value: unknown,
  options: LiteralOptions = {},
  indent = 0,
  column = 0,
): string {
  if (typeof value === "string") return options.expression?.(value) ?? pyString(value);
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return JSON.stringify(value);
  const pad = " ".repeat(indent + 4);
  const close = " ".repeat(indent);
  if (Array.isArray(value) || isPlainObject(value)) {
    const isList = Array.isArray(value);
    const entries = isList
      ? value.map((item) => ["", item] as const)
      : Object.entries(value).filter(([, item]) => item !== undefined);
    const [open, end] = isList ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return `${open}${end}`;
    const flat = `${open}${entries
      .map(([key, item]) => `${isList ? "" : `${pyString(key)}: `}${pyLiteral(item, options)}`)
      .join(", ")}${end}`;
    if (!flat.includes("\n") && column + flat.length + 1 <= 88) return flat;
    const lines = entries.map(([key, item]) => {
      const head = `${pad}${isList ? "" : `${pyString(key)}: `}`;
      return `${head}${pyLiteral(item, options, indent + 4, head.length)},`;
    });
    return `${open}\n${lines.join("\n")}\n${close}${end}`;
  }
  return "None";
}
