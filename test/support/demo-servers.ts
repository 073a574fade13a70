// Test support: the demo MCP servers on a free loopback port, at the same paths the app serves.
import { handleDemoMcpRequest, isDemoServerName } from "../../lib/server/demo-mcp/servers";
import { serveHandler, type ServedHandler } from "./serve-handler";

export async function serveDemoServers(): Promise<
  ServedHandler & { url: (name: string) => string }
> {
  const served = await serveHandler((request) => {
    const name = new URL(request.url).pathname.split("/").at(-1) ?? "";
    return isDemoServerName(name)
      ? handleDemoMcpRequest(name, request)
      : new Response("not found", { status: 404 });
  });
  return { ...served, url: (name) => `${served.origin}/api/demo-mcp/${name}` };
}
