// The app's own demo MCP servers, answered in-process when a request names them at the app's own
// origin: no network hop, so no private-address exemption is needed to reach them.
import type { InProcessRoutes } from "../net/guarded-fetch";
import { handleDemoMcpRequest, isDemoServerName } from "./servers";

export const DEMO_MCP_PATH = "/api/demo-mcp/";

export function demoServersInProcess(origin: string): InProcessRoutes {
  return {
    origin,
    handle: (request) => {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(DEMO_MCP_PATH)) return undefined;
      const name = pathname.slice(DEMO_MCP_PATH.length).replace(/\/$/, "");
      return isDemoServerName(name) ? handleDemoMcpRequest(name, request) : undefined;
    },
  };
}
