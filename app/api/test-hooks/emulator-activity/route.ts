import { recentActivity } from "@/lib/server/emulator/activity";
import { guardRoute } from "@/lib/server/http/guard-route";

// Test-only: what the emulator did with recent requests (e2e checks a Cancel reached it).
// Answers 404 unless the server runs with PLAYGROUND_TEST_HOOKS=1.
export const dynamic = "force-dynamic";

export const GET = guardRoute({}, () => {
  if (process.env.PLAYGROUND_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  return Response.json(recentActivity());
});
