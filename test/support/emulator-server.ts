// Test support: the emulator's real routes (Messages, count_tokens and Message Batches, with their guards) on a
// free loopback port, at the paths the app serves them, with a record of each Messages body.
import { POST as messagesRoute } from "../../app/api/emulator/v1/messages/route";
import { POST as countTokensRoute } from "../../app/api/emulator/v1/messages/count_tokens/route";
import * as batchesRoute from "../../app/api/emulator/v1/messages/batches/route";
import * as batchRoute from "../../app/api/emulator/v1/messages/batches/[id]/route";
import { POST as cancelRoute } from "../../app/api/emulator/v1/messages/batches/[id]/cancel/route";
import { GET as resultsRoute } from "../../app/api/emulator/v1/messages/batches/[id]/results/route";
import { serveHandler, type ServedHandler } from "./serve-handler";

export interface EmulatorServer extends ServedHandler {
  /** ANTHROPIC_BASE_URL for the SDKs and the snippets. */
  baseUrl: string;
  /** Every Messages request that arrived, in order. */
  received: { body: unknown; beta: string | null }[];
}

export async function serveEmulator(): Promise<EmulatorServer> {
  const received: EmulatorServer["received"] = [];
  const served = await serveHandler(async (request) => {
    const path = new URL(request.url).pathname;
    const batch =
      /^\/api\/emulator\/v1\/messages\/batches(?:\/([^/]+)(?:\/(cancel|results))?)?$/.exec(path);
    if (path === "/api/emulator/v1/messages") {
      received.push({
        body: JSON.parse(await request.clone().text()) as unknown,
        beta: request.headers.get("anthropic-beta"),
      });
      return messagesRoute(request);
    }
    if (path === "/api/emulator/v1/messages/count_tokens") return countTokensRoute(request);
    if (!batch) return new Response("not found", { status: 404 });
    const [, id, action] = batch;
    const context = { params: Promise.resolve({ id: id ?? "" }) };
    if (!id)
      return request.method === "POST" ? batchesRoute.POST(request) : batchesRoute.GET(request);
    if (action === "cancel") return cancelRoute(request, context);
    if (action === "results") return resultsRoute(request, context);
    return request.method === "DELETE"
      ? batchRoute.DELETE(request, context)
      : batchRoute.GET(request, context);
  });
  return { ...served, baseUrl: `${served.origin}/api/emulator`, received };
}
