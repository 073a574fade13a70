// Regex tool search as the API's tool_search_tool_regex does it (Python `re.search` syntax,
// case-insensitive, at most 200 characters), run on RE2 (re2js): matching takes time linear in
// the text, whatever the pattern, so no pattern can hang the emulator or the page. The search
// works in slices and gives the event loop back between them, and stops at a time budget with the
// API's `execution_time_exceeded`. The same code serves the emulator and the preview's "Try a
// search".
import { RE2JS } from "re2js";
import { clampLimit, searchableFields, SEARCH_LIMITS, type SearchableTool } from "./search";

/** Each field is searched up to this length. */
const MAX_FIELD_CHARS = 2_000;

export type RegexSearchOutcome =
  | { ok: true; matches: SearchableTool[] }
  | {
      ok: false;
      errorCode: "invalid_tool_input" | "execution_time_exceeded";
      message: string;
    };

export interface SearchBudget {
  /** Work between two yields to the event loop, in ms. */
  sliceMs: number;
  /** Work in all, in ms, before the search gives up. */
  totalMs: number;
  now: () => number;
  /** Lets other work run (a timer, a repaint) before the next slice. */
  pause: () => Promise<void>;
}

export const DEFAULT_SEARCH_BUDGET: SearchBudget = {
  sliceMs: 8,
  totalMs: 250,
  now: () => performance.now(),
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

/**
 * Python's `re` syntax that RE2 spells differently: `\Z` (end of text) is RE2's `\z`. Named groups
 * `(?P<name>…)`, `\A` and inline flags such as `(?i)` are RE2's own.
 */
export function translatePythonRegex(pattern: string): string {
  return pattern.replace(/\\\\|\\Z/g, (escape) => (escape === "\\Z" ? "\\z" : escape));
}

/** Words for what RE2 refuses, with the features a linear-time engine cannot have named. */
function refusal(message: string, pattern: string): string {
  if (/\(\?P=|\\[1-9]/.test(pattern))
    return "The pattern uses a backreference, which this linear-time engine (RE2) does not run.";
  if (/\(\?<?[=!]/.test(pattern))
    return "The pattern uses a lookahead or lookbehind, which this linear-time engine (RE2) does not run.";
  return `The pattern is not a valid regular expression: ${message.replace(/^error parsing regexp: /, "")}.`;
}

/** Compiles under the search's limits; case-insensitive like the API's search unless told. */
export function compileSearchRegex(
  pattern: string,
  flags: number = RE2JS.CASE_INSENSITIVE,
): RE2JS | { error: string } {
  if (pattern.length > SEARCH_LIMITS.maxPattern)
    return {
      error: `The pattern is ${pattern.length} characters; at most ${SEARCH_LIMITS.maxPattern}.`,
    };
  try {
    return RE2JS.compile(translatePythonRegex(pattern), flags);
  } catch (error) {
    return { error: refusal(error instanceof Error ? error.message : String(error), pattern) };
  }
}

export async function regexSearch(
  tools: readonly SearchableTool[],
  pattern: string,
  limit?: number,
  budget: SearchBudget = DEFAULT_SEARCH_BUDGET,
): Promise<RegexSearchOutcome> {
  const compiled = compileSearchRegex(pattern);
  if (!(compiled instanceof RE2JS))
    return { ok: false, errorCode: "invalid_tool_input", message: compiled.error };
  const max = clampLimit(limit);
  const matches: SearchableTool[] = [];
  let worked = 0;
  let sliceStart = budget.now();
  for (const tool of tools) {
    const found = searchableFields(tool).some((field) =>
      compiled.test(field.slice(0, MAX_FIELD_CHARS)),
    );
    if (found) {
      matches.push(tool);
      if (matches.length >= max) break;
    }
    const sliceMs = budget.now() - sliceStart;
    if (sliceMs < budget.sliceMs) continue;
    worked += sliceMs;
    if (worked >= budget.totalMs)
      return {
        ok: false,
        errorCode: "execution_time_exceeded",
        message: `The search ran for over ${budget.totalMs} ms and was stopped; try a simpler or more specific pattern.`,
      };
    await budget.pause();
    sliceStart = budget.now();
  }
  return { ok: true, matches };
}
