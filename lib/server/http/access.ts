import "server-only";
// The server's API key is not a public utility: off localhost it is used only for a request that
// shows PLAYGROUND_ACCESS_TOKEN — as a header (scripts) or as the cookie the access page sets
// (browsers). The cookie holds an HMAC of the token, never the token itself.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { isLocalUse, parseHost, type SiteSettings } from "./site-settings";

export const ACCESS_COOKIE = "playground_access";
export const ACCESS_HEADER = "x-playground-access-token";

export function accessCookieValue(token: string): string {
  return createHmac("sha256", token)
    .update("mcp-connector-playground access v1")
    .digest("base64url");
}

/** Compares two secrets in constant time (over their digests, so lengths do not leak). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

export function hasAccess(request: Request, settings: SiteSettings): boolean {
  if (!settings.accessToken) return false;
  const header = request.headers.get(ACCESS_HEADER);
  if (header && sameSecret(header, settings.accessToken)) return true;
  const cookie = readCookie(request, ACCESS_COOKIE);
  return !!cookie && sameSecret(cookie, accessCookieValue(settings.accessToken));
}

export type KeyPermission = { allowed: true } | { allowed: false; message: string };

/** Whether this request may have the server's ANTHROPIC_API_KEY used on its behalf. */
export function serverKeyPermission(request: Request, settings: SiteSettings): KeyPermission {
  if (isLocalUse(request, settings)) return { allowed: true };
  const host = parseHost(request.headers.get("host"))?.hostname ?? "this host";
  if (!settings.accessToken) {
    return {
      allowed: false,
      message: `The server's API key is only used on localhost, and this playground is reached as '${host}'. Its operator can set PLAYGROUND_ACCESS_TOKEN to share it with people who have that token; meanwhile, paste your own API key or use the emulator.`,
    };
  }
  if (hasAccess(request, settings)) return { allowed: true };
  return {
    allowed: false,
    message: `The server's API key needs this playground's access token: open /access and enter it (scripts send it as '${ACCESS_HEADER}'), or paste your own API key, or use the emulator.`,
  };
}

/** The Set-Cookie value that grants (or, with `null`, withdraws) access in this browser. */
export function accessCookieHeader(token: string | null, secure: boolean): string {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Strict", ...(secure ? ["Secure"] : [])];
  return token === null
    ? [`${ACCESS_COOKIE}=`, "Max-Age=0", ...attributes].join("; ")
    : [`${ACCESS_COOKIE}=${accessCookieValue(token)}`, "Max-Age=2592000", ...attributes].join("; ");
}
