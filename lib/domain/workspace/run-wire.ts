// What the collection-run routes send and the browser checks (zod) before it shows anything: the
// stream of a run (NDJSON: start, one line per case, end), the list of runs and one run.
import { z } from "zod";
import { contentBlocksSchema } from "@/lib/domain/blocks/schema";

const checkResultSchema = z.strictObject({
  kind: z.string().max(100),
  passed: z.boolean(),
  message: z.string().max(20_000),
  blockIndex: z.number().int().min(0).optional(),
  observed: z.unknown().optional(),
});

export const caseResultSchema = z.strictObject({
  key: z.string().max(2000),
  collection: z.string().max(1000),
  requestIndex: z.number().int().min(0),
  requestName: z.string().max(1000),
  folder: z.string().max(1000),
  model: z.string().max(200),
  repetition: z.number().int().min(1),
  status: z.enum(["passed", "failed", "error"]),
  checks: z.array(checkResultSchema).max(200),
  latencyMs: z.number().nullable(),
  usage: z.strictObject({ input_tokens: z.number(), output_tokens: z.number() }).nullable(),
  costUsd: z.number().nullable(),
  stopReason: z.string().max(100).nullable(),
  toolCalls: z.number().int().min(0),
  toolErrors: z.number().int().min(0),
  requestId: z.string().max(200).nullable(),
  error: z
    .strictObject({
      type: z.string().max(200),
      message: z.string().max(20_000),
      status: z.number().nullable(),
    })
    .nullable(),
});
export type WireCaseResult = z.infer<typeof caseResultSchema>;

export const RUN_STATUSES = ["running", "done", "stopped", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const totalsSchema = z.strictObject({
  cases: z.number(),
  passed: z.number(),
  failed: z.number(),
  errors: z.number(),
  failedChecks: z.number(),
  toolErrors: z.number(),
  requests: z.number(),
  requestsFailed: z.number(),
  costUsd: z.number().nullable(),
});

export const runSummarySchema = z.strictObject({
  id: z.string().max(100),
  status: z.enum(RUN_STATUSES),
  target: z.string().max(200),
  total: z.number().int().min(0),
  startedAt: z.string().max(100),
  durationMs: z.number().nullable(),
  totals: totalsSchema.nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runListSchema = z.strictObject({ runs: z.array(runSummarySchema).max(100) });

export const CASE_CHANGES = [
  "started_failing",
  "now_passing",
  "still_failing",
  "new",
  "gone",
] as const;

export const runDetailSchema = z.strictObject({
  run: runSummarySchema,
  cases: z.array(caseResultSchema).max(10_000),
  /** Against the run of the same collection before it (null when there is none). */
  comparison: z
    .strictObject({
      earlierRunId: z.string().max(100),
      changes: z
        .array(
          z.strictObject({
            key: z.string().max(2000),
            requestName: z.string().max(1000),
            model: z.string().max(200),
            repetition: z.number().int().min(1),
            change: z.enum(CASE_CHANGES),
            reason: z.string().max(20_000).nullable(),
          }),
        )
        .max(20_000),
    })
    .nullable(),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

/** One case's response blocks, checked block by block as a Send's response is. */
export const runCaseSchema = z.strictObject({
  key: z.string().max(2000),
  content: contentBlocksSchema.nullable(),
});

export const runStreamLineSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("start"),
    runId: z.string().max(100),
    total: z.number().int().min(0),
  }),
  z.strictObject({
    type: z.literal("case"),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    result: caseResultSchema,
  }),
  z.strictObject({ type: z.literal("end"), run: runSummarySchema }),
  z.strictObject({ type: z.literal("error"), message: z.string().max(20_000) }),
]);
export type RunStreamLine = z.infer<typeof runStreamLineSchema>;

export const planProblemSchema = z.strictObject({
  file: z.string().max(1000),
  path: z.string().max(2000),
  request: z.string().max(1000).optional(),
  message: z.string().max(20_000),
  missing: z.string().max(200).optional(),
});
export type WirePlanProblem = z.infer<typeof planProblemSchema>;
