import { clientMetadataDocument } from "@/lib/server/oauth/route";
import { requestOrigin } from "@/lib/server/http/site-settings";

export const dynamic = "force-dynamic";

/**
 * This app's OAuth client metadata document: over https its URL is its client id, for
 * authorization servers that support URL client ids. Public: authorization servers fetch it.
 */
export function GET(request: Request): Response {
  return Response.json(clientMetadataDocument(requestOrigin(request)), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
