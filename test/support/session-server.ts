// Test support: a stateful Streamable HTTP MCP server that counts its open sessions (one McpServer
// per session, ended by the client's DELETE), like a gateway that runs a process per session.
import { randomUUID } from "node:crypto";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { serveHandler, type ServedHandler } from "./serve-handler";

export interface SessionServer extends ServedHandler {
  url: string;
  /** Sessions opened and not yet ended. */
  open: () => number;
  /** Sessions ever opened. */
  opened: () => number;
  /** Forgets every session as a restarted server would: their ids are then answered 404. */
  forget: () => void;
}

export async function serveSessionServer(): Promise<SessionServer> {
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>();
  let opened = 0;
  const served = await serveHandler(async (request) => {
    const id = request.headers.get("mcp-session-id");
    const existing = id ? sessions.get(id) : undefined;
    if (existing) return existing.handleRequest(request);
    if (id) return new Response("unknown session", { status: 404 });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (sessionId) => {
        opened += 1;
        sessions.set(sessionId, transport);
      },
      onsessionclosed: (sessionId) => {
        sessions.delete(sessionId);
      },
    });
    const server = new McpServer({ name: "sessions", version: "1.0.0" });
    server.registerTool("ping", { description: "Answers pong." }, () => ({
      content: [{ type: "text", text: "pong" }],
    }));
    await server.connect(transport);
    return transport.handleRequest(request);
  });
  return {
    ...served,
    url: `${served.origin}/mcp`,
    open: () => sessions.size,
    opened: () => opened,
    forget: () => sessions.clear(),
  };
}
