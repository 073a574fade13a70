import { errorResponse } from "@/lib/server/http/error-response";
import { guardRoute } from "@/lib/server/http/guard-route";
import { handleOAuthRequest, OAUTH_ACTIONS, type OAuthAction } from "@/lib/server/oauth/route";

export const dynamic = "force-dynamic";

export const POST = guardRoute(
  { json: true, rateLimited: true },
  async (request: Request, { params }: { params: Promise<{ action: string }> }) => {
    const { action } = await params;
    if (!(OAUTH_ACTIONS as readonly string[]).includes(action))
      return errorResponse(404, "No such step.", { fields: { kind: "not_found" } });
    return handleOAuthRequest(action as OAuthAction, request);
  },
);
