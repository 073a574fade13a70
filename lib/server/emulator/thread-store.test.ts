// Message threads live in the database: a thread made through one instance continues through
// another, two instances cannot both continue it, a claim whose instance died lapses, what is
// held is sealed, and a key makes room among its own threads before anyone else's.
import { randomBytes } from "node:crypto";
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSealer } from "@/lib/server/db/sealing";
import { memoryDatabaseForFile } from "@/test/support/memory-database";
import { rowsOf } from "@/test/support/workspace";
import { ApiError } from "./errors";
import { MESSAGE_THREADS_BETA, ThreadStore, type ThreadStoreOptions } from "./threads";

const database = memoryDatabaseForFile();
const KIB = 1024;
const betas = [MESSAGE_THREADS_BETA];
const base = { model: "m", max_tokens: 1 };
let made = 0;

/** A store on the file's database, as one instance; ids are unique across tests. */
function instance(options: Omit<ThreadStoreOptions, "database"> = {}) {
  return new ThreadStore({ database: () => Promise.resolve(database()), ...options });
}
const owner = () => `owner-${(made += 1)}`;
const answer = (id: string, text = "ok"): BetaMessage =>
  ({ id, type: "message", role: "assistant", content: [{ type: "text", text }] }) as never;

const create = (store: ThreadStore, who: string, text: string) =>
  store.open(
    who,
    { ...base, messages: [{ role: "user", content: text }], thread: { type: "create" } } as never,
    betas,
  );
const proceed = (store: ThreadStore, who: string, previous: string, text: string) =>
  store.open(
    who,
    {
      ...base,
      messages: [{ role: "user", content: text }],
      thread: { type: "continue", previous_message_id: previous },
    } as never,
    betas,
  );

async function refusal(action: () => Promise<unknown>): Promise<ApiError> {
  const error = await action().then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof ApiError) return error;
  throw new Error(`expected a refusal, got ${String(error)}`);
}

async function heldIds(who: string): Promise<string[]> {
  const rows = rowsOf<{ message_id: string }>(
    await database().db.execute(
      sql`select message_id from emulator_threads where owner = ${who} and state <> 'continued' order by created_at`,
    ),
  );
  return rows.map((row) => row.message_id);
}

describe("message threads in the database", () => {
  it("a thread made through one instance continues through another, with its history", async () => {
    const who = owner();
    const a = instance();
    const b = instance();
    await (await create(a, who, "first turn"))!.remember(answer("msg_x1", "first answer"));
    const next = (await proceed(b, who, "msg_x1", "second turn"))!;
    expect(next.request.messages).toEqual([
      { role: "user", content: "first turn" },
      { role: "assistant", content: [{ type: "text", text: "first answer" }] },
      { role: "user", content: "second turn" },
    ]);
    await next.remember(answer("msg_x2"));
    const again = await refusal(() => proceed(a, who, "msg_x1", "late"));
    expect(again.errorCode).toBe("thread_already_continued");
    expect(await heldIds(who)).toEqual(["msg_x2"]);
  });

  it("two instances continuing one thread at once: one claims it, the other is told it is running", async () => {
    const who = owner();
    await (await create(instance(), who, "hi"))!.remember(answer("msg_race"));
    const results = await Promise.allSettled([
      proceed(instance(), who, "msg_race", "one"),
      proceed(instance(), who, "msg_race", "two"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected");
    expect((lost as PromiseRejectedResult).reason).toMatchObject({
      errorCode: "thread_continue_in_flight",
    });
  });

  it("a failed turn releases its thread; a claim whose instance died lapses", async () => {
    const who = owner();
    const store = instance({ claimMs: 50 });
    await (await create(store, who, "hi"))!.remember(answer("msg_claim"));
    const failed = (await proceed(store, who, "msg_claim", "fails"))!;
    await failed.release();
    // Claimed and never released (its instance died): free again once the claim lapses.
    await proceed(store, who, "msg_claim", "dies");
    await new Promise((resolve) => setTimeout(resolve, 80));
    const retried = await proceed(instance(), who, "msg_claim", "after");
    expect(retried?.request.messages.at(-1)).toEqual({ role: "user", content: "after" });
  });

  it("shows a thread to its own key only, and says not found for an unknown id", async () => {
    const who = owner();
    await (await create(instance(), who, "mine"))!.remember(answer("msg_owned"));
    expect((await refusal(() => proceed(instance(), owner(), "msg_owned", "x"))).errorCode).toBe(
      "thread_not_found",
    );
    expect((await refusal(() => proceed(instance(), who, "msg_none", "x"))).status).toBe(404);
  });

  it("holds the conversation sealed: no message text in the table; another key's seal is not found", async () => {
    const who = owner();
    await (await create(instance(), who, "the secret plan"))!.remember(answer("msg_sealed"));
    const dump = JSON.stringify(
      await database().db.execute(sql`select * from emulator_threads where owner = ${who}`),
    );
    expect(dump).toContain("msg_sealed");
    expect(dump).not.toContain("secret plan");
    const elsewhere = new ThreadStore({
      database: () =>
        Promise.resolve({ ...database(), sealer: createSealer(randomBytes(32), false) }),
    });
    const error = await refusal(() => proceed(elsewhere, who, "msg_sealed", "x"));
    expect(error.errorCode).toBe("thread_not_found");
    // Refused without consuming it: the instance holding the key still continues it.
    expect(await proceed(instance(), who, "msg_sealed", "x")).not.toBeNull();
  });

  it("refuses a thread larger than a key's share with 413, before it runs", async () => {
    const store = instance({ limits: { perClientBytes: 32 * KIB, totalBytes: 128 * KIB } });
    const error = await refusal(() => create(store, owner(), "x".repeat(40 * KIB)));
    expect(error.status).toBe(413);
  });

  it("lets a continued thread go: a long conversation holds one copy, not one a turn", async () => {
    const who = owner();
    const store = instance();
    await (await create(store, who, "x".repeat(10 * KIB)))!.remember(answer(`${who}_0`));
    for (let turn = 1; turn <= 20; turn += 1)
      await (await proceed(store, who, `${who}_${turn - 1}`, "y".repeat(KIB)))!.remember(
        answer(`${who}_${turn}`),
      );
    expect(await heldIds(who)).toEqual([`${who}_20`]);
    // One thread of ~10 + 20 KiB, not twenty copies of it.
    expect(await store.bytesHeldBy(who)).toBeLessThan(40 * KIB);
  });

  it("drops a key's oldest threads past its count or its bytes, and keeps another key's", async () => {
    const victim = owner();
    const attacker = owner();
    const store = instance({
      maxPerKey: 3,
      limits: { perClientBytes: 64 * KIB, totalBytes: 256 * KIB },
    });
    await (await create(store, victim, "mine"))!.remember(answer(`${victim}_v`));
    for (let index = 0; index < 12; index += 1)
      await (await create(store, attacker, `spam ${index}`))!.remember(
        answer(`${attacker}_${index}`),
      );
    expect(await heldIds(attacker)).toEqual([`${attacker}_9`, `${attacker}_10`, `${attacker}_11`]);
    expect(await proceed(store, victim, `${victim}_v`, "next")).not.toBeNull();

    const big = owner();
    for (let index = 0; index < 4; index += 1)
      await (await create(store, big, "z".repeat(20 * KIB)))!.remember(answer(`${big}_${index}`));
    // Three of ~20 KiB fit a 64 KiB share; the oldest went.
    expect(await heldIds(big)).toEqual([`${big}_1`, `${big}_2`, `${big}_3`]);
  });

  it("drops the oldest threads of the store past its limit", async () => {
    const who = owner();
    // The store's limit counts every key's threads: start from none.
    await database().db.execute(sql`delete from emulator_threads`);
    const store = instance({ max: 2 });
    for (const id of ["a", "b", "c"])
      await (await create(store, who, id))!.remember(answer(`${who}_${id}`));
    expect(await store.count()).toBe(2);
    expect((await refusal(() => proceed(store, who, `${who}_a`, "x"))).errorCode).toBe(
      "thread_not_found",
    );
  });
});
