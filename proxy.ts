import { NextResponse, type NextRequest } from "next/server";
import { checkHost } from "./lib/server/http/request-guard";
import { createNonce, pageContentSecurityPolicy } from "./lib/domain/http/security-headers";
import { siteSettingsFromEnv } from "./lib/server/http/site-settings";

/** A router prefetch: an RSC payload, not a document, so it needs no nonce. */
function isPrefetch(request: NextRequest): boolean {
  return (
    request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch"
  );
}

/**
 * Pages: refused under a Host that is not this app's (DNS rebinding) — every request, prefetches
 * too — and documents served with a fresh CSP nonce that Next.js puts on its own scripts. API
 * routes check themselves (lib/server/http).
 */
export function proxy(request: NextRequest) {
  const verdict = checkHost(request, siteSettingsFromEnv());
  if (!verdict.ok) {
    return new NextResponse(verdict.message, {
      status: verdict.status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (isPrefetch(request)) return NextResponse.next();
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
