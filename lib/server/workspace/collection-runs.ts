import "server-only";
// "Run collection" from the app: the collection's file (as Export writes it) planned and run by the
// CLI's runner, on the emulator in this process or the real API with the server's (or the
// browser's) key. Progress streams as NDJSON; Stop is the browser cancelling the fetch. Each run
// is stored with its report and each case's response blocks, for opening a case and for
// comparing with the collection's run before it. Values given for a run (tokens) are never stored.
import { randomUUID } from "node:crypto";
import type Anthropic from "@anthropic-ai/sdk";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { planCollection } from "@/lib/domain/checks/plan";
import { compareRuns, type CaseResult, type RunReport } from "@/lib/domain/checks/report";
import { VARIABLE_NAME } from "@/lib/domain/workspace/variable-names";
import type { RunStatus, RunSummary } from "@/lib/domain/workspace/run-wire";
import { processDatabase, type Database } from "@/lib/server/db/connect";
import { collectionRuns } from "@/lib/server/db/schema";
import { serverKeyPermission } from "@/lib/server/http/access";
import { errorResponse } from "@/lib/server/http/error-response";
import { clientKey } from "@/lib/server/http/rate-limit";
import { requestOrigin, siteSettingsFromEnv } from "@/lib/server/http/site-settings";
import { runPlannedCases, type RunTarget } from "@/lib/server/runner/run-plan";
import { collectionFileOf } from "./collection-files";
import {
  badRequest,
  checkedId,
  json,
  notFound,
  readWorkspaceBody,
  withDatabase,
  workspaceRefusal,
} from "./workspace-route";

/** A run from the app stays small; larger ones are the CLI's (`npx mcp-playground run`). */
export const APP_RUN_LIMITS = { cases: 500, concurrency: 8, repeat: 20, models: 10, kept: 20 };
/** A case's response is kept up to this many characters of JSON (and all of them up to 8 MB). */
const MESSAGE_CHARS = 256_000;
const MESSAGES_CHARS = 8_000_000;
/** Runs at once in this process: each holds MCP connections and model calls. */
const RUNS_AT_ONCE = 2;
let running = 0;

export const runBodySchema = z.strictObject({
  target: z.enum(["emulator", "anthropic"]).default("emulator"),
  environment: z.string().min(1).max(100).nullish(),
  /** Values for `{{NAME}}` placeholders the file leaves open (tokens, secret variables). */
  values: z
    .record(z.string().regex(VARIABLE_NAME), z.string().max(100_000))
    .refine((values) => Object.keys(values).length <= 500, "at most 500 values")
    .optional(),
  models: z.array(z.string().trim().min(1).max(200)).max(APP_RUN_LIMITS.models).optional(),
  repeat: z.number().int().min(1).max(APP_RUN_LIMITS.repeat).optional(),
  concurrency: z.number().int().min(1).max(APP_RUN_LIMITS.concurrency).optional(),
});

const RUN_ID = /^[0-9a-f-]{36}$/;
const NO_COLLECTION = "That collection is not in this workspace (it may have been deleted).";

export interface RunRouteEnv {
  apiKey?: string;
  baseURL?: string;
  /** The browser's own key for this run (it is used, never stored). */
  browserKey?: string;
}

function summaryOf(row: typeof collectionRuns.$inferSelect): RunSummary {
  const report = row.report as RunReport | null;
  return {
    id: row.id,
    status: row.status as RunStatus,
    target: row.target,
    total: row.total,
    startedAt: row.startedAt.toISOString(),
    durationMs: report?.durationMs ?? null,
    totals: report?.totals ?? null,
  };
}

/** POST /api/collections/<id>/runs: plans, then streams the run as NDJSON lines. */
export async function handleStartRun(
  request: Request,
  rawId: string,
  env: RunRouteEnv,
): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  if (!checkedId(rawId)) return notFound(NO_COLLECTION);
  const body = await readWorkspaceBody(request, runBodySchema);
  if (!body.ok) return body.response;
  const options = body.data;
  let target: RunTarget;
  if (options.target === "anthropic") {
    const apiKey = env.browserKey ?? env.apiKey;
    if (!env.browserKey && env.apiKey) {
      const permission = serverKeyPermission(request, siteSettingsFromEnv());
      if (!permission.allowed) return errorResponse(401, permission.message);
    }
    if (!apiKey)
      return badRequest(
        "No Anthropic API key: the server has no ANTHROPIC_API_KEY and none was given in the browser. Paste a key, or run on the emulator.",
      );
    target = { kind: "api", apiKey, baseUrl: env.baseURL };
  } else {
    target = {
      kind: "emulator",
      origin: requestOrigin(request),
      database: processDatabase,
    };
  }

  return withDatabase(async (db) => {
    const found = await collectionFileOf(db, rawId);
    if (!found.ok) return notFound(NO_COLLECTION);
    const plan = planCollection(found.file, rawId, {
      environment: options.environment ?? undefined,
      models: options.models,
      repeat: options.repeat ?? 1,
      given: options.values,
      target: options.target,
      // Never the server's environment: a placeholder must not read the server's own secrets.
      fallback: () => undefined,
    });
    if (plan.problems.length)
      return errorResponse(
        400,
        `${plan.problems.length} problem${plan.problems.length === 1 ? "" : "s"} before running: ${plan.problems[0]!.message}`,
        {
          fields: {
            kind: "plan_problems",
            problems: plan.problems.slice(0, 200).map((problem) => ({
              ...problem,
              file: found.file.name,
            })),
          },
        },
      );
    if (plan.cases.length === 0) return badRequest("The collection has no saved requests to run.");
    if (plan.cases.length > APP_RUN_LIMITS.cases)
      return badRequest(
        `${plan.cases.length} runs is more than the app runs at once (${APP_RUN_LIMITS.cases}): run it with npx mcp-playground run --batch.`,
      );
    if (running >= RUNS_AT_ONCE)
      return errorResponse(429, "Two collection runs are already going: wait for one to end.", {
        headers: { "retry-after": "10" },
      });

    const id = randomUUID();
    const label = target.kind === "emulator" ? "the emulator" : "the Anthropic API";
    await db.insert(collectionRuns).values({
      id,
      collectionId: rawId,
      status: "running",
      target: label,
      total: plan.cases.length,
    });
    running += 1;
    const encoder = new TextEncoder();
    const messages: Record<string, unknown> = {};
    let kept = 0;
    // Stop: the browser cancels the fetch, which cancels this stream (and aborts the request).
    const stop = new AbortController();
    if (request.signal.aborted) stop.abort();
    else request.signal.addEventListener("abort", () => stop.abort(), { once: true });
    const stream = new ReadableStream<Uint8Array>({
      cancel: () => stop.abort(),
      start: (controller) => {
        const send = (line: unknown) => {
          try {
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          } catch {
            // The browser went away (Stop): the run is being cancelled.
          }
        };
        send({ type: "start", runId: id, total: plan.cases.length });
        void (async () => {
          let report: RunReport | null = null;
          let status: RunStatus = "failed";
          try {
            report = await runPlannedCases(plan.cases, {
              target,
              concurrency: options.concurrency ?? 4,
              batch: false,
              timeoutMs: 300_000,
              signal: stop.signal,
              client: clientKey(request),
              progress: {
                start: () => {},
                waiting: () => {},
                caseEnded: (result: CaseResult, done: number, total: number) =>
                  send({ type: "case", done, total, result }),
              },
              onMessage: (key: string, message: Anthropic.Beta.BetaMessage) => {
                const size = JSON.stringify(message.content).length;
                if (size > MESSAGE_CHARS || kept + size > MESSAGES_CHARS) return;
                kept += size;
                messages[key] = message.content;
              },
            });
            status = stop.signal.aborted ? "stopped" : "done";
            // The report's target names the runner's view; the stored label is the app's.
            report = { ...report, target: label };
          } catch (error) {
            send({
              type: "error",
              message: `The run failed: ${error instanceof Error ? error.message : String(error)}`,
            });
          } finally {
            running -= 1;
            const ended = await finishRun(db, id, rawId, status, report, messages).catch(
              () => null,
            );
            if (ended) send({ type: "end", run: ended });
            try {
              controller.close();
            } catch {
              // Already closed by the browser.
            }
          }
        })();
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "cache-control": "no-store",
      },
    });
  });
}

async function finishRun(
  db: Database,
  id: string,
  collectionId: string,
  status: RunStatus,
  report: RunReport | null,
  messages: Record<string, unknown>,
): Promise<RunSummary | null> {
  const [row] = await db
    .update(collectionRuns)
    .set({ status, report, messages, endedAt: new Date() })
    .where(eq(collectionRuns.id, id))
    .returning();
  // Only the newest runs of a collection are kept.
  const older = await db
    .select({ startedAt: collectionRuns.startedAt })
    .from(collectionRuns)
    .where(eq(collectionRuns.collectionId, collectionId))
    .orderBy(desc(collectionRuns.startedAt))
    .offset(APP_RUN_LIMITS.kept - 1)
    .limit(1);
  if (older[0])
    await db
      .delete(collectionRuns)
      .where(
        and(
          eq(collectionRuns.collectionId, collectionId),
          lt(collectionRuns.startedAt, older[0].startedAt),
        ),
      );
  return row ? summaryOf(row) : null;
}

/** GET /api/collections/<id>/runs: the collection's runs, newest first. */
export async function handleListRuns(request: Request, rawId: string): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  if (!checkedId(rawId)) return notFound(NO_COLLECTION);
  return withDatabase(async (db) => {
    const rows = await db
      .select()
      .from(collectionRuns)
      .where(eq(collectionRuns.collectionId, rawId))
      .orderBy(desc(collectionRuns.startedAt))
      .limit(APP_RUN_LIMITS.kept);
    return json({ runs: rows.map(summaryOf) });
  });
}

/**
 * GET /api/collections/<id>/runs/<runId>: one run's cases and what changed since the run before
 * it; with `?case=<key>`, that case's response blocks.
 */
export async function handleGetRun(
  request: Request,
  rawId: string,
  rawRunId: string,
): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  if (!checkedId(rawId) || !RUN_ID.test(rawRunId)) return notFound("There is no such run.");
  const caseKey = new URL(request.url).searchParams.get("case");
  return withDatabase(async (db) => {
    const [row] = await db
      .select()
      .from(collectionRuns)
      .where(and(eq(collectionRuns.id, rawRunId), eq(collectionRuns.collectionId, rawId)))
      .limit(1);
    if (!row)
      return notFound("There is no such run (only the newest 20 of a collection are kept).");
    if (caseKey !== null) {
      const content = (row.messages as Record<string, unknown>)[caseKey];
      return json({ key: caseKey, content: Array.isArray(content) ? content : null });
    }
    const report = row.report as RunReport | null;
    const [earlier] = await db
      .select({ id: collectionRuns.id, report: collectionRuns.report })
      .from(collectionRuns)
      .where(
        and(
          eq(collectionRuns.collectionId, rawId),
          lt(collectionRuns.startedAt, row.startedAt),
          eq(collectionRuns.status, "done"),
        ),
      )
      .orderBy(desc(collectionRuns.startedAt))
      .limit(1);
    const earlierCases = (earlier?.report as RunReport | null)?.cases;
    return json({
      run: summaryOf(row),
      cases: report?.cases ?? [],
      comparison:
        earlier && earlierCases && report
          ? { earlierRunId: earlier.id, changes: compareRuns(earlierCases, report.cases) }
          : null,
    });
  });
}
