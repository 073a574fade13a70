// The workspace on a real PostgreSQL, as two instances meet it: both start at once (migrations
// run once, under an advisory lock), and what one writes the other reads.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/server/db/connect";
import { createDefaultState } from "@/lib/domain/request/composer";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import {
  createShortLink,
  openShortLink,
  revokeShortLink,
} from "@/lib/server/workspace/short-links";
import { listCollections, listRequests, saveRequest } from "@/lib/server/workspace/saved-requests";
import { stateForStorage } from "@/lib/server/workspace/stored-state";
import { MESSAGE_THREADS_BETA, ThreadStore } from "@/lib/server/emulator/threads";
import { startPostgres, type TestPostgres } from "@/test/support/postgres";
import { sequentialIds } from "@/test/support/sequential-ids";
import {
  dumpTables,
  rowsOf,
  encodedStateWithSecrets,
  TOKEN_SECRET,
  URL_PASSWORD,
  URL_QUERY_KEY,
} from "@/test/support/workspace";

let server: TestPostgres;
let a: DatabaseHandle;
let b: DatabaseHandle;

beforeAll(async () => {
  server = await startPostgres();
  // Two instances starting together.
  [a, b] = await Promise.all([
    openDatabase({ kind: "postgres", url: server.url }),
    openDatabase({ kind: "postgres", url: server.url }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.allSettled([a?.close(), b?.close()]);
  server?.stop();
});

function stored(message: string) {
  const result = stateForStorage(
    encodeShareState({ ...createDefaultState(sequentialIds()), message }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.stored;
}

describe("two instances on one PostgreSQL", () => {
  it("migrated once, under the advisory lock", async () => {
    const rows = rowsOf<{ n: number }>(
      await a.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    );
    const journal = JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as {
      entries: unknown[];
    };
    expect(rows[0]!.n).toBe(journal.entries.length);
    expect(a.where).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+\/postgres$/);
  });

  it("share short links: made on A, opened and revoked on B", async () => {
    const link = await createShortLink(a.db, stored("made on A"), { ttlDays: 30 });
    const opened = await openShortLink(b.db, link.id);
    expect(opened.status).toBe("open");
    const decoded =
      opened.status === "open" ? decodeShareState(opened.encoded, sequentialIds()) : null;
    expect(decoded?.success && decoded.data.state.message).toBe("made on A");
    expect(await revokeShortLink(b.db, link.id, link.revokeKey)).toBe("revoked");
    expect((await openShortLink(a.db, link.id)).status).toBe("revoked");
  });

  it("share collections: a request saved on A is listed on B", async () => {
    // Both instances list an empty workspace at once: one first collection, not two.
    const [[first, ...restA], [seen, ...restB]] = await Promise.all([
      listCollections(a.db),
      listCollections(b.db),
    ]);
    expect(seen!.id).toBe(first!.id);
    expect([restA, restB]).toEqual([[], []]);
    await saveRequest(a.db, {
      collectionId: first!.id,
      folder: "",
      name: "Saved on A",
      description: "",
      state: stored("x"),
    });
    const page = await listRequests(b.db, {
      collection: first!.id,
      q: "on a",
      offset: 0,
      limit: 50,
    });
    expect(page.requests.map((request) => request.name)).toEqual(["Saved on A"]);
  });

  it("share message threads: made on A, continued on B; A's limit lets the oldest go", async () => {
    const onA = new ThreadStore({ database: () => Promise.resolve(a), maxPerKey: 1 });
    // Instances share PLAYGROUND_STORAGE_KEY, so B opens what A sealed.
    const onB = new ThreadStore({ database: () => Promise.resolve({ ...b, sealer: a.sealer }) });
    const open = (store: ThreadStore, thread: object, text: string) =>
      store.open(
        "pg-owner",
        { model: "m", max_tokens: 1, messages: [{ role: "user", content: text }], thread } as never,
        [MESSAGE_THREADS_BETA],
      );
    const answer = (id: string) =>
      ({ id, type: "message", role: "assistant", content: [{ type: "text", text: id }] }) as never;
    await (await open(onA, { type: "create" }, "old"))!.remember(answer("msg_pg_old"));
    await (await open(onA, { type: "create" }, "hello"))!.remember(answer("msg_pg_1"));
    const next = await open(onB, { type: "continue", previous_message_id: "msg_pg_1" }, "more");
    expect(next!.request.messages).toHaveLength(3);
    await next!.remember(answer("msg_pg_2"));
    const gone = open(onB, { type: "continue", previous_message_id: "msg_pg_old" }, "x");
    await expect(gone).rejects.toMatchObject({ errorCode: "thread_not_found" });
    const again = open(onA, { type: "continue", previous_message_id: "msg_pg_1" }, "x");
    await expect(again).rejects.toMatchObject({ errorCode: "thread_already_continued" });
  });

  it("hold no secret in any table", async () => {
    const state = stateForStorage(encodedStateWithSecrets());
    if (!state.ok) throw new Error(state.message);
    await createShortLink(a.db, state.stored, { ttlDays: 1 });
    const dump = await dumpTables(b.db);
    expect(dump).toContain("mcp.example.com");
    for (const secret of [TOKEN_SECRET, URL_PASSWORD, URL_QUERY_KEY])
      expect(dump).not.toContain(secret);
  });
});
