// Test support: a PGlite database in memory for one test file, opened (and migrated) before its
// tests and closed after. `database()` is the handle, once open.
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/server/db/connect";

export function memoryDatabaseForFile(): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openDatabase({ kind: "memory" });
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("the test database is not open yet");
    return handle;
  };
}
