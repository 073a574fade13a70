// The route's added latency: POST /api/messages (zod check + official SDK + in-process emulator)
// against calling the emulator's handler directly, same request, alternating, median of many.
// Target: under 3 ms added.
import { forwardMessages } from "../../lib/server/api/forward-messages";
import { handleEmulatorRequest } from "../../lib/server/emulator/handler";
import { serveDemoServers } from "../../test/support/demo-servers";
import { compareSideBySide, type BenchResult } from "./measure";

export async function benchRoute(
  runs = 200,
): Promise<{ direct: BenchResult; route: BenchResult; addedMs: number }> {
  const demo = await serveDemoServers();
  try {
    const body = JSON.stringify({
      model: "claude-opus-4-6",
      max_tokens: 256,
      messages: [{ role: "user", content: "list_events" }],
      mcp_servers: [{ type: "url", url: demo.url("calendar"), name: "calendar" }],
      tools: [{ type: "mcp_toolset", mcp_server_name: "calendar" }],
    });
    const direct = () =>
      handleEmulatorRequest(
        new Request("http://emulator.internal/api/emulator/v1/messages", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-api-key": "bench",
            "anthropic-beta": "mcp-client-2025-11-20",
          },
          body,
        }),
      );
    const withBetas = JSON.stringify({
      ...(JSON.parse(body) as object),
      betas: ["mcp-client-2025-11-20"],
    });
    const route = () =>
      forwardMessages(
        new Request("http://localhost/api/messages", {
          method: "POST",
          headers: { "content-type": "application/json", "x-playground-target": "emulator" },
          body: withBetas,
        }),
        {},
      );
    const check = async (fn: () => Promise<Response>) => {
      const response = await fn();
      await response.text();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    };
    const [directResult, routeResult] = await compareSideBySide(
      { name: "emulator handler, called directly", run: () => check(direct) },
      { name: "POST /api/messages → SDK → emulator", run: () => check(route) },
      { runs },
    );
    return {
      direct: directResult,
      route: routeResult,
      addedMs: routeResult.medianMs - directResult.medianMs,
    };
  } finally {
    await demo.close();
  }
}
