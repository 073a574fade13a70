import { guardRoute } from "@/lib/server/http/guard-route";
import { handleCollection } from "@/lib/server/workspace/request-routes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// PATCH {name}: rename; DELETE: the collection and its requests.
const write = guardRoute(
  { json: true, rateLimited: true },
  async (request: Request, { params }: Context) => handleCollection(request, (await params).id),
);
export { write as PATCH, write as DELETE };
