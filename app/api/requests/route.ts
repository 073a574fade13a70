import { guardRoute } from "@/lib/server/http/guard-route";
import { handleRequests } from "@/lib/server/workspace/request-routes";

export const dynamic = "force-dynamic";

// GET ?collection=&q=&offset=&limit=: one page of saved requests; POST: save a new one.
export const GET = guardRoute({}, (request: Request) => handleRequests(request));
export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleRequests(request),
);
