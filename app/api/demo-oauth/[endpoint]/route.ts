import { handleDemoOAuthEndpoint, isDemoOAuthEndpoint } from "@/lib/server/demo-oauth/endpoints";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

// The demo authorization server: token, register, revoke (called by OAuth clients' servers) and
// approve (the consent page's form).
export const POST = guardRoute(
  { rateLimited: true },
  async (request: Request, { params }: { params: Promise<{ endpoint: string }> }) => {
    const { endpoint } = await params;
    if (!isDemoOAuthEndpoint(endpoint))
      return Response.json({ error: "not_found" }, { status: 404 });
    return handleDemoOAuthEndpoint(endpoint, request);
  },
);
