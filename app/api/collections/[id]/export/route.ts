import { guardRoute } from "@/lib/server/http/guard-route";
import { handleExportCollection } from "@/lib/server/workspace/request-routes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// GET: the collection as one YAML file (docs/formats.md), tokens as placeholders.
export const GET = guardRoute({}, async (request: Request, { params }: Context) =>
  handleExportCollection(request, (await params).id),
);
