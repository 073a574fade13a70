import { handleBatchRequest } from "@/lib/server/emulator/batch-handler";
import { guardRoute } from "@/lib/server/http/guard-route";

// The offline Message Batches API (see lib/server/emulator/batch-handler.ts).
export const dynamic = "force-dynamic";

export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleBatchRequest(request, "create", null),
);

export const GET = guardRoute({}, (request: Request) => handleBatchRequest(request, "list", null));
