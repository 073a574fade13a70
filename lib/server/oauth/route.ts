import "server-only";
// POST /api/oauth/{begin,complete,refresh}: one step of signing in to an MCP server, run on the
// server so every request goes through the address guard, with the session the browser holds.
// The app decides its own redirect URI, client name and client metadata document; what the
// browser sends is checked and used for nothing else. Nothing here is logged.
import { z } from "zod";
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { bodyRefusal, errorResponse } from "@/lib/server/http/error-response";

const OAUTH_BODY_BYTES = 256 * 1024;
import { readJsonBody } from "@/lib/server/http/read-body";
import { processAddressPolicy } from "@/lib/server/settings";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { beginSignIn, completeSignIn, refreshSignIn, type FlowOutcome } from "./flow";
import type { OAuthSession } from "@/lib/domain/oauth/session";
import { oauthSessionSchema } from "@/lib/domain/oauth/session-schema";
import { requestOrigin } from "@/lib/server/http/site-settings";

export const OAUTH_ACTIONS = ["begin", "complete", "refresh"] as const;
export type OAuthAction = (typeof OAUTH_ACTIONS)[number];

export const CALLBACK_PATH = "/oauth/callback";
export const CLIENT_METADATA_PATH = "/oauth/client-metadata.json";
export const CLIENT_NAME = "MCP Connector Playground";

const text = (max: number) => z.string().max(max);
const requestSchema = z.object({
  session: oauthSessionSchema.partial({ redirectUrl: true, clientName: true }),
  scope: text(2000).optional(),
  resourceMetadataUrl: text(4000).optional(),
  code: text(8000).nullish(),
  state: text(200).nullish(),
  error: text(200).nullish(),
  errorDescription: text(2000).nullish(),
});

/** The client this app is, at `origin`: its redirect URI and, over https, its metadata document. */
export function appClient(origin: string) {
  return {
    redirectUrl: `${origin}${CALLBACK_PATH}`,
    clientName: CLIENT_NAME,
    clientMetadataUrl: origin.startsWith("https://")
      ? `${origin}${CLIENT_METADATA_PATH}`
      : undefined,
  };
}

/** The client metadata document (the draft "OAuth Client ID Metadata Document"). */
export function clientMetadataDocument(origin: string) {
  const client = appClient(origin);
  return {
    client_id: `${origin}${CLIENT_METADATA_PATH}`,
    client_name: client.clientName,
    client_uri: origin,
    redirect_uris: [client.redirectUrl],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  };
}

export interface OAuthRouteEnvironment {
  allowPrivate?: boolean;
  fetch?: typeof fetch;
  now?: () => number;
}

export async function handleOAuthRequest(
  action: OAuthAction,
  request: Request,
  env: OAuthRouteEnvironment = {},
): Promise<Response> {
  const body = await readJsonBody(request, OAUTH_BODY_BYTES);
  if (!body.ok) return bodyRefusal(body, OAUTH_BODY_BYTES);
  const parsed = requestSchema.safeParse(body.json);
  if (!parsed.success) {
    return errorResponse(400, "The sign-in request is not in the expected shape.", {
      fields: { kind: "bad_request" },
    });
  }
  const origin = requestOrigin(request);
  const session: OAuthSession = { ...parsed.data.session, ...appClient(origin) };
  const fetchImpl =
    env.fetch ??
    createGuardedFetch({
      policy: { allowPrivate: env.allowPrivate ?? processAddressPolicy().allowPrivate },
      inProcess: demoServersInProcess(origin),
    });
  const options = { fetch: fetchImpl, now: env.now };
  let outcome: FlowOutcome;
  switch (action) {
    case "begin":
      outcome = await beginSignIn(session, {
        ...options,
        scope: parsed.data.scope,
        resourceMetadataUrl: parsed.data.resourceMetadataUrl,
      });
      break;
    case "complete":
      outcome = await completeSignIn(
        session,
        {
          code: parsed.data.code,
          state: parsed.data.state,
          error: parsed.data.error,
          errorDescription: parsed.data.errorDescription,
        },
        options,
      );
      break;
    case "refresh":
      outcome = await refreshSignIn(session, options);
      break;
  }
  return Response.json(outcome, { headers: { "cache-control": "no-store" } });
}
