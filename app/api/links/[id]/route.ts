import { guardRoute } from "@/lib/server/http/guard-route";
import { handleOpenLink, handleRevokeLink } from "@/lib/server/workspace/link-routes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = guardRoute({}, async (_request: Request, { params }: Context) =>
  handleOpenLink((await params).id),
);

// DELETE {revokeKey}: only the browser that made the link holds its key.
export const DELETE = guardRoute(
  { json: true, rateLimited: true },
  async (request: Request, { params }: Context) => handleRevokeLink(request, (await params).id),
);
