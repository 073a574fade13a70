import { handleBatchRequest } from "@/lib/emulator/batch-handler";
import { guardRoute } from "@/lib/http/guard-route";

export const dynamic = "force-dynamic";

export const POST = guardRoute(
  {},
  async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
    handleBatchRequest(request, "cancel", (await params).id),
);
