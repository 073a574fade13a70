import "server-only";
// The emulator's HTTP face: POST {base}/v1/messages as the API takes it (key as x-api-key or
// Bearer, betas in the anthropic-beta header, with or without ?beta=true), answering the API's
// shapes with a request-id on every response.
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { processAddressPolicy } from "@/lib/server/settings";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { recordEnd, recordStart } from "./activity";
import { readJsonBody } from "@/lib/server/http/read-body";
import { ApiError } from "./errors";
import { createApiId, type IdPrefix } from "./ids";
import { collectMessage, countTokens, emulatorSteps, runEmulator } from "./run";
import { streamSteps } from "./sse";
import { ClientShares } from "@/lib/server/http/client-shares";
import { clientKey } from "@/lib/server/http/rate-limit";
import { processLimits } from "@/lib/server/settings";
import { requestOrigin } from "@/lib/server/http/site-settings";
import { ThreadStore, type ThreadedRequest } from "./threads";
import type { EmulatorOptions, EmulatorRequest, EmulatorStep } from "./types";

export interface EmulatorHandlerOptions {
  /** How the emulator reaches MCP servers; by default through the address guard. */
  fetch?: typeof fetch;
  /** The app's own origin, whose demo MCP servers are answered in-process. */
  trustedOrigin?: string;
  connectTimeoutMs?: number;
  createId?: (prefix: IdPrefix) => string;
  /** Test-only hooks (see `readTestHooks`): slow the stream down, or break it. */
  blockDelayMs?: number;
  failAfterBlocks?: number;
  /** Where message threads are held; by default one store per process. */
  threads?: ThreadStore;
  /** Who the caller is, for its share of the MCP connection pool; read from the request by default. */
  client?: string;
  /** Emulated requests running per client; the process's own (PLAYGROUND_MAX_RUNS_PER_CLIENT). */
  runShares?: ClientShares;
}

const RUN_SHARES_KEY = Symbol.for("mcp-connector-playground.run-shares");

/** One client's emulated requests at once, for the whole process. */
function processRunShares(): ClientShares {
  const holder = globalThis as { [RUN_SHARES_KEY]?: ClientShares };
  return (holder[RUN_SHARES_KEY] ??= new ClientShares(processLimits().maxRunsPerClient));
}

const THREADS_KEY = Symbol.for("mcp-connector-playground.threads");

/** One thread store per process: every route module that serves messages shares it. */
function processThreads(): ThreadStore {
  const holder = globalThis as { [THREADS_KEY]?: ThreadStore };
  return (holder[THREADS_KEY] ??= new ThreadStore());
}

/** This client's share of the emulated runs, or the 429 that says it has them all running. */
function acquireRunShare(request: Request, options: EmulatorHandlerOptions): () => void {
  const shares = options.runShares ?? processRunShares();
  const share = shares.tryAcquire(options.client ?? clientKey(request));
  if (!share)
    throw new ApiError(
      429,
      `This client has ${shares.perClient} emulated requests running (PLAYGROUND_MAX_RUNS_PER_CLIENT): wait for one to finish.`,
      undefined,
      1,
    );
  return share;
}

/** Whose a batch or thread is: a hash of the API key, never the key itself. */
export async function keyOwner(headers: Headers): Promise<string> {
  const key = readApiKey(headers);
  if (!key) throw new ApiError(401, "x-api-key header is required");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return Buffer.from(digest).toString("hex");
}

/** The API's own limit for a Messages request. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function handleEmulatorRequest(
  request: Request,
  options: EmulatorHandlerOptions = {},
): Promise<Response> {
  const requestId = createApiId("req");
  const fail = (error: ApiError) => {
    const headers: Record<string, string> = { "request-id": requestId };
    // Our own 5xx are not worth a retry: say so, or the SDK waits and tries twice more.
    if (error.status >= 500) headers["x-should-retry"] = "false";
    return error.toResponse(requestId, headers);
  };

  let releaseShare: (() => void) | undefined;
  try {
    if (request.method !== "POST")
      throw new ApiError(404, `${request.method} is not supported here; POST /v1/messages.`);
    if (!readApiKey(request.headers)) throw new ApiError(401, "x-api-key header is required");
    const read = await readJsonBody(request, MAX_BODY_BYTES);
    if (!read.ok && read.problem === "too_large")
      throw new ApiError(413, "Request exceeds the maximum allowed number of bytes.");
    if (!read.ok)
      throw new ApiError(400, "There was an issue with your request body: it is not valid JSON.");
    const body = read.json;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new ApiError(400, "The request body must be a JSON object.");
    }
    const stream = (body as { stream?: unknown }).stream === true;
    const betas = readBetas(request.headers);
    const share = acquireRunShare(request, options);
    releaseShare = share;
    // Aborted when the caller disconnects or stops reading the stream.
    const abort = new AbortController();
    request.signal.addEventListener("abort", () => abort.abort(), { once: true });
    const runOptions = emulatorRunOptions(request, options, betas, abort.signal);
    // Only a threaded request needs its key's owner (a hash): every other one skips it.
    const threaded =
      (body as { thread?: unknown }).thread == null
        ? null
        : await (options.threads ?? processThreads()).open(
            await keyOwner(request.headers),
            body as EmulatorRequest,
            betas,
          );
    const whole = threaded?.request ?? (body as EmulatorRequest);
    recordStart(requestId, stream);
    const finish = (status: "completed" | "failed" | "cancelled") => {
      recordEnd(requestId, status);
      share();
    };
    abort.signal.addEventListener("abort", () => finish("cancelled"), { once: true });
    if (!stream) {
      const message = await runEmulator(whole, runOptions).catch(async (error: unknown) => {
        await threaded?.release();
        throw error;
      });
      await threaded?.remember(message).catch(threadNotHeld);
      finish("completed");
      return Response.json(message, { headers: { "request-id": requestId } });
    }
    const steps = threaded
      ? rememberedSteps(emulatorSteps(whole, runOptions), threaded)
      : emulatorSteps(whole, runOptions);
    // Validation and connection happen before the first step: their errors stay HTTP errors.
    const first = await steps.next();
    if (first.done) throw new Error("emulator: no steps");
    const events = streamSteps(first.value, steps, {
      requestId,
      blockDelayMs: options.blockDelayMs,
      failAfterBlocks: options.failAfterBlocks,
      onCancel: () => abort.abort(),
      onEnd: finish,
    });
    return new Response(events, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "request-id": requestId,
      },
    });
  } catch (error) {
    recordEnd(requestId, "failed");
    releaseShare?.();
    if (error instanceof ApiError) return fail(error);
    // Details stay in the server log; the caller gets the API's generic 500.
    console.error(`[emulator ${requestId}]`, error instanceof Error ? error.message : error);
    return fail(new ApiError(500, "Internal server error"));
  }
}

/**
 * POST {base}/v1/messages/count_tokens: the request's input tokens, estimated as a Message's usage
 * is (the emulator's documented ~4 characters a token), after the same validation and tool lists.
 */
export async function handleEmulatorCountTokens(
  request: Request,
  options: EmulatorHandlerOptions = {},
): Promise<Response> {
  const requestId = createApiId("req");
  let releaseShare: (() => void) | undefined;
  try {
    if (!readApiKey(request.headers)) throw new ApiError(401, "x-api-key header is required");
    const read = await readJsonBody(request, MAX_BODY_BYTES);
    if (!read.ok && read.problem === "too_large")
      throw new ApiError(413, "Request exceeds the maximum allowed number of bytes.");
    if (!read.ok || typeof read.json !== "object" || read.json === null || Array.isArray(read.json))
      throw new ApiError(
        400,
        "There was an issue with your request body: it is not a JSON object.",
      );
    releaseShare = acquireRunShare(request, options);
    const counted = await countTokens(
      read.json as EmulatorRequest,
      emulatorRunOptions(request, options, readBetas(request.headers), request.signal),
    );
    return Response.json(counted, { headers: { "request-id": requestId } });
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse(requestId, { "request-id": requestId });
    console.error(`[emulator ${requestId}]`, error instanceof Error ? error.message : error);
    return new ApiError(500, "Internal server error").toResponse(requestId, {
      "request-id": requestId,
      "x-should-retry": "false",
    });
  } finally {
    releaseShare?.();
  }
}

/**
 * The answer stands when its thread cannot be held (the database failed): the next continue is
 * then not found, and the SDK replays the history.
 */
function threadNotHeld(error: unknown): void {
  console.error(
    "[emulator] a thread was not held:",
    error instanceof Error ? error.message : error,
  );
}

/** The steps as they pass, the whole answer held in its thread once the last has passed. */
async function* rememberedSteps(
  steps: AsyncGenerator<EmulatorStep, void, undefined>,
  threaded: ThreadedRequest,
): AsyncGenerator<EmulatorStep, void, undefined> {
  let complete = false;
  try {
    const message = yield* collectMessage(steps);
    await threaded.remember(message).catch(threadNotHeld);
    complete = true;
  } finally {
    if (!complete) await threaded.release();
  }
}

/** The betas of the anthropic-beta header. */
export function readBetas(headers: Headers): string[] {
  return (headers.get("anthropic-beta") ?? "")
    .split(",")
    .map((beta) => beta.trim())
    .filter(Boolean);
}

/** How a request runs: its betas, and MCP connections through the address guard. */
export function emulatorRunOptions(
  request: Request,
  options: EmulatorHandlerOptions,
  betas: string[],
  signal?: AbortSignal,
): EmulatorOptions {
  return runOptionsFor(
    {
      betas,
      origin: options.trustedOrigin ?? requestOrigin(request),
      client: options.client ?? clientKey(request),
    },
    options,
    signal,
  );
}

/** The same, from what a stored batch keeps of its request (any instance can rebuild it). */
export function runOptionsFor(
  context: { betas: string[]; origin: string; client: string },
  options: EmulatorHandlerOptions = {},
  signal?: AbortSignal,
): EmulatorOptions {
  const inProcess = demoServersInProcess(context.origin);
  return {
    betas: context.betas,
    signal,
    // It connects wherever the request says: the same address policy as tool discovery.
    fetch:
      options.fetch ??
      createGuardedFetch({
        policy: { allowPrivate: processAddressPolicy().allowPrivate },
        inProcess,
      }),
    connectTimeoutMs: options.connectTimeoutMs,
    createId: options.createId,
    connectionClient: context.client,
    inProcessUrl: inProcess.serves,
  };
}

export function readApiKey(headers: Headers): string | null {
  const key = headers.get("x-api-key");
  if (key) return key;
  const match = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/** Test-only request headers, honoured only when the server runs with PLAYGROUND_TEST_HOOKS=1. */
export const TEST_DELAY_HEADER = "x-playground-test-block-delay-ms";
export const TEST_FAIL_HEADER = "x-playground-test-fail-after-blocks";

export function readTestHooks(
  headers: Headers,
  enabled = process.env.PLAYGROUND_TEST_HOOKS === "1",
): Pick<EmulatorHandlerOptions, "blockDelayMs" | "failAfterBlocks"> {
  if (!enabled) return {};
  const bounded = (value: string | null, max: number) => {
    const number = Number(value);
    return value !== null && Number.isInteger(number) && number >= 0 && number <= max
      ? number
      : undefined;
  };
  return {
    blockDelayMs: bounded(headers.get(TEST_DELAY_HEADER), 10_000),
    failAfterBlocks: bounded(headers.get(TEST_FAIL_HEADER), 1_000),
  };
}
