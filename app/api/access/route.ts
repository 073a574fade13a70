import { handleAccessRequest } from "@/lib/server/http/access-route";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

// POST {token}: checks PLAYGROUND_ACCESS_TOKEN and sets the access cookie; DELETE withdraws it.
const handle = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleAccessRequest(request),
);
export { handle as POST, handle as DELETE };
