import { guardRoute } from "@/lib/server/http/guard-route";
import { handleCreateLink } from "@/lib/server/workspace/link-routes";

export const dynamic = "force-dynamic";

// POST {state}: stores the configuration and answers its short link (/s/<id>) and revoke key.
export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleCreateLink(request),
);
