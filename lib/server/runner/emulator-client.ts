import "server-only";
// The emulator as an Anthropic SDK client, in this process: the SDK's fetch is answered by the
// emulator's own handlers (messages and Message Batches), so the runner speaks to the emulator
// exactly as it speaks to the real API — the same SDK calls, minus the socket.
import Anthropic from "@anthropic-ai/sdk";
import type { DatabaseHandle } from "@/lib/server/db/connect";
import { handleBatchRequest, type BatchAction } from "@/lib/server/emulator/batch-handler";
import { BatchStore } from "@/lib/server/emulator/batches";
import { handleEmulatorRequest, runOptionsFor } from "@/lib/server/emulator/handler";
import { runEmulator } from "@/lib/server/emulator/run";
import { ThreadStore } from "@/lib/server/emulator/threads";
import type { EmulatorRequest } from "@/lib/server/emulator/types";
import { ClientShares } from "@/lib/server/http/client-shares";

export const IN_PROCESS_BASE_URL = "http://emulator.in-process/api/emulator";

export interface InProcessEmulatorOptions {
  /** Whose demo MCP servers are answered in process (the app's origin). */
  origin: string;
  /** Who the runs are counted for (connection and run shares). */
  client: string;
  /** Requests at once: the run share is sized to it. */
  concurrency: number;
  /** Where batches and threads are kept; the process's database by default. */
  database?: () => Promise<DatabaseHandle>;
  /** How MCP servers are reached; the address guard under the process's policy by default. */
  fetch?: typeof fetch;
  /** Time limit of one request. */
  timeoutMs?: number;
}

const BATCH_PATH = /^\/v1\/messages\/batches(?:\/([^/]+))?(?:\/(cancel|results))?\/?$/;

export function inProcessEmulator(options: InProcessEmulatorOptions): {
  client: Anthropic;
  close: () => void;
} {
  const threads = options.database ? new ThreadStore({ database: options.database }) : undefined;
  const runShares = new ClientShares(Math.max(1, options.concurrency));
  const handlerOptions = {
    trustedOrigin: options.origin,
    client: options.client,
    runShares,
    threads,
    fetch: options.fetch,
  };
  const store = new BatchStore({
    database:
      options.database ?? (async () => (await import("@/lib/server/db/connect")).processDatabase()),
    runner: (context) => {
      const runOptions = runOptionsFor(context, handlerOptions);
      return (params) => runEmulator(params as unknown as EmulatorRequest, runOptions);
    },
    // Nothing else runs these batches: no sweep for lapsed leases.
    sweepEveryMs: 0,
  });
  const answer = (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*?\/v1\//, "/v1/");
    if (path === "/v1/messages" || path === "/v1/messages/")
      return handleEmulatorRequest(request, handlerOptions);
    const batch = BATCH_PATH.exec(path);
    if (batch) {
      const [, id, tail] = batch;
      const action: BatchAction = !id
        ? request.method === "POST"
          ? "create"
          : "list"
        : tail === "cancel"
          ? "cancel"
          : tail === "results"
            ? "results"
            : request.method === "DELETE"
              ? "delete"
              : "retrieve";
      return handleBatchRequest(request, action, id ?? null, { ...handlerOptions, store });
    }
    return Promise.resolve(
      Response.json(
        { type: "error", error: { type: "not_found_error", message: `${path} is not emulated.` } },
        { status: 404 },
      ),
    );
  };
  const client = new Anthropic({
    apiKey: "emulator",
    baseURL: IN_PROCESS_BASE_URL,
    maxRetries: 2,
    timeout: options.timeoutMs ?? 600_000,
    fetch: (input, init) => {
      const request = new Request(input, init);
      // A socket would fail at once when the caller aborts; the handler may still be waiting on
      // an MCP server, so the answer races the signal (the handler is aborted by it as well).
      return new Promise<Response>((resolve, reject) => {
        const { signal } = request;
        if (signal.aborted) return reject(signal.reason as Error);
        const onAbort = () => reject(signal.reason as Error);
        signal.addEventListener("abort", onAbort, { once: true });
        answer(request)
          .then(resolve, reject)
          .finally(() => signal.removeEventListener("abort", onAbort));
      });
    },
  });
  return { client, close: () => store.stop() };
}
