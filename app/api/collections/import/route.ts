import { guardRoute } from "@/lib/server/http/guard-route";
import { handleImportCollection } from "@/lib/server/workspace/request-routes";

export const dynamic = "force-dynamic";

// POST {file}: a collection file (YAML or JSON) becomes a new collection.
export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleImportCollection(request),
);
