// Test support: an MCP server on the legacy HTTP+SSE transport (GET /sse, POST /message), whose
// tools answer with results of a chosen size: every answer of the session shares one event stream.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { z } from "zod";

export interface SseServer {
  url: string;
  close: () => Promise<void>;
}

export async function serveSseServer(): Promise<SseServer> {
  const transports = new Map<string, SSEServerTransport>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/sse") {
      const transport = new SSEServerTransport("/message", res);
      transports.set(transport.sessionId, transport);
      res.on("close", () => transports.delete(transport.sessionId));
      const mcp = new McpServer({ name: "sse-sizes", version: "1.0.0" });
      mcp.registerTool(
        "sized",
        {
          description: "Answers with this many bytes of text.",
          inputSchema: { bytes: z.number() },
        },
        ({ bytes }) => ({ content: [{ type: "text", text: "x".repeat(bytes) }] }),
      );
      void mcp.connect(transport);
      return;
    }
    const transport = transports.get(url.searchParams.get("sessionId") ?? "");
    if (req.method === "POST" && url.pathname === "/message" && transport) {
      void transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sse`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
