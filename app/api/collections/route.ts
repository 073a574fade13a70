import { guardRoute } from "@/lib/server/http/guard-route";
import { handleCollections } from "@/lib/server/workspace/request-routes";

export const dynamic = "force-dynamic";

// GET: the collections (a first one is made when there are none); POST {name}: a new one.
export const GET = guardRoute({}, (request: Request) => handleCollections(request));
export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleCollections(request),
);
