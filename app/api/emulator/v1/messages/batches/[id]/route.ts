import { handleBatchRequest } from "@/lib/server/emulator/batch-handler";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = guardRoute({}, async (request: Request, { params }: Context) =>
  handleBatchRequest(request, "retrieve", (await params).id),
);

export const DELETE = guardRoute({}, async (request: Request, { params }: Context) =>
  handleBatchRequest(request, "delete", (await params).id),
);
