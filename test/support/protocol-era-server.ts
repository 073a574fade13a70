// Test support: an MCP server that speaks only some protocol revisions and refuses `initialize`
// for any other, as a server of a newer era does (JSON-RPC -32602 with the versions it supports).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { serveHandler, type ServedHandler } from "./serve-handler";

export interface ProtocolEraServer extends ServedHandler {
  url: string;
}

export async function serveProtocolEraServer(
  speaks: readonly string[],
): Promise<ProtocolEraServer> {
  const served = await serveHandler(async (request) => {
    if (request.method !== "POST") return new Response(null, { status: 405 });
    const body = (await request.json()) as {
      id?: number;
      method?: string;
      params?: { protocolVersion?: string };
    };
    const requested = body.params?.protocolVersion;
    if (body.method === "initialize" && !speaks.includes(requested ?? "")) {
      return Response.json({
        jsonrpc: "2.0",
        id: body.id ?? null,
        error: {
          code: -32602,
          message: "Unsupported protocol version",
          data: { supported: speaks, requested },
        },
      });
    }
    const server = new McpServer({ name: "era", version: "2.0.0" });
    server.registerTool("ping", { description: "Answers pong." }, () => ({
      content: [{ type: "text", text: "pong" }],
    }));
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    // The body was read above: hand the transport a copy.
    return transport.handleRequest(
      new Request(request.url, {
        method: "POST",
        headers: request.headers,
        body: JSON.stringify(body),
      }),
    );
  });
  return { ...served, url: `${served.origin}/mcp` };
}
