import "server-only";
// The app's own demo servers — the MCP servers, the demo authorization server and their
// well-known metadata — answered in-process when a request names them at the app's own origin:
// no network hop, so no private-address exemption is needed to reach them.
import {
  handleDemoOAuthEndpoint,
  handleWellKnown,
  isDemoOAuthEndpoint,
  WELL_KNOWN_PREFIX,
} from "@/lib/server/demo-oauth/endpoints";
import type { InProcessRoutes } from "@/lib/server/net/guarded-fetch";
import { handleDemoMcpRequest, isDemoServerName } from "./servers";

export const DEMO_MCP_PATH = "/api/demo-mcp/";
const DEMO_OAUTH_PATH = "/api/demo-oauth/";

export function demoServersInProcess(origin: string): InProcessRoutes {
  return {
    origin,
    serves: (url) => {
      try {
        const parsed = new URL(url);
        const name = parsed.pathname.slice(DEMO_MCP_PATH.length).replace(/\/$/, "");
        return (
          parsed.origin === origin &&
          parsed.pathname.startsWith(DEMO_MCP_PATH) &&
          isDemoServerName(name)
        );
      } catch {
        return false;
      }
    },
    handle: (request) => {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith(DEMO_MCP_PATH)) {
        const name = pathname.slice(DEMO_MCP_PATH.length).replace(/\/$/, "");
        return isDemoServerName(name) ? handleDemoMcpRequest(name, request) : undefined;
      }
      if (pathname.startsWith(DEMO_OAUTH_PATH)) {
        const endpoint = pathname.slice(DEMO_OAUTH_PATH.length);
        return isDemoOAuthEndpoint(endpoint)
          ? handleDemoOAuthEndpoint(endpoint, request)
          : undefined;
      }
      if (pathname.startsWith(WELL_KNOWN_PREFIX)) return Promise.resolve(handleWellKnown(request));
      return undefined;
    },
  };
}
