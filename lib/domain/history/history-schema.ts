// Reading the saved run history back: untrusted, so each run is checked on its own (blocks type by
// type, JSON depth bounded) and a damaged one is dropped and counted. Loaded when the history is,
// so its schemas are not part of the page's first load.
import { z } from "zod";
import { TARGETS } from "@/lib/domain/request/targets";
import { contentBlocksSchema, depthWithin } from "@/lib/domain/blocks/schema";
import { composerStateSchema } from "@/lib/domain/request/schema";
import type { RunRecord } from "@/lib/domain/history/run-history";

const messageShape = z.looseObject({
  id: z.string(),
  model: z.string(),
  content: contentBlocksSchema,
  stop_reason: z.string().nullish(),
  usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }),
});
const failureShape = z.object({
  status: z.number(),
  type: z.string(),
  message: z.string(),
  requestId: z.string().nullable(),
});
const timingShape = {
  latencyMs: z.number(),
  firstEventMs: z.number().nullable(),
  streamed: z.boolean(),
  target: z.enum(TARGETS),
};
const outcomeShape = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    message: messageShape,
    requestId: z.string().nullable(),
    ...timingShape,
  }),
  z.object({
    ok: z.literal(false),
    error: failureShape,
    // Shown as JSON: any JSON, of bounded depth.
    raw: z.unknown().refine((value) => depthWithin(value, 64), "nests too deep"),
    partial: messageShape.nullable(),
    ...timingShape,
  }),
]);
const recordShape = z.object({
  id: z.string().max(100),
  at: z.number(),
  target: z.enum(TARGETS),
  model: z.string(),
  title: z.string(),
  kind: z.enum(["ok", "error", "cancelled", "broken"]),
  summary: z.string(),
  composer: composerStateSchema,
  outcome: outcomeShape,
});
const historyShape = z.object({ version: z.literal(1), runs: z.array(z.unknown()) });

/**
 * Saved history is untrusted: each run is checked on its own, and a run that fails is dropped
 * (counted, so the person can be told) rather than losing the whole list.
 */
export function parseHistory(json: string | null): { runs: RunRecord[]; dropped: number } {
  if (json === null) return { runs: [], dropped: 0 };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { runs: [], dropped: 1 };
  }
  const shape = historyShape.safeParse(raw);
  if (!shape.success) return { runs: [], dropped: 1 };
  const runs: RunRecord[] = [];
  let dropped = 0;
  for (const entry of shape.data.runs) {
    const run = recordShape.safeParse(entry);
    if (run.success) runs.push(run.data as unknown as RunRecord);
    else dropped += 1;
  }
  return { runs, dropped };
}
