// Does a tool call's input match what a check expects? Partial by default: every key the check
// names must be there and match, other keys may be anything; an expected array matches when each
// of its items matches some item of the actual array. Exact: the same keys, arrays item by item.
// A string such as "<string>" or "<number>" stands for any value of that type.

const PLACEHOLDERS: Record<string, (value: unknown) => boolean> = {
  "<string>": (value) => typeof value === "string",
  "<number>": (value) => typeof value === "number" && Number.isFinite(value),
  "<integer>": (value) => Number.isInteger(value),
  "<boolean>": (value) => typeof value === "boolean",
  "<array>": (value) => Array.isArray(value),
  "<object>": (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "<null>": (value) => value === null,
  "<any>": () => true,
};

export type MatchMode = "partial" | "exact";

/** null when `actual` matches; else where and how it differs (`.date: expected "<number>", got "x"`). */
export function inputMismatch(
  expected: unknown,
  actual: unknown,
  mode: MatchMode,
  at = "",
): string | null {
  if (typeof expected === "string" && Object.hasOwn(PLACEHOLDERS, expected)) {
    return PLACEHOLDERS[expected]!(actual) ? null : differs(at, expected, actual);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return differs(at, expected, actual);
    if (mode === "exact") {
      if (expected.length !== actual.length)
        return `${at || "input"}: expected ${expected.length} items, got ${actual.length}`;
      for (const [index, item] of expected.entries()) {
        const inner = inputMismatch(item, actual[index], mode, `${at}[${index}]`);
        if (inner) return inner;
      }
      return null;
    }
    for (const [index, item] of expected.entries()) {
      if (!actual.some((candidate) => inputMismatch(item, candidate, mode) === null))
        return `${at}[${index}]: no item matches ${preview(item)}`;
    }
    return null;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual))
      return differs(at, expected, actual);
    const actualRecord = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actualRecord, key))
        return `${at}.${key}: missing (expected ${preview(value)})`;
      const inner = inputMismatch(value, actualRecord[key], mode, `${at}.${key}`);
      if (inner) return inner;
    }
    if (mode === "exact") {
      const extra = Object.keys(actualRecord).find((key) => !Object.hasOwn(expected, key));
      if (extra !== undefined) return `${at}.${extra}: not expected (exact match)`;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : differs(at, expected, actual);
}

function differs(at: string, expected: unknown, actual: unknown): string {
  return `${at || "input"}: expected ${preview(expected)}, got ${preview(actual)}`;
}

/** A short JSON rendering for messages. */
export function preview(value: unknown, max = 80): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
