import { handleDemoMcpRequest, isDemoServerName } from "@/lib/demo-mcp/servers";

export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: { params: Promise<{ server: string }> }) {
  const { server } = await params;
  if (!isDemoServerName(server)) {
    return Response.json({ error: `No demo MCP server named '${server}'.` }, { status: 404 });
  }
  return handleDemoMcpRequest(server, request);
}

export { handle as GET, handle as POST, handle as DELETE };
