import { handleEmulatorRequest, readTestHooks } from "@/lib/emulator/handler";

// The offline Messages API: point ANTHROPIC_BASE_URL at http://<host>/api/emulator.
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleEmulatorRequest(request, readTestHooks(request.headers));
}
