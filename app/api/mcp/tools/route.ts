import { handleDiscoverRequest } from "@/lib/api/discover-route";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleDiscoverRequest(request);
}
