import { handleDemoMcpRequest, isDemoServerName } from "@/lib/server/demo-mcp/servers";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

// Host and Origin are checked like every route's (the MCP spec's DNS-rebinding defence for local
// servers); the MCP transport itself checks Accept and Content-Type.
const handle = guardRoute(
  { json: true },
  async (request: Request, { params }: { params: Promise<{ server: string }> }) => {
    const { server } = await params;
    if (!isDemoServerName(server)) {
      return Response.json({ error: `No demo MCP server named '${server}'.` }, { status: 404 });
    }
    return handleDemoMcpRequest(server, request);
  },
);

export { handle as GET, handle as POST, handle as DELETE };
