import "server-only";
// A small OAuth 2.1 authorization server for the demo "notes" MCP server, so sign-in works with
// no account anywhere: RFC 8414 metadata, RFC 7591 dynamic registration, authorization code with
// PKCE (S256 only) and the RFC 8707 resource, refresh tokens, RFC 7009 revocation. Public clients
// only. Access tokens are short-lived (chosen on the consent page) so a refresh can be seen.
import { createHash } from "node:crypto";
import { BODY_LIMITS, readJsonBody, readTextBody } from "@/lib/server/http/read-body";
import { z } from "zod";
import { revokeToken, signToken, spendCode, verifyToken } from "./signed-tokens";

export const DEMO_SCOPES = ["notes:read", "notes:write"] as const;
export const NOTES_PATH = "/api/demo-mcp/notes";
export const ISSUER_PATH = "/api/demo-oauth";
export const CONSENT_PATH = "/demo-oauth/authorize";
/** Lifetimes a person can pick on the consent page, in seconds. */
export const ACCESS_TOKEN_LIFETIMES = [10, 60, 3600] as const;
const DEFAULT_LIFETIME = 60;
const CODE_SECONDS = 120;
const REFRESH_SECONDS = 24 * 3600;

export const demoIssuer = (origin: string) => `${origin}${ISSUER_PATH}`;
export const demoResource = (origin: string) => `${origin}${NOTES_PATH}`;
export const demoResourceMetadataUrl = (origin: string) =>
  `${origin}/.well-known/oauth-protected-resource${NOTES_PATH}`;

export function authorizationServerMetadata(origin: string) {
  const issuer = demoIssuer(origin);
  return {
    issuer,
    authorization_endpoint: `${origin}${CONSENT_PATH}`,
    token_endpoint: `${issuer}/token`,
    registration_endpoint: `${issuer}/register`,
    revocation_endpoint: `${issuer}/revoke`,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["none"],
    revocation_endpoint_auth_methods_supported: ["none"],
    scopes_supported: [...DEMO_SCOPES],
  };
}

export function protectedResourceMetadata(origin: string) {
  return {
    resource: demoResource(origin),
    authorization_servers: [demoIssuer(origin)],
    scopes_supported: [...DEMO_SCOPES],
    bearer_methods_supported: ["header"],
    resource_name: "Demo notes (OAuth)",
  };
}

function oauthError(status: number, error: string, description: string): Response {
  return Response.json(
    { error, error_description: description },
    { status, headers: { "cache-control": "no-store" } },
  );
}

// ---- registration (RFC 7591): the client id is the signed registration itself ----

const registrationSchema = z.looseObject({
  redirect_uris: z.array(z.url()).min(1).max(10),
  client_name: z.string().max(200).optional(),
  token_endpoint_auth_method: z.enum(["none"]).optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
  scope: z.string().max(500).optional(),
});

/** A form or JSON body too large for this server: RFC 6749's error shape, HTTP 413. */
function tooLarge(): Response {
  return oauthError(413, "invalid_request", `The request body is over ${BODY_LIMITS.form} bytes.`);
}

/** A form body within the limit, or null when it is larger. */
async function readForm(request: Request): Promise<URLSearchParams | null> {
  const body = await readTextBody(request, BODY_LIMITS.form);
  return body.ok ? new URLSearchParams(body.text) : null;
}

export async function handleRegister(request: Request, nowMs: number): Promise<Response> {
  const read = await readJsonBody(request, BODY_LIMITS.form);
  if (!read.ok && read.problem === "too_large") return tooLarge();
  const parsed = registrationSchema.safeParse(read.ok ? read.json : null);
  if (!parsed.success) {
    return oauthError(
      400,
      "invalid_client_metadata",
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  const redirectUris = parsed.data.redirect_uris;
  if (redirectUris.some((uri) => !/^https?:$/.test(new URL(uri).protocol)))
    return oauthError(400, "invalid_redirect_uri", "Redirect URIs must be http(s) URLs.");
  const clientName = parsed.data.client_name ?? "unnamed client";
  const clientId = signToken("client", { redirect_uris: redirectUris, name: clientName }, 0, nowMs);
  return Response.json(
    {
      client_id: clientId,
      client_id_issued_at: Math.floor(nowMs / 1000),
      client_name: clientName,
      redirect_uris: redirectUris,
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
}

async function readClient(clientId: string, nowMs: number) {
  const verified = await verifyToken("client", clientId, nowMs);
  if (!verified.ok) return null;
  const uris = verified.claims.redirect_uris;
  return {
    name: typeof verified.claims.name === "string" ? verified.claims.name : "unnamed client",
    redirectUris: Array.isArray(uris) ? uris.filter((uri) => typeof uri === "string") : [],
  };
}

// ---- the authorization request (shown on the consent page, then approved) ----

export interface AuthorizationRequest {
  clientId: string;
  clientName: string;
  redirectUri: string;
  codeChallenge: string;
  state: string | null;
  scopes: string[];
  resource: string;
}

/** Checks an authorization request's parameters; the error is in words for the consent page. */
export async function readAuthorizationRequest(
  params: URLSearchParams,
  origin: string,
  nowMs: number,
): Promise<{ ok: true; request: AuthorizationRequest } | { ok: false; error: string }> {
  const clientId = params.get("client_id") ?? "";
  const client = await readClient(clientId, nowMs);
  if (!client) return { ok: false, error: "Unknown client_id: register the client first." };
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri))
    return { ok: false, error: "redirect_uri is not one the client registered." };
  if (params.get("response_type") !== "code")
    return { ok: false, error: "response_type must be 'code'." };
  const codeChallenge = params.get("code_challenge") ?? "";
  if (params.get("code_challenge_method") !== "S256" || !/^[\w-]{43,128}$/.test(codeChallenge))
    return {
      ok: false,
      error: "PKCE is required: code_challenge with code_challenge_method S256.",
    };
  const resource = params.get("resource") ?? demoResource(origin);
  if (resource !== demoResource(origin))
    return { ok: false, error: `resource must be ${demoResource(origin)} (RFC 8707).` };
  const requested = (params.get("scope") ?? "notes:read").split(" ").filter(Boolean);
  const unknown = requested.filter((scope) => !(DEMO_SCOPES as readonly string[]).includes(scope));
  if (unknown.length) return { ok: false, error: `Unknown scope: ${unknown.join(", ")}.` };
  return {
    ok: true,
    request: {
      clientId,
      clientName: client.name,
      redirectUri,
      codeChallenge,
      state: params.get("state"),
      scopes: requested.length ? requested : ["notes:read"],
      resource,
    },
  };
}

/** POST from the consent page: Approve issues a code, Deny says so, both back to the client. */
export async function handleApprove(
  request: Request,
  origin: string,
  nowMs: number,
): Promise<Response> {
  const form = await readForm(request);
  if (!form) return tooLarge();
  const read = await readAuthorizationRequest(form, origin, nowMs);
  if (!read.ok) return new Response(read.error, { status: 400 });
  const { request: authorization } = read;
  const back = new URL(authorization.redirectUri);
  if (authorization.state) back.searchParams.set("state", authorization.state);
  back.searchParams.set("iss", demoIssuer(origin));
  if (form.get("decision") !== "approve") {
    back.searchParams.set("error", "access_denied");
    back.searchParams.set("error_description", "The person denied the request.");
  } else {
    const granted = form
      .getAll("granted_scope")
      .filter((scope) => authorization.scopes.includes(scope));
    const lifetime = Number(form.get("lifetime"));
    back.searchParams.set(
      "code",
      signToken(
        "code",
        {
          client_id: authorization.clientId,
          redirect_uri: authorization.redirectUri,
          code_challenge: authorization.codeChallenge,
          scope: (granted.length ? granted : authorization.scopes).join(" "),
          resource: authorization.resource,
          lifetime: (ACCESS_TOKEN_LIFETIMES as readonly number[]).includes(lifetime)
            ? lifetime
            : DEFAULT_LIFETIME,
        },
        CODE_SECONDS,
        nowMs,
      ),
    );
  }
  return new Response(null, { status: 303, headers: { location: back.href } });
}

// ---- tokens ----

function issueTokens(
  grant: { client_id: string; scope: string; resource: string; lifetime: number; family: string },
  refreshToken: string | null,
  nowMs: number,
): Response {
  const accessToken = signToken(
    "access",
    {
      sub: "demo-user",
      client_id: grant.client_id,
      scope: grant.scope,
      aud: grant.resource,
      family: grant.family,
    },
    grant.lifetime,
    nowMs,
  );
  const refresh =
    refreshToken ??
    signToken(
      "refresh",
      {
        client_id: grant.client_id,
        scope: grant.scope,
        resource: grant.resource,
        lifetime: grant.lifetime,
        family: grant.family,
      },
      REFRESH_SECONDS,
      nowMs,
    );
  return Response.json(
    {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: grant.lifetime,
      refresh_token: refresh,
      scope: grant.scope,
    },
    { headers: { "cache-control": "no-store", pragma: "no-cache" } },
  );
}

export async function handleToken(
  request: Request,
  origin: string,
  nowMs: number,
): Promise<Response> {
  const form = await readForm(request);
  if (!form) return tooLarge();
  const clientId = form.get("client_id") ?? "";
  if (!(await readClient(clientId, nowMs)))
    return oauthError(
      401,
      "invalid_client",
      "Unknown client_id (public clients send it in the body).",
    );
  const resource = form.get("resource");
  if (resource !== null && resource !== demoResource(origin))
    return oauthError(400, "invalid_target", `resource must be ${demoResource(origin)}.`);

  switch (form.get("grant_type")) {
    case "authorization_code": {
      const code = await verifyToken("code", form.get("code") ?? "", nowMs);
      if (!code.ok) return oauthError(400, "invalid_grant", `The code is ${code.reason}.`);
      const claims = code.claims;
      if (claims.client_id !== clientId)
        return oauthError(400, "invalid_grant", "The code was issued to another client.");
      if (claims.redirect_uri !== form.get("redirect_uri"))
        return oauthError(
          400,
          "invalid_grant",
          "redirect_uri differs from the authorization request.",
        );
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (challenge !== claims.code_challenge)
        return oauthError(
          400,
          "invalid_grant",
          "code_verifier does not match the code_challenge (PKCE).",
        );
      if (!(await spendCode(claims, nowMs)))
        return oauthError(400, "invalid_grant", "The code was already used.");
      return issueTokens(
        {
          client_id: clientId,
          scope: String(claims.scope),
          resource: String(claims.resource),
          lifetime: Number(claims.lifetime) || DEFAULT_LIFETIME,
          family: claims.jti,
        },
        null,
        nowMs,
      );
    }
    case "refresh_token": {
      const given = form.get("refresh_token") ?? "";
      const refresh = await verifyToken("refresh", given, nowMs);
      if (!refresh.ok)
        return oauthError(400, "invalid_grant", `The refresh token is ${refresh.reason}.`);
      if (refresh.claims.client_id !== clientId)
        return oauthError(400, "invalid_grant", "The refresh token was issued to another client.");
      return issueTokens(
        {
          client_id: clientId,
          scope: String(refresh.claims.scope),
          resource: String(refresh.claims.resource),
          lifetime: Number(refresh.claims.lifetime) || DEFAULT_LIFETIME,
          family: String(refresh.claims.family),
        },
        given,
        nowMs,
      );
    }
    default:
      return oauthError(400, "unsupported_grant_type", "Use authorization_code or refresh_token.");
  }
}

/** RFC 7009: always 200; a refresh token takes its access tokens with it. */
export async function handleRevoke(request: Request, nowMs: number): Promise<Response> {
  const form = await readForm(request);
  if (!form) return tooLarge();
  const token = form.get("token") ?? "";
  for (const kind of ["refresh", "access"] as const) {
    const verified = await verifyToken(kind, token, nowMs);
    if (verified.ok) await revokeToken(verified.claims, nowMs);
  }
  return new Response(null, { status: 200 });
}

export type AccessCheck =
  | { ok: true; scopes: string[] }
  | { ok: false; status: 401; error: "invalid_token" | null; description: string };

/** The notes server's check of a bearer token: signed by us, for it, unexpired, not revoked. */
export async function checkAccessToken(
  authorization: string | null,
  origin: string,
  nowMs: number,
): Promise<AccessCheck> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) return { ok: false, status: 401, error: null, description: "No bearer token." };
  const verified = await verifyToken("access", token, nowMs);
  if (!verified.ok)
    return {
      ok: false,
      status: 401,
      error: "invalid_token",
      description: `The access token is ${verified.reason}.`,
    };
  if (verified.claims.aud !== demoResource(origin))
    return {
      ok: false,
      status: 401,
      error: "invalid_token",
      description: "The access token is for another resource.",
    };
  const scope = typeof verified.claims.scope === "string" ? verified.claims.scope : "";
  return { ok: true, scopes: scope.split(" ").filter(Boolean) };
}
