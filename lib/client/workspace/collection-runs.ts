// The browser's side of Run collection: start a run and read its NDJSON progress line by line
// (each line checked before it is used), list a collection's runs, open one, open a case's
// response. Failures come back as RouteErrors in words; a run's plan problems come with them.
import type { z } from "zod";
import {
  planProblemSchema,
  runCaseSchema,
  runDetailSchema,
  runListSchema,
  runStreamLineSchema,
  type RunDetail,
  type RunStreamLine,
  type RunSummary,
  type WirePlanProblem,
} from "@/lib/domain/workspace/run-wire";
import { readRouteError, unreachableError, type RouteError } from "@/lib/client/api/route-error";
import type { Target } from "@/lib/domain/request/targets";

export type RunAnswer<T> = { ok: true; data: T } | { ok: false; error: RouteError };

const base = (collectionId: string) => `/api/collections/${encodeURIComponent(collectionId)}/runs`;

function badAnswer(path: string, status: number): RouteError {
  return {
    status,
    type: "http_error",
    message: `The server's answer to ${path} is not what this playground expects.`,
    kind: "bad_answer",
    requestId: null,
    fields: {},
  };
}

async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<RunAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin" });
  } catch (error) {
    return { ok: false, error: unreachableError(error, false) };
  }
  if (!response.ok) return { ok: false, error: await readRouteError(response) };
  const parsed = schema.safeParse(await response.json().catch(() => null));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, error: badAnswer(path.split("?")[0]!, response.status) };
}

export function listRuns(collectionId: string): Promise<RunAnswer<RunSummary[]>> {
  return getJson(base(collectionId), runListSchema).then((answer) =>
    answer.ok ? { ok: true, data: answer.data.runs } : answer,
  );
}

export function getRun(collectionId: string, runId: string): Promise<RunAnswer<RunDetail>> {
  return getJson(`${base(collectionId)}/${encodeURIComponent(runId)}`, runDetailSchema);
}

export function getRunCase(
  collectionId: string,
  runId: string,
  key: string,
): Promise<RunAnswer<z.infer<typeof runCaseSchema>>> {
  return getJson(
    `${base(collectionId)}/${encodeURIComponent(runId)}?case=${encodeURIComponent(key)}`,
    runCaseSchema,
  );
}

export interface RunRequest {
  target: Target;
  environment: string | null;
  values: Record<string, string>;
  models?: string[];
  repeat?: number;
  /** The browser's API key, when the target is the API and one was pasted. */
  apiKey?: string;
}

export type StartedRun =
  { ok: true } | { ok: false; error: RouteError; problems: WirePlanProblem[] };

/** The problems a refused run named (checked one by one; ones that do not read are left out). */
function planProblems(error: RouteError): WirePlanProblem[] {
  const raw = error.fields.problems;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = planProblemSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Starts a run and hands each progress line to `onLine` until it ends (or `signal` stops it). */
export async function startRun(
  collectionId: string,
  request: RunRequest,
  onLine: (line: RunStreamLine) => void,
  signal: AbortSignal,
): Promise<StartedRun> {
  let response: Response;
  try {
    response = await fetch(base(collectionId), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(request.apiKey ? { "x-playground-api-key": request.apiKey } : {}),
      },
      body: JSON.stringify({
        target: request.target,
        environment: request.environment,
        values: request.values,
        ...(request.models?.length ? { models: request.models } : {}),
        ...(request.repeat && request.repeat > 1 ? { repeat: request.repeat } : {}),
      }),
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    return { ok: false, error: unreachableError(error, signal.aborted), problems: [] };
  }
  if (!response.ok || !response.body) {
    const error = await readRouteError(response);
    return { ok: false, error, problems: planProblems(error) };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += value;
      // A line longer than any we send is not ours.
      if (buffered.length > 2_000_000) throw new Error("a progress line is too long");
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const text = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const parsed = runStreamLineSchema.safeParse(JSON.parse(text));
        if (!parsed.success) throw new Error("a progress line is not what this playground expects");
        onLine(parsed.data);
      }
    }
  } catch (error) {
    if (signal.aborted) return { ok: true };
    return {
      ok: false,
      error: {
        ...badAnswer(base(collectionId), response.status),
        message: `The run's progress broke off: ${error instanceof Error ? error.message : String(error)}. What arrived is shown.`,
      },
      problems: [],
    };
  }
  return { ok: true };
}
