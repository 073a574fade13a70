// Runs once when a production server starts, before it answers: the workspace database is opened
// and migrated then (PGlite compiles for a few seconds), so the first Save or short link does not
// wait for it. A database that cannot be opened is logged and left to the routes, which answer 503
// with the cause. `next dev` opens it on first use instead (its workers may evaluate this more
// than once, and one process owns an embedded data directory).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const { processDatabase } = await import("./lib/server/db/connect");
  const started = Date.now();
  try {
    const { where } = await processDatabase();
    console.log(`Workspace database: ${where} (ready in ${Date.now() - started} ms)`);
  } catch (error) {
    console.error(
      `Workspace database not available: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
