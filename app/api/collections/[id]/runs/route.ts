import { BROWSER_KEY_HEADER } from "@/lib/server/api/forward-messages";
import { guardRoute } from "@/lib/server/http/guard-route";
import { handleListRuns, handleStartRun } from "@/lib/server/workspace/collection-runs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET: the collection's runs, newest first.
export const GET = guardRoute({}, async (request: Request, { params }: Context) =>
  handleListRuns(request, (await params).id),
);

// POST: runs the collection (emulator or the API), streaming progress as NDJSON.
export const POST = guardRoute(
  { json: true, rateLimited: true },
  async (request: Request, { params }: Context) =>
    handleStartRun(request, (await params).id, {
      apiKey: process.env.ANTHROPIC_API_KEY || undefined,
      baseURL: process.env.ANTHROPIC_BASE_URL || undefined,
      browserKey: request.headers.get(BROWSER_KEY_HEADER)?.trim() || undefined,
    }),
);
