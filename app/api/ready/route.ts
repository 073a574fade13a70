import { processDatabase } from "@/lib/server/db/connect";

export const dynamic = "force-dynamic";

/**
 * For orchestrators' readiness probes: 200 once the workspace database is open and migrated, 503
 * until then (or while it cannot be opened). Like /api/health it is outside the Host check and
 * says nothing a stranger could use: only which kind of database, never where.
 */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  try {
    const { kind } = await processDatabase();
    return Response.json(
      { status: "ready", database: kind === "postgres" ? "postgres" : "pglite" },
      { headers },
    );
  } catch {
    return Response.json({ status: "starting" }, { status: 503, headers });
  }
}
