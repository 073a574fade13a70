import { guardRoute } from "@/lib/server/http/guard-route";
import { handleGetRun } from "@/lib/server/workspace/collection-runs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; runId: string }> };

// GET: one run's cases and what changed since the run before (or, with ?case=, one response).
export const GET = guardRoute({}, async (request: Request, { params }: Context) => {
  const { id, runId } = await params;
  return handleGetRun(request, id, runId);
});
