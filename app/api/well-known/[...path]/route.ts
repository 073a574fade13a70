import { handleWellKnown } from "@/lib/server/demo-oauth/endpoints";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

// /.well-known/* is rewritten here (next.config.ts): the demo's OAuth metadata documents.
export const GET = guardRoute({}, (request: Request) => {
  // The rewrite keeps the browser-visible path in request.url's pathname as /api/well-known/…
  return handleWellKnown(request);
});
