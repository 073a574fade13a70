import { handleBatchRequest } from "@/lib/server/emulator/batch-handler";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

export const POST = guardRoute(
  {},
  async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
    handleBatchRequest(request, "cancel", (await params).id),
);
