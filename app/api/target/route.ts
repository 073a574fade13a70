import { hasAccess, serverKeyPermission } from "@/lib/server/http/access";
import { guardRoute } from "@/lib/server/http/guard-route";
import { siteSettingsFromEnv } from "@/lib/server/http/site-settings";

export const dynamic = "force-dynamic";

/**
 * What the browser may know about the server's target: whether a key is set and whether this
 * browser may use it — never the key.
 */
export const GET = guardRoute({}, (request: Request) => {
  const site = siteSettingsFromEnv();
  return Response.json({
    serverHasKey: site.serverHasKey,
    customBaseUrl: Boolean(process.env.ANTHROPIC_BASE_URL),
    serverKeyUsable: site.serverHasKey && serverKeyPermission(request, site).allowed,
    accessConfigured: site.accessToken !== null,
    accessGranted: hasAccess(request, site),
  });
});
