// Time to the first streamed event: through POST /api/messages (zod check + official SDK +
// emulator, body passed through) against from the emulator's handler directly, same request,
// side by side. Both in-process, and both over loopback HTTP (as a browser meets them).
// Target: under 10 ms added.
import { forwardMessages } from "../../lib/server/api/forward-messages";
import { handleEmulatorRequest } from "../../lib/server/emulator/handler";
import { serveDemoServers } from "../../test/support/demo-servers";
import { serveHandler } from "../../test/support/serve-handler";
import { compareSideBySide, type BenchResult } from "./measure";

export interface FirstEventPair {
  label: string;
  direct: BenchResult;
  route: BenchResult;
  addedMs: number;
}

/** Milliseconds from sending to the first chunk of a 200 event stream; the rest is drained. */
async function timeToFirstEvent(send: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await send();
  if (response.status !== 200 || !response.body) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  const elapsed = performance.now() - start;
  if (!new TextDecoder().decode(first.value).startsWith("event: message_start"))
    throw new Error("the first event is not message_start");
  while (!(await reader.read()).done) {
    // Drain, so every run also completes and frees its MCP sessions.
  }
  return elapsed;
}

export async function benchFirstEvent(runs = 150): Promise<FirstEventPair[]> {
  const demo = await serveDemoServers();
  const params = {
    model: "claude-opus-4-6",
    max_tokens: 256,
    stream: true,
    messages: [{ role: "user", content: "list_events" }],
    mcp_servers: [{ type: "url", url: demo.url("calendar"), name: "calendar" }],
    tools: [{ type: "mcp_toolset", mcp_server_name: "calendar" }],
  };
  const directInit = () => ({
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-api-key": "bench",
      "anthropic-beta": "mcp-client-2025-11-20",
    },
    body: JSON.stringify(params),
  });
  const routeInit = () => ({
    method: "POST",
    headers: { "content-type": "application/json", "x-playground-target": "emulator" },
    body: JSON.stringify({ ...params, betas: ["mcp-client-2025-11-20"] }),
  });
  const emulatorServer = await serveHandler((request) => handleEmulatorRequest(request));
  const routeServer = await serveHandler((request) => forwardMessages(request, {}));
  try {
    const pairs: FirstEventPair[] = [];
    const compare = async (
      label: string,
      direct: () => Promise<Response>,
      route: () => Promise<Response>,
    ) => {
      const [directResult, routeResult] = await compareSideBySide(
        { name: `${label}: emulator directly`, run: () => timeToFirstEvent(direct) },
        {
          name: `${label}: POST /api/messages → SDK → emulator`,
          run: () => timeToFirstEvent(route),
        },
        { runs },
      );
      pairs.push({
        label,
        direct: directResult,
        route: routeResult,
        addedMs: routeResult.medianMs - directResult.medianMs,
      });
    };
    await compare(
      "in-process",
      () =>
        handleEmulatorRequest(
          new Request("http://emulator.internal/api/emulator/v1/messages", directInit()),
        ),
      () => forwardMessages(new Request("http://localhost/api/messages", routeInit()), {}),
    );
    await compare(
      "loopback HTTP",
      () => fetch(`${emulatorServer.origin}/api/emulator/v1/messages`, directInit()),
      () => fetch(`${routeServer.origin}/api/messages`, routeInit()),
    );
    return pairs;
  } finally {
    await Promise.all([emulatorServer.close(), routeServer.close(), demo.close()]);
  }
}
