// The MCP conformance suite's client entry: `conformance client --command "<this> " --scenario X`
// runs it with the scenario server's URL. It uses the playground's own code: discovery (connect,
// initialize, list every tool), for tools_call a call of each tool with arguments built from its
// schema, as the emulator's scripted model would, and for the auth/* scenarios the app's OAuth
// sign-in (lib/server/oauth) over the app's address guard.
import { argumentsFromSchema } from "../../lib/server/emulator/tool-arguments";
import { callMcpTool, connectMcp, listAllTools } from "../../lib/server/mcp/client";
import { discoverTools } from "../../lib/server/mcp/discover";
import { createGuardedFetch } from "../../lib/server/net/guarded-fetch";
import type { OAuthSession } from "../../lib/domain/oauth/session";
import { signingInFetch } from "./oauth-fetch";

const url = process.argv[2];
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? "initialize";
if (!url) {
  console.error("usage: client <server-url>");
  process.exit(2);
}

/** The suite's fixed client metadata document URL (it checks the client id equals it). */
const CIMD_URL = "https://conformance-test.local/client-metadata.json";

async function runAuthScenario(serverUrl: string) {
  const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? "{}") as {
    client_id?: string;
    client_secret?: string;
  };
  const session: OAuthSession = {
    serverUrl,
    redirectUrl: "http://localhost:3000/callback",
    clientName: "mcp-connector-playground",
    clientMetadataUrl: CIMD_URL,
    ...(context.client_id
      ? {
          preRegistered: true,
          clientInformation: { client_id: context.client_id, client_secret: context.client_secret },
        }
      : {}),
  };
  const guarded = createGuardedFetch({ policy: { allowPrivate: true } });
  const session_ = await connectMcp(serverUrl, {
    fetch: signingInFetch(guarded, session, (line) => console.log(line)),
  });
  try {
    const tools = await listAllTools(session_);
    console.log(`${tools.length} tools`);
    for (const tool of tools) {
      const result = await callMcpTool(session_, tool.name, argumentsFromSchema(tool.inputSchema));
      console.log(`${tool.name}: ${JSON.stringify(result.content)}`);
    }
  } finally {
    await session_.close();
  }
}

if (scenario.startsWith("auth/")) {
  await runAuthScenario(url);
} else if (scenario === "tools_call") {
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
