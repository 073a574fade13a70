// What a check is, as a collection file, a saved request and the Checks section write it: one
// key naming the check, its arguments as the value (`{ tool_called: { name: list_events } }`,
// `{ no_tool_errors: true }`, `{ max_latency_ms: 5000 }`). Read strictly: an unknown check or a
// wrong argument is an error whose path names the field (`checks[0].tool_called.times`).
import { z } from "zod";
import { SEARCH_LIMITS } from "@/lib/domain/tool-search/search";

/** A check as written: one key, its arguments. */
export type CheckSpec = Record<string, unknown>;

const name = z.string().trim().min(1, "a tool name is required").max(1000);
const server = z.string().trim().min(1).max(1000).optional();
const count = z.number().int().min(0).max(100_000);
const text = z.union([
  z.string().min(1, "the text is empty").max(100_000),
  z.strictObject({
    text: z.string().min(1, "the text is empty").max(100_000),
    ignore_case: z.boolean().optional(),
  }),
]);
const pattern = z.union([
  z.string().min(1, "the pattern is empty").max(SEARCH_LIMITS.maxPattern),
  z.strictObject({
    pattern: z.string().min(1, "the pattern is empty").max(SEARCH_LIMITS.maxPattern),
    ignore_case: z.boolean().optional(),
  }),
]);
const toolReference = z.union([name, z.strictObject({ name, server })]);
const limit = z.number().min(0).max(1e12);

/** Every check, with the arguments it takes. */
export const CHECK_ARGUMENTS = {
  tool_called: z.strictObject({
    name,
    server,
    input: z.record(z.string(), z.unknown()).optional(),
    match: z.enum(["partial", "exact"]).optional(),
    times: count.optional(),
    min: count.optional(),
  }),
  tool_not_called: z.strictObject({ name, server }),
  tools_in_order: z.strictObject({
    tools: z.array(toolReference).min(1, "name at least one tool").max(200),
    mode: z.enum(["exact", "subset", "unordered"]).optional(),
  }),
  first_tool: z.strictObject({ name, server }),
  no_tool_errors: z.literal(true, "write no_tool_errors: true"),
  tool_error: z.strictObject({ name, server }),
  text_contains: text,
  text_not_contains: text,
  text_matches: pattern,
  tool_search_found: z.strictObject({ name }),
  listing_unchanged: z.strictObject({ server: z.string().trim().min(1).max(1000) }),
  stop_reason: z.union([z.string().min(1).max(100), z.array(z.string().min(1).max(100)).min(1)]),
  max_input_tokens: limit,
  max_output_tokens: limit,
  max_latency_ms: limit,
  max_cost_usd: limit,
} as const;

export type CheckKind = keyof typeof CHECK_ARGUMENTS;
export const CHECK_KINDS = Object.keys(CHECK_ARGUMENTS) as CheckKind[];

/** A check read and checked: its kind and its arguments in their checked form. */
export type Check = {
  [K in CheckKind]: { kind: K; args: z.infer<(typeof CHECK_ARGUMENTS)[K]> };
}[CheckKind];

export interface CheckProblem {
  /** Where, e.g. `checks[2].tool_called.times`. */
  path: string;
  message: string;
}

export type ParsedCheck = { ok: true; check: Check } | { ok: false; problem: CheckProblem };

function isKind(key: string): key is CheckKind {
  return Object.hasOwn(CHECK_ARGUMENTS, key);
}

/** Reads one check as written; `path` is where it sits (`checks[0]`). */
export function parseCheck(raw: unknown, path: string): ParsedCheck {
  const fail = (at: string, message: string): ParsedCheck => ({
    ok: false,
    problem: { path: at, message },
  });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return fail(path, "a check is an object with one key, such as { no_tool_errors: true }");
  const keys = Object.keys(raw);
  if (keys.length !== 1)
    return fail(
      path,
      keys.length === 0
        ? "the check is empty: name one check, such as tool_called"
        : `a check has one key; this one has ${keys.length} (${keys.join(", ")}): write each as its own check`,
    );
  const kind = keys[0]!;
  if (!isKind(kind))
    return fail(`${path}.${kind}`, `unknown check "${kind}" (known: ${CHECK_KINDS.join(", ")})`);
  const parsed = CHECK_ARGUMENTS[kind].safeParse((raw as Record<string, unknown>)[kind]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const inner = deepestIssue(issue);
    const at = [`${path}.${kind}`, ...inner.path.map(String)].join(".");
    return fail(at, inner.message);
  }
  const check = { kind, args: parsed.data } as Check;
  if (
    check.kind === "tool_called" &&
    check.args.times !== undefined &&
    check.args.min !== undefined
  )
    return fail(`${path}.${kind}`, "give times or min, not both");
  return { ok: true, check };
}

/** For a value that fits no branch of a union, the branch that got furthest says what is wrong. */
function deepestIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branches = issue.errors
      .map((branch) => branch[0])
      .filter((first): first is z.core.$ZodIssue => first !== undefined)
      .map((first) => deepestIssue(first));
    branches.sort((a, b) => b.path.length - a.path.length);
    const best = branches[0];
    if (best && best.path.length > 0)
      return { path: [...issue.path, ...best.path], message: best.message };
  }
  return { path: issue.path, message: issue.message };
}

/** Reads a request's checks; every problem is returned, each with its path. */
export function parseChecks(
  raw: readonly unknown[],
  path = "checks",
): { checks: Check[]; problems: CheckProblem[] } {
  const checks: Check[] = [];
  const problems: CheckProblem[] = [];
  raw.forEach((entry, index) => {
    const parsed = parseCheck(entry, `${path}[${index}]`);
    if (parsed.ok) checks.push(parsed.check);
    else problems.push(parsed.problem);
  });
  return { checks, problems };
}

/** The check back in its written form (what files, links and saved requests hold). */
export function writeCheck(check: Check): CheckSpec {
  return { [check.kind]: check.args };
}

/** The kind a written check names (its one key), or null. */
export function specKind(spec: CheckSpec): string | null {
  const keys = Object.keys(spec);
  return keys.length === 1 ? keys[0]! : null;
}
