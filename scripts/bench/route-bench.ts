// The route's added latency: POST /api/messages (zod check + official SDK + in-process emulator)
// against calling the emulator's handler directly, same request, alternating, median of many.
// Target: under 3 ms added.
import { forwardMessages } from "../../lib/api/forward-messages";
import { handleEmulatorRequest } from "../../lib/emulator/handler";
import { serveDemoServers } from "../../lib/testing/demo-servers";
import { summarize, type BenchResult } from "./measure";

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
    const time = async (fn: () => Promise<Response>) => {
      const start = performance.now();
      const response = await fn();
      await response.text();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return performance.now() - start;
    };
    for (let i = 0; i < 20; i += 1) {
      await time(direct);
      await time(route);
    }
    const directSamples: number[] = [];
    const routeSamples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      // Alternate the order so neither side always runs on a warmer machine.
      if (i % 2 === 0) {
        directSamples.push(await time(direct));
        routeSamples.push(await time(route));
      } else {
        routeSamples.push(await time(route));
        directSamples.push(await time(direct));
      }
    }
    const directResult = summarize("emulator handler, called directly", directSamples);
    const routeResult = summarize("POST /api/messages → SDK → emulator", routeSamples);
    return {
      direct: directResult,
      route: routeResult,
      addedMs: routeResult.medianMs - directResult.medianMs,
    };
  } finally {
    await demo.close();
  }
}
