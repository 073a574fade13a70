import "server-only";
// How an MCP connection fails, in kinds a person can act on: the error every part of the client
// throws, what a 401/403 challenge asked for, and the classification of whatever the SDK or the
// network threw.
import { extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { LATEST_PROTOCOL_VERSION, McpError } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { findAddressRefusal } from "@/lib/domain/net/address-policy";

export const MCP_FAILURES = [
  "unauthorized",
  "unreachable",
  "timeout",
  "not_mcp",
  "protocol",
  /** The address guard refused the URL or an address it resolves to. */
  "refused",
  /** A documented cap was reached (tools, bytes, pages). */
  "limit",
  /** The connection pool is full, or this client's share of it: try again shortly. */
  "busy",
  /** What was given cannot be sent as given (a token with a line break in it). */
  "bad_input",
] as const;
export type McpFailureKind = (typeof MCP_FAILURES)[number];

/** The HTTP status our routes answer for each kind of failure (discovery, Try). */
export const STATUS_BY_FAILURE: Record<McpFailureKind, number> = {
  unauthorized: 401,
  unreachable: 502,
  timeout: 504,
  not_mcp: 502,
  protocol: 502,
  refused: 403,
  limit: 422,
  busy: 429,
  bad_input: 400,
};

/** What a 401 or 403's WWW-Authenticate said: the scope wanted, the error, the metadata URL. */
export interface AuthChallenge {
  scope?: string;
  error?: string;
  resourceMetadataUrl?: string;
}

/** What a server that refused `initialize` for its protocol revision said it speaks. */
export interface UnsupportedRevision {
  supported: string[];
  requested?: string;
}

export class McpConnectionError extends Error {
  /** Set when the server refused the protocol revision offered (it answered; the path is right). */
  unsupportedRevision?: UnsupportedRevision;

  constructor(
    readonly kind: McpFailureKind,
    message: string,
    readonly status?: number,
    public challenge?: AuthChallenge,
  ) {
    super(message);
    this.name = "McpConnectionError";
  }
}

export function readChallenge(response: Response): AuthChallenge {
  const { scope, error, resourceMetadataUrl } = extractWWWAuthenticateParams(response);
  return {
    ...(scope ? { scope } : {}),
    ...(error ? { error } : {}),
    ...(resourceMetadataUrl ? { resourceMetadataUrl: resourceMetadataUrl.href } : {}),
  };
}

export function classifyError(
  error: unknown,
  timeoutMs: number,
  signal?: AbortSignal,
): McpConnectionError {
  if (error instanceof McpConnectionError) return error;
  const revision = unsupportedRevisionOf(error);
  if (revision) {
    const refused = new McpConnectionError(
      "protocol",
      revision.supported.length
        ? `The server speaks only protocol ${revision.supported.join(", ")}; this app offered ${revision.requested ?? LATEST_PROTOCOL_VERSION}.`
        : `The server refused protocol ${revision.requested ?? LATEST_PROTOCOL_VERSION} and did not say which it speaks.`,
    );
    refused.unsupportedRevision = revision;
    return refused;
  }
  const refusal = findAddressRefusal(error);
  if (refusal) return new McpConnectionError("refused", refusal.message);
  const message = error instanceof Error ? error.message : String(error);
  const code = readStatus(error);
  const name = error instanceof Error ? error.name : "";
  if (
    name === "TimeoutError" ||
    (signal?.aborted &&
      signal.reason instanceof DOMException &&
      signal.reason.name === "TimeoutError") ||
    /timed out|timeout/i.test(message)
  ) {
    return new McpConnectionError(
      "timeout",
      `No answer within ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 ? 1 : 0)} s.`,
    );
  }
  if (name === "AbortError") return new McpConnectionError("timeout", "The request was cancelled.");
  if (code === 401 || code === 403 || /\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(message)) {
    const status = code ?? (/\b403\b|forbidden/i.test(message) ? 403 : 401);
    return new McpConnectionError(
      "unauthorized",
      status === 403
        ? "The server refused the authorization token (HTTP 403)."
        : "The server needs an authorization token, or refused the one given (HTTP 401).",
      status,
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
  if (
    /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|network/i.test(
      `${message} ${cause}`,
    )
  ) {
    return new McpConnectionError("unreachable", `Could not connect: ${cause || message}.`);
  }
  if (code !== undefined) {
    return new McpConnectionError(
      "not_mcp",
      // A 5xx is the server failing, not a wrong path.
      code >= 500
        ? `${SERVER_FAILED} (HTTP ${code}): check its logs.`
        : `The server answered HTTP ${code}; it does not look like an MCP endpoint.`,
      code,
    );
  }
  if (/json|parse|unexpected token|invalid|content-type|text\/html/i.test(message)) {
    return new McpConnectionError("not_mcp", `The answer was not MCP: ${message}`);
  }
  return new McpConnectionError("protocol", message);
}

function readStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = error.code;
    if (typeof code === "number" && code >= 100 && code < 600) return code;
  }
  const match =
    error instanceof Error
      ? /HTTP (\d{3})|status(?: code)? (\d{3})|\((\d{3})\)/i.exec(error.message)
      : null;
  const value = match ? Number(match[1] ?? match[2] ?? match[3]) : undefined;
  return value && value >= 100 && value < 600 ? value : undefined;
}

/** How a 5xx from an MCP server is said (it failed; the path may well be right). */
export const SERVER_FAILED = "The server failed";

// The spec's answer to an initialize it cannot take: -32602 with the revisions it supports.
const UnsupportedRevisionData = z.object({
  supported: z.array(z.string().max(40)).max(20).optional(),
  requested: z.string().max(40).optional(),
});

/** The revisions a JSON-RPC "Unsupported protocol version" error names, or null for any other. */
export function unsupportedRevisionOf(error: unknown): UnsupportedRevision | null {
  if (!(error instanceof McpError) || !/unsupported protocol version/i.test(error.message))
    return null;
  const data = UnsupportedRevisionData.safeParse(error.data);
  return {
    supported: data.success ? (data.data.supported ?? []) : [],
    ...(data.success && data.data.requested ? { requested: data.data.requested } : {}),
  };
}
