import { clientMetadataDocument } from "@/lib/server/oauth/route";
import { refusalResponse, checkHost } from "@/lib/server/http/request-guard";
import { requestOrigin, siteSettingsFromEnv } from "@/lib/server/http/site-settings";

export const dynamic = "force-dynamic";

/**
 * This app's OAuth client metadata document: over https its URL is its client id, for
 * authorization servers that support URL client ids. Public: authorization servers fetch it. Its
 * redirect URI names the host it was asked under, so it answers only this app's own hosts (loopback
 * names and PLAYGROUND_ALLOWED_HOSTS) and is cached per host.
 */
export function GET(request: Request): Response {
  const verdict = checkHost(request, siteSettingsFromEnv());
  if (!verdict.ok) return refusalResponse(verdict);
  return Response.json(clientMetadataDocument(requestOrigin(request)), {
    headers: { "cache-control": "public, max-age=300", vary: "Host" },
  });
}
