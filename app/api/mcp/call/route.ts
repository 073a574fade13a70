import { handleCallRequest } from "@/lib/server/api/call-route";
import { guardRoute } from "@/lib/server/http/guard-route";

export const dynamic = "force-dynamic";

export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleCallRequest(request),
);
