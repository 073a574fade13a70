import { openDatabase } from "@/lib/server/db/connect";
// The emulator's Message Batches in the database (PGlite in memory): caps per key and in all, the
// params sealed while they wait and dropped once run, and a batch finished by another instance
// when the one running it stops.
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { describe, expect, it } from "vitest";
import { memoryDatabaseForFile } from "@/test/support/memory-database";
import { eq } from "drizzle-orm";
import { emulatorBatchRequests } from "@/lib/server/db/schema";
import { dumpTables } from "@/test/support/workspace";
import { BatchStore, MAX_BATCH_REQUESTS, type BatchRunner } from "./batches";
import { ApiError } from "./errors";

const database = memoryDatabaseForFile();

const context = { betas: [], origin: "http://localhost:3000", client: "test" };
const answer = (text: string): BetaMessage =>
  ({ id: "msg_1", type: "message", role: "assistant", content: [{ type: "text", text }] }) as never;

/** A runner whose requests wait until told to go (or run at once once `open` is called). */
function gate() {
  let open = false;
  const waiting: (() => void)[] = [];
  const received: Record<string, unknown>[] = [];
  const runner: BatchRunner = () => (params) =>
    new Promise<BetaMessage>((resolve) => {
      received.push(params);
      const go = () => resolve(answer(`answer ${received.length}`));
      if (open) go();
      else waiting.push(go);
    });
  return {
    runner,
    received,
    release: () => {
      open = true;
      while (waiting.length) waiting.shift()!();
    },
  };
}

let nextId = 0;
function store(
  runner: BatchRunner,
  options: Partial<ConstructorParameters<typeof BatchStore>[0]> = {},
) {
  return new BatchStore({
    database: () => Promise.resolve(database()),
    runner,
    createId: () => `msgbatch_test${++nextId}`,
    sweepEveryMs: 0,
    ...options,
  });
}

const body = (count: number, extra: Record<string, unknown> = {}) => ({
  requests: Array.from({ length: count }, (_, index) => ({
    custom_id: `r${index}`,
    params: {
      model: "m",
      max_tokens: 1,
      messages: [{ role: "user", content: `n${index}` }],
      ...extra,
    },
  })),
});

async function refusal(action: () => Promise<unknown>): Promise<ApiError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the batch store", () => {
  it("caps a batch's size, and its results wait for the end", async () => {
    const { runner } = gate();
    const batches = store(runner);
    expect(
      (await refusal(() => batches.create("me", body(MAX_BATCH_REQUESTS + 1), context))).message,
    ).toMatch(/at most/);
    const batch = await batches.create("me", body(2), context);
    expect(batch.request_counts.processing).toBe(2);
    expect((await refusal(() => batches.results("me", batch.id))).message).toMatch(/not finished/);
    expect((await refusal(() => batches.delete("me", batch.id))).message).toMatch(
      /cannot be deleted/,
    );
    batches.stop();
  });

  it("seals each request's params (their MCP tokens) while they wait, and drops them once run", async () => {
    const { runner, release, received } = gate();
    const batches = store(runner);
    const secret = "tok-batch-7f3a9c-SECRET";
    const batch = await batches.create(
      "sealer",
      body(3, {
        mcp_servers: [
          { type: "url", url: "https://x.example/mcp", name: "x", authorization_token: secret },
        ],
      }),
      context,
    );
    expect(await dumpTables(database().db)).not.toContain(secret);
    release();
    await batches.idle();
    const done = await batches.retrieve("sealer", batch.id);
    expect(done).toMatchObject({
      processing_status: "ended",
      request_counts: { succeeded: 3, processing: 0 },
    });
    expect(await dumpTables(database().db)).not.toContain(secret);
    const rows = await database()
      .db.select({ sealed: emulatorBatchRequests.sealedParams })
      .from(emulatorBatchRequests)
      .where(eq(emulatorBatchRequests.batchId, batch.id));
    expect(rows).toEqual([{ sealed: null }, { sealed: null }, { sealed: null }]);
    // The runner did get the token.
    expect((await batches.results("sealer", batch.id)).trim().split("\n")).toHaveLength(3);
    expect(JSON.stringify(received)).toContain(secret);
  });

  it("makes room among a key's own ended batches, says 429 when all of them run, and never evicts another key's", async () => {
    const { runner, release } = gate();
    const batches = store(runner, { maxBatchesPerKey: 2, maxBatches: 6 });
    const victim = await batches.create("victim", body(1), context);
    const first = await batches.create("a", body(1), context);
    await batches.create("a", body(1), context);
    const full = await refusal(() => batches.create("a", body(1), context));
    expect(full.status).toBe(429);
    expect(full.message).toContain("wait for some to end");
    release();
    await batches.idle();
    // Ended, the oldest of its own gives way.
    await batches.create("a", body(1), context);
    await expect(batches.retrieve("a", first.id)).rejects.toThrow(/No message batch/);
    expect((await batches.list("a", {})).data).toHaveLength(2);
    expect((await batches.retrieve("victim", victim.id)).id).toBe(victim.id);
    // Another key's batch is not found by this key.
    await expect(batches.retrieve("a", victim.id)).rejects.toThrow(/No message batch/);
  });

  it("cancels: what has not run ends canceled", async () => {
    const { runner, release } = gate();
    const batches = store(runner);
    const batch = await batches.create("canceler", body(4), context);
    const canceling = await batches.cancel("canceler", batch.id);
    expect(canceling.processing_status).toBe("canceling");
    expect(canceling.cancel_initiated_at).not.toBeNull();
    release();
    await batches.idle();
    const done = await batches.retrieve("canceler", batch.id);
    expect(done.processing_status).toBe("ended");
    expect(done.request_counts.canceled).toBeGreaterThanOrEqual(3);
    expect(done.request_counts.canceled + done.request_counts.succeeded).toBe(4);
  });

  it("is finished by another instance when the one running it stops", async () => {
    const stuck = gate();
    const a = store(stuck.runner, { leaseMs: 300 });
    const batch = await a.create("handoff", body(3), context);
    // Instance A stops with its first request still running (as if killed).
    await new Promise((resolve) => setTimeout(resolve, 50));
    a.stop();
    const b = store(() => (params) => Promise.resolve(answer(`from B ${JSON.stringify(params)}`)), {
      leaseMs: 300,
      instanceId: "instance-b",
    });
    // While A's lease holds, B takes nothing.
    expect(await b.sweep()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.sweep()).toBe(1);
    await b.idle();
    const done = await b.retrieve("handoff", batch.id);
    expect(done).toMatchObject({ processing_status: "ended", request_counts: { succeeded: 3 } });
    // A's request, answered late, writes nothing: B's result stands.
    stuck.release();
    await a.idle();
    const lines = (await b.results("handoff", batch.id)).trim().split("\n");
    expect(lines.every((line) => line.includes("from B"))).toBe(true);
  });

  it("says a sealed request from an instance with another storage key cannot be read", async () => {
    const stuck = gate();
    const a = store(stuck.runner, { leaseMs: 200 });
    const batch = await a.create("rekeyed", body(2), context);
    a.stop();
    const other = await openDatabase({ kind: "memory" });
    // The same rows, another instance's key.
    const b = new BatchStore({
      database: () => Promise.resolve({ ...database(), sealer: other.sealer }),
      runner: () => () => Promise.resolve(answer("never")),
      sweepEveryMs: 0,
      leaseMs: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await b.sweep();
    await b.idle();
    const lines = (await b.results("rekeyed", batch.id)).trim().split("\n");
    expect(lines.some((line) => line.includes("PLAYGROUND_STORAGE_KEY"))).toBe(true);
    await other.close();
  });
});
