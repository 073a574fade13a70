import "server-only";
// POST /api/mcp/tools: list one MCP server's tools on the person's behalf. Guarded: the address
// policy refuses metadata and link-local addresses (and private ones unless allowed); the token is
// used for the connection only, never logged or echoed.
import { redactSecrets } from "@/lib/domain/api/redact";
import { z } from "zod";
import { recordedMcpConnection, type McpRouteEnvironment } from "./mcp-connection";
import { BUSY_RETRY_SECONDS, type AuthChallenge } from "@/lib/server/mcp/client";
import { discoverTools } from "@/lib/server/mcp/discover";
import { SERVER_FAILED, STATUS_BY_FAILURE } from "@/lib/server/mcp/errors";
import { bodyRefusal, errorResponse } from "@/lib/server/http/error-response";
import { readJsonBody } from "@/lib/server/http/read-body";

export const discoverRequestSchema = z.object({
  url: z.string().min(1, "url is required").max(4000),
  authorization_token: z.string().max(20_000).nullish(),
  // A discovery holds a connection slot for at most this long (30 s, the API's tool-call patience).
  timeout_ms: z.number().int().min(100).max(30_000).optional(),
});

const DISCOVER_BODY_BYTES = 64 * 1024;

export interface DiscoverEnvironment extends McpRouteEnvironment {
  defaultTimeoutMs?: number;
}

export async function handleDiscoverRequest(
  request: Request,
  env: DiscoverEnvironment = {},
): Promise<Response> {
  const body = await readJsonBody(request, DISCOVER_BODY_BYTES);
  if (!body.ok) return bodyRefusal(body, DISCOVER_BODY_BYTES);
  const parsed = discoverRequestSchema.safeParse(body.json);
  if (!parsed.success)
    return problem(
      400,
      "bad_request",
      parsed.error.issues.map((issue) => issue.message).join("; "),
    );
  let url: URL;
  try {
    url = new URL(parsed.data.url);
  } catch {
    return problem(400, "bad_request", `'${parsed.data.url}' is not a valid URL.`);
  }
  const secrets = [parsed.data.authorization_token];
  // What this discovery exchanged, for the card's protocol log.
  const connection = recordedMcpConnection(request, url.href, env, secrets);
  const result = await discoverTools(url.href, {
    authorizationToken: parsed.data.authorization_token,
    timeoutMs: parsed.data.timeout_ms ?? env.defaultTimeoutMs ?? 10_000,
    fetch: connection.fetch,
    signal: request.signal,
    pool: connection.pool,
  });
  const log = connection.log();
  if (result.ok) return Response.json({ ...result.discovery, log });
  return problem(
    STATUS_BY_FAILURE[result.kind],
    result.kind,
    // Whatever a library or the server said, the token is not in it.
    redactSecrets(
      explain(
        result.kind,
        result.message,
        result.challenge,
        Boolean(parsed.data.authorization_token),
      ),
      secrets,
    ),
    result.challenge,
    log,
  );
}

function explain(
  kind: string,
  detail: string,
  challenge: AuthChallenge | undefined,
  tokenGiven: boolean,
): string {
  switch (kind) {
    case "unauthorized":
      // With no token, nothing was refused: the server wants one.
      if (!tokenGiven)
        return challenge?.resourceMetadataUrl
          ? "The server needs authorization (HTTP 401) and no token was given. It uses OAuth: sign in, or paste a token."
          : "The server needs an authorization token (HTTP 401) and no token was given: paste it in Authorization token.";
      if (challenge?.error === "insufficient_scope")
        return `${detail} The server wants more scope${challenge.scope ? ` (${challenge.scope})` : ""}: sign in again with it.`;
      if (challenge?.error === "invalid_token")
        return `${detail} The server refused the token (expired or revoked): sign in again, or paste a valid token.`;
      if (challenge?.resourceMetadataUrl)
        return `${detail} It uses OAuth: sign in, or paste a token.`;
      return `${detail} Add or fix this server's authorization token.`;
    case "refused":
      return `Refused: ${detail}`;
    case "limit":
      return `Too big to list: ${detail}`;
    case "busy":
      return `The playground is busy: ${detail}`;
    case "timeout":
      return `The server did not answer in time. ${detail}`;
    case "not_mcp":
      return detail.startsWith(SERVER_FAILED)
        ? detail
        : `This URL does not look like an MCP server. ${detail}`;
    case "unreachable":
      return `The server could not be reached. ${detail}`;
    default:
      return detail;
  }
}

function problem(
  status: number,
  kind: string,
  message: string,
  challenge?: AuthChallenge,
  log?: unknown,
): Response {
  return errorResponse(status, message, {
    fields: { kind, ...(challenge ? { challenge } : {}), ...(log ? { log } : {}) },
    ...(kind === "busy" ? { headers: { "retry-after": String(BUSY_RETRY_SECONDS) } } : {}),
  });
}
