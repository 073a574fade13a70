// Discovery through our route (POST /api/mcp/tools: zod, address guard, lenient listing) against
// the MCP SDK's own client doing connect + tools/list + close on the same server. Target: ≤ 1.5×.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { handleDiscoverRequest } from "../../lib/server/api/discover-route";
import { serveDemoServers } from "../../test/support/demo-servers";
import { compareSideBySide, type BenchResult } from "./measure";

type DiscoveryComparison = { direct: BenchResult; route: BenchResult; ratio: number };

/** The SDK's own client against our route, on one demo server listing `expected` tools. */
async function compareDiscovery(
  server: "calendar" | "bulk",
  expected: number,
  labels: { direct: string; route: string },
  options: { runs: number; warmup: number },
): Promise<DiscoveryComparison> {
  const demo = await serveDemoServers();
  try {
    const url = demo.url(server);
    const direct = async () => {
      const client = new Client({ name: "bench", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      const { tools } = await client.listTools();
      await client.close();
      if (tools.length !== expected) throw new Error("unexpected tools");
    };
    const route = async () => {
      const response = await handleDiscoverRequest(
        new Request("http://playground.local/api/mcp/tools", {
          method: "POST",
          body: JSON.stringify({ url }),
        }),
        { allowPrivate: true },
      );
      const body = (await response.json()) as { tools?: unknown[] };
      if (body.tools?.length !== expected) throw new Error("unexpected tools");
    };
    const [directResult, routeResult] = await compareSideBySide(
      { name: labels.direct, run: direct },
      { name: labels.route, run: route },
      options,
    );
    return {
      direct: directResult,
      route: routeResult,
      ratio: routeResult.medianMs / directResult.medianMs,
    };
  } finally {
    await demo.close();
  }
}

export function benchDiscovery(runs = 150): Promise<DiscoveryComparison> {
  return compareDiscovery(
    "calendar",
    5,
    {
      direct: "MCP SDK client: connect + tools/list + close",
      route: "POST /api/mcp/tools (guard + lenient listing)",
    },
    { runs, warmup: 15 },
  );
}

/** The same two, against a server listing the API's maximum of 10,000 tools. */
export function benchBulkDiscovery(runs = 15): Promise<DiscoveryComparison> {
  return compareDiscovery(
    "bulk",
    10_000,
    { direct: "MCP SDK client: 10,000 tools", route: "POST /api/mcp/tools: 10,000 tools" },
    { runs, warmup: 3 },
  );
}
