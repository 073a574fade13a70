// The content blocks the app renders, checked wherever blocks come in from outside (share links,
// saved state, history, imports, responses and streamed events): a block of a type the app shows
// in its own way must have that type's fields with the right types, and any block is plain JSON of
// bounded depth. Unknown types stay allowed (the API adds some; they are shown as JSON), and extra
// fields are kept (they go back to the API unchanged). A wrong shape is refused with a path.
import { z } from "zod";

const MAX_DEPTH = 64;

const record = z.record(z.string(), z.unknown());
const textPart = z.looseObject({ type: z.string().max(100), text: z.string().optional() });

/** Per type, the fields the renderer reads. */
const RENDERED_BLOCKS = {
  text: z.looseObject({
    text: z.string(),
    citations: z.array(z.looseObject({})).nullish(),
  }),
  thinking: z.looseObject({ thinking: z.string(), signature: z.string().optional() }),
  redacted_thinking: z.looseObject({ data: z.string() }),
  tool_use: z.looseObject({ id: z.string(), name: z.string(), input: record }),
  server_tool_use: z.looseObject({ id: z.string(), name: z.string(), input: record }),
  mcp_tool_use: z.looseObject({
    id: z.string(),
    name: z.string(),
    server_name: z.string(),
    input: record,
  }),
  mcp_tool_result: z.looseObject({
    tool_use_id: z.string(),
    is_error: z.boolean().optional(),
    content: z.union([z.string(), z.array(textPart)]).optional(),
  }),
  tool_search_tool_result: z.looseObject({
    tool_use_id: z.string(),
    content: z.union([
      z.looseObject({
        type: z.literal("tool_search_tool_search_result"),
        tool_references: z.array(
          z.looseObject({ type: z.string().max(100), tool_name: z.string() }),
        ),
      }),
      z.looseObject({
        type: z.literal("tool_search_tool_result_error"),
        error_code: z.string().max(200),
        error_message: z.string().nullish(),
      }),
    ]),
  }),
  mcp_tool_listing: z.looseObject({
    mcp_server_name: z.string(),
    tools: z.array(
      z.looseObject({ name: z.string(), description: z.string().nullish(), input_schema: record }),
    ),
  }),
} as const;

export type RenderedBlockType = keyof typeof RENDERED_BLOCKS;

/** Whether a JSON value nests no deeper than `limit` (checked without recursion). */
export function depthWithin(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth >= limit) return false;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return true;
}

export const contentBlockSchema = z
  .looseObject({ type: z.string().min(1).max(100) })
  .superRefine((block, context) => {
    if (!depthWithin(block, MAX_DEPTH)) {
      context.addIssue({ code: "custom", message: `nests deeper than ${MAX_DEPTH} levels` });
      return;
    }
    const schema = RENDERED_BLOCKS[block.type as RenderedBlockType] as z.ZodType | undefined;
    if (!schema) return;
    const checked = schema.safeParse(block);
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      context.addIssue({
        code: "custom",
        path: issue.path,
        message: `${issue.message} (in a ${block.type} block)`,
      });
    }
  });

export const contentBlocksSchema = z.array(contentBlockSchema).max(1000);

/** The deltas a stream may apply to a block, with the fields the accumulator reads. */
export const blockDeltaSchema = z
  .looseObject({ type: z.string().max(100) })
  .superRefine((delta, context) => {
    const field = DELTA_FIELDS[delta.type];
    if (!field) return;
    const value = (delta as Record<string, unknown>)[field.name];
    if (!field.check(value)) {
      context.addIssue({
        code: "custom",
        path: [field.name],
        message: `expected ${field.expected} (in a ${delta.type})`,
      });
    }
  });

const isString = (value: unknown) => typeof value === "string";
const DELTA_FIELDS: Record<
  string,
  { name: string; expected: string; check: (value: unknown) => boolean }
> = {
  text_delta: { name: "text", expected: "a string", check: isString },
  input_json_delta: { name: "partial_json", expected: "a string", check: isString },
  thinking_delta: { name: "thinking", expected: "a string", check: isString },
  signature_delta: { name: "signature", expected: "a string", check: isString },
  citations_delta: {
    name: "citation",
    expected: "an object",
    check: (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  },
};

/**
 * The first problem of a failed check, as "path: message". For a value that fits no branch of a
 * union (text or blocks), the branch that got furthest says what is wrong.
 */
export function describeIssue(error: z.ZodError, prefix = ""): string {
  const found = mostSpecific(error.issues, []);
  if (!found) return "the value does not have the expected shape";
  const path = [prefix, ...found.path.map(String)].filter(Boolean).join(".");
  return path ? `${path}: ${found.message}` : found.message;
}

type Issue = z.core.$ZodIssue;

function mostSpecific(
  issues: readonly Issue[],
  base: PropertyKey[],
): { path: PropertyKey[]; message: string } | null {
  const issue = issues[0];
  if (!issue) return null;
  const path = [...base, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branches = issue.errors
      .map((branch) => mostSpecific(branch, path))
      .filter((branch): branch is { path: PropertyKey[]; message: string } => branch !== null);
    branches.sort((a, b) => b.path.length - a.path.length);
    if (branches[0] && branches[0].path.length > path.length) return branches[0];
  }
  return { path, message: issue.message };
}
