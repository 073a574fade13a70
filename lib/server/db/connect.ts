import "server-only";
// The database: PGlite in PLAYGROUND_DATA_DIR by default (embedded, nothing to install), or
// PostgreSQL when DATABASE_URL is set. One handle per process, kept on globalThis so a module
// evaluated twice (the dev server's bundles) still shares it; migrations run before first use.
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { redactSecrets } from "@/lib/domain/api/redact";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock";
import { schema } from "./schema";
import { sealerFor, type Sealer } from "./sealing";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  { kind: "pglite"; dataDir: string } | { kind: "memory" } | { kind: "postgres"; url: string };

export interface DatabaseHandle {
  db: Database;
  /** Seals what is kept for a while but holds secrets (lib/server/db/sealing.ts). */
  sealer: Sealer;
  kind: DatabaseTarget["kind"];
  /** Where the data lives, without credentials: for logs and the health of the workspace. */
  where: string;
  close(): Promise<void>;
}

/** Migrations are applied by one instance at a time (PostgreSQL advisory lock key). */
const MIGRATION_LOCK_KEY = 727_001;

export function migrationsFolder(): string {
  return join(process.cwd(), "drizzle");
}

/** The database the environment names: DATABASE_URL, else PGlite in PLAYGROUND_DATA_DIR (.data). */
export function databaseTargetFromEnv(
  env: Record<string, string | undefined> = process.env,
): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL.");
    }
    return { kind: "postgres", url };
  }
  const dataDir = env.PLAYGROUND_DATA_DIR?.trim();
  // `memory:` keeps nothing past the process (tests, throwaway runs).
  if (dataDir === "memory:") return { kind: "memory" };
  return { kind: "pglite", dataDir: dataDir || join(process.cwd(), ".data") };
}

function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "memory") return "PGlite in memory";
  if (target.kind === "pglite") return `PGlite in ${target.dataDir}`;
  try {
    const url = new URL(target.url);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

/** Opens and migrates a database. Each call is a new handle: the process's own is `processDatabase`. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const folder = migrationsFolder();
  if (target.kind === "postgres") {
    await migratePostgresOnce(target.url, folder);
    const client = postgres(target.url, { max: 10, onnotice: () => {}, idle_timeout: 30 });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return {
      db,
      sealer: sealerFor({}),
      kind: "postgres",
      where: describeTarget(target),
      close: () => client.end(),
    };
  }
  const release = target.kind === "pglite" ? lockDataDir(target.dataDir) : () => {};
  try {
    const client = target.kind === "pglite" ? new PGlite(target.dataDir) : new PGlite();
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: folder });
    return {
      db: db as unknown as Database,
      sealer: sealerFor(target.kind === "pglite" ? { dataDir: target.dataDir } : {}),
      kind: target.kind,
      where: describeTarget(target),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Two instances starting together: the first migrates, the second waits and finds it done. */
async function migratePostgresOnce(url: string, folder: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end();
  }
}

/** DATABASE_URL and its password: never in an error text. */
function databaseSecrets(env: Record<string, string | undefined> = process.env): string[] {
  const url = env.DATABASE_URL?.trim();
  if (!url) return [];
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? [url, password] : [url];
  } catch {
    return [url];
  }
}

/** The database could not be opened or did not answer; the message is safe to show. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(redactSecrets(reason || "no answer", databaseSecrets()));
    this.name = "DatabaseUnavailableError";
  }
}

const HANDLE_KEY = Symbol.for("mcp-connector-playground.database");
type GlobalWithHandle = typeof globalThis & { [HANDLE_KEY]?: Promise<DatabaseHandle> };

/**
 * This process's database, opened on first use. A failed open is not kept: the next request
 * tries again (a database that was down may be up), and every caller gets the cause in words.
 */
export function processDatabase(): Promise<DatabaseHandle> {
  const holder = globalThis as GlobalWithHandle;
  if (!holder[HANDLE_KEY]) {
    const opening = (async () => {
      try {
        return await openDatabase(databaseTargetFromEnv());
      } catch (error) {
        if (error instanceof DataDirInUseError) throw error;
        throw new DatabaseUnavailableError(error);
      }
    })();
    holder[HANDLE_KEY] = opening;
    opening.catch(() => {
      if (holder[HANDLE_KEY] === opening) delete holder[HANDLE_KEY];
    });
  }
  return holder[HANDLE_KEY];
}

/** Closes this process's database (a shutdown; a restart in tests). The next use opens it again. */
export async function closeProcessDatabase(): Promise<void> {
  const holder = globalThis as GlobalWithHandle;
  const opening = holder[HANDLE_KEY];
  delete holder[HANDLE_KEY];
  const handle = await opening?.catch(() => null);
  await handle?.close();
}
