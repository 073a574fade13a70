// Test support for the workspace: composer states with secrets in every place one can hide, and a
// dump of every table, to look for them.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/server/db/connect";
import { createDefaultState } from "@/lib/domain/request/composer";
import { encodeShareState } from "@/lib/domain/share/codec";
import type { ComposerState } from "@/lib/domain/request/types";
import { sequentialIds } from "./sequential-ids";

export const TOKEN_SECRET = "tok-4f9b2c7e1d0a-SECRET";
export const URL_PASSWORD = "urlpass-8c1e5f-SECRET";
export const URL_QUERY_KEY = "qkey-3a7d9e2b-SECRET";

/** The default composer, its first server holding a token and a URL with credentials and a key. */
export function stateWithSecrets(): ComposerState {
  const state = createDefaultState(sequentialIds(), "http://localhost:3000");
  const [first, ...rest] = state.servers;
  return {
    ...state,
    servers: [
      {
        ...first!,
        authorizationToken: TOKEN_SECRET,
        url: `https://user:${URL_PASSWORD}@mcp.example.com/mcp?api_key=${URL_QUERY_KEY}`,
        keepUrlSecrets: true,
      },
      ...rest,
    ],
  };
}

export function encodedStateWithSecrets(): string {
  return encodeShareState(stateWithSecrets());
}

/** The rows of a raw query, from either driver (PGlite answers {rows}, postgres.js an array). */
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** Every row of every table the app made (its own and the migrations' record), as one JSON text. */
export async function dumpTables(db: Database): Promise<string> {
  const tables = rowsOf<{ table_schema: string; table_name: string }>(
    await db.execute(
      sql`select table_schema, table_name from information_schema.tables where table_schema in ('public', 'drizzle')`,
    ),
  );
  const dump: Record<string, unknown> = {};
  for (const { table_schema, table_name } of tables) {
    dump[`${table_schema}.${table_name}`] = rowsOf(
      await db.execute(sql.raw(`select * from "${table_schema}"."${table_name}"`)),
    );
  }
  return JSON.stringify(dump);
}
