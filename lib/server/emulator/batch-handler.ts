import "server-only";
// The emulator's Message Batches endpoints, as the API (and the SDKs) use them:
//   POST   {base}/v1/messages/batches              create
//   GET    {base}/v1/messages/batches              list
//   GET    {base}/v1/messages/batches/{id}         retrieve
//   DELETE {base}/v1/messages/batches/{id}         delete (once ended)
//   POST   {base}/v1/messages/batches/{id}/cancel  cancel
//   GET    {base}/v1/messages/batches/{id}/results the results, JSONL
// Each batch belongs to the API key that made it (kept as a hash, never the key).
import { readJsonBody } from "@/lib/server/http/read-body";
import { requestOrigin } from "@/lib/server/http/site-settings";
import { BatchStore } from "./batches";
import { ApiError } from "./errors";
import { emulatorRunOptions, keyOwner, readBetas, type EmulatorHandlerOptions } from "./handler";
import { createApiId } from "./ids";
import { mebibytes, processStoreBudget } from "./store-budget";
import { runEmulator } from "./run";
import type { EmulatorRequest } from "./types";

export type BatchAction = "create" | "list" | "retrieve" | "delete" | "cancel" | "results";

/** The API's own limit for a Messages request; a batch is also bounded by its key's budget. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const STORE_KEY = Symbol.for("mcp-connector-playground.batches");

/** One store per process: every route module that serves batches shares it. */
function processStore(): BatchStore {
  const holder = globalThis as { [STORE_KEY]?: BatchStore };
  return (holder[STORE_KEY] ??= new BatchStore({ budget: processStoreBudget() }));
}

export async function handleBatchRequest(
  request: Request,
  action: BatchAction,
  id: string | null,
  options: EmulatorHandlerOptions & { store?: BatchStore } = {},
): Promise<Response> {
  const requestId = createApiId("req");
  const headers = { "request-id": requestId };
  const store = options.store ?? processStore();
  try {
    const owner = await keyOwner(request.headers);
    const batchId = id ?? "";
    switch (action) {
      case "create": {
        // Read no more than the key may hold: a body over it is refused unread.
        const cap = Math.min(MAX_BODY_BYTES, store.budget.limits.perClientBytes);
        const read = await readJsonBody(request, cap);
        if (!read.ok)
          throw new ApiError(
            read.problem === "too_large" ? 413 : 400,
            read.problem === "too_large"
              ? `Request exceeds the maximum allowed number of bytes (this emulator holds at most ${mebibytes(cap)} of batches per API key).`
              : "There was an issue with your request body: it is not valid JSON.",
          );
        const base = `${options.trustedOrigin ?? requestOrigin(request)}/api/emulator`;
        // Runs after this response: not tied to this request's lifetime.
        const runOptions = emulatorRunOptions(request, options, readBetas(request.headers));
        const batch = store.create(
          owner,
          read.json,
          (params) => runEmulator(params as unknown as EmulatorRequest, runOptions),
          (created) => `${base}/v1/messages/batches/${created}/results`,
          read.byteLength,
        );
        return Response.json(batch, { headers });
      }
      case "list": {
        const query = new URL(request.url).searchParams;
        const limit = query.get("limit");
        return Response.json(
          store.list(owner, {
            limit: limit === null ? undefined : Number(limit),
            after_id: query.get("after_id") ?? undefined,
            before_id: query.get("before_id") ?? undefined,
          }),
          { headers },
        );
      }
      case "retrieve":
        return Response.json(store.retrieve(owner, batchId), { headers });
      case "delete":
        return Response.json(store.delete(owner, batchId), { headers });
      case "cancel":
        return Response.json(store.cancel(owner, batchId), { headers });
      case "results":
        return new Response(store.results(owner, batchId), {
          headers: { ...headers, "content-type": "application/binary" },
        });
    }
  } catch (error) {
    const failure = error instanceof ApiError ? error : new ApiError(500, "Internal server error");
    if (!(error instanceof ApiError))
      console.error(`[emulator ${requestId}]`, error instanceof Error ? error.message : error);
    return failure.toResponse(requestId, headers);
  }
}
