// What an open MCP session is, apart from how one is opened (client.ts), so the listing and the
// callers can speak of sessions without importing the connector.
import "server-only";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
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
}
