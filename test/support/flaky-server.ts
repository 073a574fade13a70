// Test support: an MCP server whose one tool fails every other call (1st passes, 2nd fails, …),
// for pass rates over repeated runs. Stateless Streamable HTTP on a free loopback port.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { serveHandler, type ServedHandler } from "./serve-handler";

export async function serveFlakyServer(): Promise<
  ServedHandler & { url: string; calls: () => number }
> {
  let calls = 0;
  const served = await serveHandler(async (request) => {
    const server = new McpServer({ name: "flaky", version: "1.0.0" });
    server.registerTool("flip", { description: "Passes, then fails, then passes…" }, () => {
      calls += 1;
      return calls % 2 === 1
        ? { content: [{ type: "text", text: `call ${calls}: fine` }] }
        : { content: [{ type: "text", text: `call ${calls}: failed` }], isError: true };
    });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    return transport.handleRequest(request);
  });
  return { ...served, url: `${served.origin}/mcp`, calls: () => calls };
}
