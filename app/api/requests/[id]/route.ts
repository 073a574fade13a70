import { guardRoute } from "@/lib/server/http/guard-route";
import { handleRequest } from "@/lib/server/workspace/request-routes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET: the saved request with its configuration; PATCH: rename, move, update, restore; DELETE.
export const GET = guardRoute({}, async (request: Request, { params }: Context) =>
  handleRequest(request, (await params).id),
);
const write = guardRoute(
  { json: true, rateLimited: true },
  async (request: Request, { params }: Context) => handleRequest(request, (await params).id),
);
export { write as PATCH, write as DELETE };
