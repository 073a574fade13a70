import "server-only";
// Every /api route is wrapped in this: the request guard (Host, Origin, Sec-Fetch-Site, content
// type) with the deployment's settings, and for the routes that spend the key or connect out, the
// per-client rate limit. Refusals are answered before the handler sees the request.
import { processLimits } from "@/lib/server/settings";
import { errorResponse } from "./error-response";
import { clientKey, RateLimiter } from "./rate-limit";
import { checkRequest, refusalResponse, type GuardOptions } from "./request-guard";
import { siteSettingsFromEnv } from "./site-settings";

export interface RouteGuardOptions extends GuardOptions {
  /** Counts against the per-client rate limit (PLAYGROUND_RATE_LIMIT per minute). */
  rateLimited?: boolean;
}

let limiter: RateLimiter | undefined;
function processRateLimiter(): RateLimiter {
  limiter ??= new RateLimiter(processLimits().rateLimitPerMinute);
  return limiter;
}

export function guardRoute<Rest extends unknown[]>(
  options: RouteGuardOptions,
  handler: (request: Request, ...rest: Rest) => Promise<Response> | Response,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const verdict = checkRequest(request, siteSettingsFromEnv(), options);
    if (!verdict.ok) return refusalResponse(verdict);
    if (options.rateLimited) {
      const limit = processRateLimiter().take(clientKey(request));
      if (!limit.ok) {
        return errorResponse(
          429,
          `Too many requests from this client: this playground allows ${processRateLimiter().perMinute} a minute (PLAYGROUND_RATE_LIMIT). Try again in ${limit.retryAfterSeconds} s.`,
          {
            fields: { kind: "rate_limited" },
            headers: { "retry-after": String(limit.retryAfterSeconds) },
          },
        );
      }
    }
    return handler(request, ...rest);
  };
}
