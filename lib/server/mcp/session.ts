// What an open MCP session is, apart from how one is opened (client.ts), so the listing and the
// callers can speak of sessions without importing the connector.
import "server-only";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { AuthChallenge } from "./errors";

export const MCP_TRANSPORTS = ["streamable-http", "sse"] as const;
export type McpTransportKind = (typeof MCP_TRANSPORTS)[number];

export interface McpSession {
  client: Client;
  transport: McpTransportKind;
  serverInfo: { name: string; version: string } | undefined;
  /** The protocol version agreed in initialize (Streamable HTTP says; SSE does not). */
  protocolVersion?: string;
  /** Closes the session (aborting whatever it still has in flight); safe to call twice. */
  close: () => Promise<void>;
  /** What the server's last 401 or 403 asked for (a scope, a new token), if any. */
  challenge?: () => AuthChallenge | undefined;
  /**
   * Starts a new session in place of one the server no longer knows (it answered 404 to the
   * session id: the spec says to initialize again). Streamable HTTP only.
   */
  renew?: () => Promise<void>;
  /** Why the session's event stream broke (an answer over the cap), once it has. */
  failure?: () => Error | undefined;
}

/**
 * Runs a request on the session; when the server answers 404 to its session id (it expired or
 * the server restarted), starts a new session and tries once more, as the spec says.
 */
export async function withLiveSession<T>(session: McpSession, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // A stream that broke says why, not "connection closed" (legacy SSE's answers share one).
    const failure = session.failure?.();
    if (failure) throw failure;
    if (!(error instanceof StreamableHTTPError && error.code === 404) || !session.renew)
      throw error;
    await session.renew();
    return run();
  }
}
