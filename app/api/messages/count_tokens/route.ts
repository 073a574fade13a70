import { forwardCountTokens } from "@/lib/server/api/forward-messages";
import { guardRoute } from "@/lib/server/http/guard-route";
import { siteSettingsFromEnv } from "@/lib/server/http/site-settings";

export const dynamic = "force-dynamic";

export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  forwardCountTokens(request, {
    apiKey: process.env.ANTHROPIC_API_KEY || undefined,
    baseURL: process.env.ANTHROPIC_BASE_URL || undefined,
    site: siteSettingsFromEnv(),
  }),
);
