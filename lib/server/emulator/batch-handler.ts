import "server-only";
// The emulator's Message Batches endpoints, as the API (and the SDKs) use them:
//   POST   {base}/v1/messages/batches              create
//   GET    {base}/v1/messages/batches              list
//   GET    {base}/v1/messages/batches/{id}         retrieve
//   DELETE {base}/v1/messages/batches/{id}         delete (once ended)
//   POST   {base}/v1/messages/batches/{id}/cancel  cancel
//   GET    {base}/v1/messages/batches/{id}/results the results, JSONL
// Each batch belongs to the API key that made it (kept as a hash, never the key). Batches live in
// the database (lib/server/emulator/batches.ts), so any instance answers for any batch.
import { DatabaseUnavailableError, processDatabase } from "@/lib/server/db/connect";
import { DataDirInUseError } from "@/lib/server/db/data-dir-lock";
import { clientKey } from "@/lib/server/http/rate-limit";
import { readJsonBody } from "@/lib/server/http/read-body";
import { requestOrigin } from "@/lib/server/http/site-settings";
import { batchLeaseMs } from "@/lib/server/settings";
import { BatchStore } from "./batches";
import { ApiError } from "./errors";
import { keyOwner, readBetas, runOptionsFor, type EmulatorHandlerOptions } from "./handler";
import { createApiId } from "./ids";
import { mebibytes, processStoreLimits } from "./store-budget";
import { runEmulator } from "./run";
import type { EmulatorRequest } from "./types";

export type BatchAction = "create" | "list" | "retrieve" | "delete" | "cancel" | "results";

/** The API's own limit for a Messages request; a batch is also bounded by its key's budget. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const STORE_KEY = Symbol.for("mcp-connector-playground.batches");

/** One store per process: every route module that serves batches shares it. */
function processBatchStore(): BatchStore {
  const holder = globalThis as { [STORE_KEY]?: BatchStore };
  return (holder[STORE_KEY] ??= new BatchStore({
    database: processDatabase,
    runner: (context) => {
      const options = runOptionsFor(context);
      return (params) => runEmulator(params as unknown as EmulatorRequest, options);
    },
    leaseMs: batchLeaseMs(),
  }));
}

export async function handleBatchRequest(
  request: Request,
  action: BatchAction,
  id: string | null,
  options: EmulatorHandlerOptions & { store?: BatchStore } = {},
): Promise<Response> {
  const requestId = createApiId("req");
  const headers = { "request-id": requestId };
  const store = options.store ?? processBatchStore();
  try {
    store.startSweeping();
    const owner = await keyOwner(request.headers);
    const batchId = id ?? "";
    switch (action) {
      case "create": {
        // Read no more than the key may hold: a body over it is refused unread.
        const cap = Math.min(MAX_BODY_BYTES, processStoreLimits().perClientBytes);
        const read = await readJsonBody(request, cap);
        if (!read.ok)
          throw new ApiError(
            read.problem === "too_large" ? 413 : 400,
            read.problem === "too_large"
              ? `Request exceeds the maximum allowed number of bytes (this emulator holds at most ${mebibytes(cap)} of batches per API key).`
              : "There was an issue with your request body: it is not valid JSON.",
          );
        // Runs after this response, on this instance or (should it stop) another.
        const batch = await store.create(owner, read.json, {
          betas: readBetas(request.headers),
          origin: options.trustedOrigin ?? requestOrigin(request),
          client: options.client ?? clientKey(request),
        });
        return Response.json(batch, { headers });
      }
      case "list": {
        const query = new URL(request.url).searchParams;
        const limit = query.get("limit");
        return Response.json(
          await store.list(owner, {
            limit: limit === null ? undefined : Number(limit),
            after_id: query.get("after_id") ?? undefined,
            before_id: query.get("before_id") ?? undefined,
          }),
          { headers },
        );
      }
      case "retrieve":
        return Response.json(await store.retrieve(owner, batchId), { headers });
      case "delete":
        return Response.json(await store.delete(owner, batchId), { headers });
      case "cancel":
        return Response.json(await store.cancel(owner, batchId), { headers });
      case "results":
        return new Response(await store.results(owner, batchId), {
          headers: { ...headers, "content-type": "application/binary" },
        });
    }
  } catch (error) {
    const unavailable =
      error instanceof DatabaseUnavailableError || error instanceof DataDirInUseError;
    const failure =
      error instanceof ApiError
        ? error
        : unavailable
          ? new ApiError(
              500,
              `The emulator's batch store (the database) is unavailable: ${error.message}`,
            )
          : new ApiError(500, "Internal server error");
    if (!(error instanceof ApiError))
      console.error(`[emulator ${requestId}]`, error instanceof Error ? error.message : error);
    return failure.toResponse(requestId, headers);
  }
}
