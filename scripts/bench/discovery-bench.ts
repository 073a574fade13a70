// Discovery through our route (POST /api/mcp/tools: zod, address guard, lenient listing) against
// the MCP SDK's own client doing connect + tools/list + close on the same server. Target: ≤ 1.5×.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { handleDiscoverRequest } from "../../lib/api/discover-route";
import { serveDemoServers } from "../../lib/testing/demo-servers";
import { compareSideBySide, type BenchResult } from "./measure";

export async function benchDiscovery(
  runs = 150,
): Promise<{ direct: BenchResult; route: BenchResult; ratio: number }> {
  const demo = await serveDemoServers();
  try {
    const url = demo.url("calendar");
    const direct = async () => {
      const client = new Client({ name: "bench", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      const { tools } = await client.listTools();
      await client.close();
      if (tools.length !== 5) throw new Error("unexpected tools");
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
      if (body.tools?.length !== 5) throw new Error("unexpected tools");
    };
    const [directResult, routeResult] = await compareSideBySide(
      { name: "MCP SDK client: connect + tools/list + close", run: direct },
      { name: "POST /api/mcp/tools (guard + lenient listing)", run: route },
      { runs, warmup: 15 },
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

/** The same two, against a server listing the API's maximum of 10,000 tools. */
export async function benchBulkDiscovery(
  runs = 15,
): Promise<{ direct: BenchResult; route: BenchResult; ratio: number }> {
  const demo = await serveDemoServers();
  try {
    const url = demo.url("bulk");
    const direct = async () => {
      const client = new Client({ name: "bench", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      const { tools } = await client.listTools();
      await client.close();
      if (tools.length !== 10_000) throw new Error("unexpected tools");
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
      if (body.tools?.length !== 10_000) throw new Error("unexpected tools");
    };
    const [directResult, routeResult] = await compareSideBySide(
      { name: "MCP SDK client: 10,000 tools", run: direct },
      { name: "POST /api/mcp/tools: 10,000 tools", run: route },
      { runs, warmup: 3 },
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
