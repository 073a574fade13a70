import { handleEmulatorRequest, readTestHooks } from "@/lib/server/emulator/handler";
import { guardRoute } from "@/lib/server/http/guard-route";

// The offline Messages API: point ANTHROPIC_BASE_URL at http://<host>/api/emulator.
export const dynamic = "force-dynamic";

export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleEmulatorRequest(request, readTestHooks(request.headers)),
);
