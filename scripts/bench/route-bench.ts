// The route's added latency: POST /api/messages (zod check + official SDK + in-process emulator)
// against calling the emulator's handler directly, same request, alternating, median of many
// (target: under 3 ms added); and what the app's route adds on top of that — the request guard,
// the rate limit, the settings — against the same forwarding without it (target: under 1 ms).
import { POST as messagesRoute } from "../../app/api/messages/route";
import { forwardMessages } from "../../lib/server/api/forward-messages";
import { handleEmulatorRequest } from "../../lib/server/emulator/handler";
import { serveDemoServers } from "../../test/support/demo-servers";
import { compareSideBySide, type BenchResult } from "./measure";

export async function benchRoute(runs = 200): Promise<{
  direct: BenchResult;
  route: BenchResult;
  addedMs: number;
  unguarded: BenchResult;
  guarded: BenchResult;
  guardMs: number;
}> {
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
    const routeRequest = () =>
      new Request("http://localhost/api/messages", {
        method: "POST",
        headers: {
          host: "localhost:3000",
          "content-type": "application/json",
          "x-playground-target": "emulator",
        },
        body: withBetas,
      });
    const route = () => forwardMessages(routeRequest(), {});
    const guarded = () => messagesRoute(routeRequest());
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
    const [unguardedResult, guardedResult] = await compareSideBySide(
      { name: "forwarding alone (lib/server/api/forward-messages)", run: () => check(route) },
      { name: "the app's route (guard, rate limit, forwarding)", run: () => check(guarded) },
      { runs: runs * 2 },
    );
    return {
      direct: directResult,
      route: routeResult,
      addedMs: routeResult.medianMs - directResult.medianMs,
      unguarded: unguardedResult,
      guarded: guardedResult,
      guardMs: guardedResult.medianMs - unguardedResult.medianMs,
    };
  } finally {
    await demo.close();
  }
}
