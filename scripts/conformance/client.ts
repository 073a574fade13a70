// The MCP conformance suite's client entry: `conformance client --command "<this> " --scenario X`
// runs it with the scenario server's URL. It uses the playground's own MCP client code: discovery
// (connect, initialize, list every tool) and, for tools_call, a call of each tool with arguments
// built from its schema, as the emulator's scripted model would.
import { argumentsFromSchema } from "../../lib/emulator/tool-arguments";
import { callMcpTool, connectMcp, listAllTools } from "../../lib/mcp/client";
import { discoverTools } from "../../lib/mcp/discover";

const url = process.argv[2];
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? "initialize";
if (!url) {
  console.error("usage: client <server-url>");
  process.exit(2);
}

if (scenario === "tools_call") {
  const session = await connectMcp(url);
  try {
    for (const tool of await listAllTools(session)) {
      const result = await callMcpTool(session, tool.name, argumentsFromSchema(tool.inputSchema));
      console.log(`${tool.name}: ${JSON.stringify(result.content)}`);
    }
  } finally {
    await session.close();
  }
} else {
  const result = await discoverTools(url);
  if (!result.ok) {
    console.error(`${result.kind}: ${result.message}`);
    process.exit(1);
  }
  console.log(`${result.discovery.tools.length} tools via ${result.discovery.transport}`);
}
