import "server-only";
// The demo authorization server's HTTP endpoints, and the well-known metadata documents of the
// demo (RFC 8414 for the issuer, RFC 9728 for the notes server), as route handlers and in-process.
import {
  authorizationServerMetadata,
  handleApprove,
  handleRegister,
  handleRevoke,
  handleToken,
  ISSUER_PATH,
  NOTES_PATH,
  protectedResourceMetadata,
} from "./authorization-server";
import { requestOrigin } from "@/lib/server/http/site-settings";

export const DEMO_OAUTH_ENDPOINTS = ["token", "register", "revoke", "approve"] as const;
export type DemoOAuthEndpoint = (typeof DEMO_OAUTH_ENDPOINTS)[number];

export function isDemoOAuthEndpoint(name: string): name is DemoOAuthEndpoint {
  return (DEMO_OAUTH_ENDPOINTS as readonly string[]).includes(name);
}

export function handleDemoOAuthEndpoint(
  endpoint: DemoOAuthEndpoint,
  request: Request,
  nowMs = Date.now(),
): Promise<Response> {
  const origin = requestOrigin(request);
  if (request.method !== "POST")
    return Promise.resolve(new Response("POST only.", { status: 405, headers: { Allow: "POST" } }));
  switch (endpoint) {
    case "token":
      return handleToken(request, origin, nowMs);
    case "register":
      return handleRegister(request, nowMs);
    case "revoke":
      return handleRevoke(request, nowMs);
    case "approve":
      return handleApprove(request, origin, nowMs);
  }
}

/** `/.well-known/<kind>/<path>` documents the demo serves; null for anything else. */
export function wellKnownDocument(kind: string, path: string, origin: string): Response | null {
  const headers = { "cache-control": "no-store" };
  if (kind === "oauth-authorization-server" && path === ISSUER_PATH)
    return Response.json(authorizationServerMetadata(origin), { headers });
  if (kind === "oauth-protected-resource" && path === NOTES_PATH)
    return Response.json(protectedResourceMetadata(origin), { headers });
  return null;
}

export const WELL_KNOWN_PREFIX = "/.well-known/";

/** Answers a `/.well-known/…` URL of this origin, or 404 in the OAuth error shape. */
export function handleWellKnown(request: Request): Response {
  const url = new URL(request.url);
  const rest = url.pathname
    .replace(/^\/api\/well-known\//, WELL_KNOWN_PREFIX)
    .slice(WELL_KNOWN_PREFIX.length);
  const slash = rest.indexOf("/");
  const kind = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash);
  return (
    wellKnownDocument(kind, path, requestOrigin(request)) ??
    Response.json(
      { error: "not_found", error_description: "No such metadata here." },
      { status: 404 },
    )
  );
}
