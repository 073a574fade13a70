export const dynamic = "force-dynamic";

/**
 * For load balancers and orchestrators: 200 while the process serves. Not behind the Host check
 * (probes arrive by an internal address), and it says nothing a stranger could use.
 */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
