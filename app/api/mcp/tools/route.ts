import { handleDiscoverRequest } from "@/lib/server/api/discover-route";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleDiscoverRequest(request),
);
