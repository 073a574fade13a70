import "server-only";
// POST /api/access {token}: a browser proves it knows PLAYGROUND_ACCESS_TOKEN once and gets an
// httpOnly, SameSite=Strict cookie; DELETE withdraws it. Rate limited by the route, like the key.
import { z } from "zod";
import { bodyRefusal, errorResponse } from "./error-response";

const ACCESS_BODY_BYTES = 4096;
import { readJsonBody } from "./read-body";
import { accessCookieHeader, sameSecret } from "./access";
import { siteSettingsFromEnv, type SiteSettings } from "./site-settings";

const accessRequestSchema = z.strictObject({ token: z.string().min(1).max(1000) });

function done(headers: Record<string, string>): Response {
  return Response.json({ ok: true }, { headers });
}

function refused(status: number, kind: string, message: string): Response {
  return errorResponse(status, message, { fields: { kind } });
}

export async function handleAccessRequest(
  request: Request,
  settings: SiteSettings = siteSettingsFromEnv(),
): Promise<Response> {
  const secure =
    new URL(request.url).protocol === "https:" ||
    request.headers.get("x-forwarded-proto") === "https";
  if (request.method === "DELETE") return done({ "set-cookie": accessCookieHeader(null, secure) });
  if (!settings.accessToken) {
    return refused(
      404,
      "not_configured",
      "This playground has no access token (PLAYGROUND_ACCESS_TOKEN is not set), so there is nothing to enter.",
    );
  }
  const body = await readJsonBody(request, ACCESS_BODY_BYTES);
  if (!body.ok && body.problem === "too_large") return bodyRefusal(body, ACCESS_BODY_BYTES);
  const parsed = body.ok ? accessRequestSchema.safeParse(body.json) : null;
  if (!parsed?.success) return refused(400, "bad_request", 'Send {"token": "…"} as JSON.');
  if (!sameSecret(parsed.data.token, settings.accessToken))
    return refused(401, "wrong_token", "That is not this playground's access token.");
  return done({ "set-cookie": accessCookieHeader(settings.accessToken, secure) });
}
