// The emulator's memory is bounded: Message Batches and message threads count their JSON against
// a per-key share and an instance total; a key makes room among its own things before anyone's,
// and when the instance is full the key holding the most gives way first.
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { describe, expect, it } from "vitest";
import { BatchStore } from "./batches";
import { ApiError } from "./errors";
import { StoreBudget } from "./store-budget";
import { MESSAGE_THREADS_BETA, ThreadStore } from "./threads";

const KIB = 1024;
const answer = (id: string): BetaMessage =>
  ({ id, type: "message", role: "assistant", content: [{ type: "text", text: "ok" }] }) as never;

/** A batch body of `count` requests, each carrying about `bytes` of message text. */
function batchBody(count: number, bytes: number) {
  return {
    requests: Array.from({ length: count }, (_, index) => ({
      custom_id: `r${index}`,
      params: {
        model: "m",
        max_tokens: 1,
        messages: [{ role: "user", content: "x".repeat(bytes) }],
      },
    })),
  };
}

/** A store whose batches run only once told to; from then on, at once. */
function gatedStore(
  budget: StoreBudget,
  limits: { maxBatches?: number; maxBatchesPerKey?: number } = {},
) {
  let held = true;
  const gates: (() => void)[] = [];
  let next = 0;
  const store = new BatchStore({ budget, createId: () => `msgbatch_${++next}`, ...limits });
  const run = () =>
    new Promise<BetaMessage>((resolve) => {
      const done = () => resolve(answer("msg"));
      if (held) gates.push(done);
      else done();
    });
  /** Lets every batch run to its end, and holds the ones created after. */
  const openAll = async () => {
    held = false;
    while (gates.length) gates.shift()!();
    for (let tick = 0; tick < 20; tick += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    held = true;
  };
  const create = (owner: string, body: unknown) =>
    store.create(owner, body, run, (id) => `http://x/${id}/results`);
  return { store, create, openAll };
}

function refusal(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the emulator's store budget: Message Batches", () => {
  it("refuses a batch larger than a key's share with 413, before holding any of it", () => {
    const budget = new StoreBudget({ perClientBytes: 64 * KIB, totalBytes: 256 * KIB });
    const { create } = gatedStore(budget);
    const error = refusal(() => create("a", batchBody(2, 40 * KIB)));
    expect(error.status).toBe(413);
    expect(error.message).toContain("PLAYGROUND_EMULATOR_MEMORY_PER_CLIENT_BYTES");
    expect(budget.totalHeld).toBe(0);
  });

  it("makes room among a key's own ended batches, and says 429 when all of them still run", async () => {
    const budget = new StoreBudget({ perClientBytes: 64 * KIB, totalBytes: 1024 * KIB });
    const { store, create, openAll } = gatedStore(budget, { maxBatchesPerKey: 3 });
    // By bytes: two running batches fill the key's share.
    const first = create("a", batchBody(1, 30 * KIB));
    create("a", batchBody(1, 30 * KIB));
    const full = refusal(() => create("a", batchBody(1, 30 * KIB)));
    expect(full.status).toBe(429);
    expect(full.message).toContain("wait for some to end");
    await openAll();
    // Ended, they hold only their results: room again, and by count the oldest gives way.
    create("a", batchBody(1, 30 * KIB));
    await openAll();
    const fourth = create("a", batchBody(1, 30 * KIB));
    expect(() => store.retrieve("a", first.id)).toThrow(/No message batch/);
    expect(store.retrieve("a", fourth.id).id).toBe(fourth.id);
    expect(store.list("a", {}).data).toHaveLength(3);
    expect(budget.heldBy("a")).toBeLessThanOrEqual(64 * KIB);
  });

  it("drops each request's params once it has run: only its result is held", async () => {
    const budget = new StoreBudget({ perClientBytes: 1024 * KIB, totalBytes: 4096 * KIB });
    const { store, create, openAll } = gatedStore(budget);
    const batch = create("a", batchBody(10, 20 * KIB));
    expect(budget.heldBy("a")).toBeGreaterThan(200 * KIB);
    await openAll();
    expect(store.retrieve("a", batch.id).processing_status).toBe("ended");
    expect(budget.heldBy("a")).toBeLessThan(5 * KIB);
    expect(store.results("a", batch.id).split("\n").filter(Boolean)).toHaveLength(10);
  });

  it("never lets one key push out another's batches, by count or by bytes", async () => {
    const budget = new StoreBudget({ perClientBytes: 64 * KIB, totalBytes: 100 * KIB });
    const { store, create, openAll } = gatedStore(budget, { maxBatches: 20, maxBatchesPerKey: 5 });
    const mine = create("victim", batchBody(1, 10 * KIB));
    await openAll();
    // The other key fills its own count and share, over and over: it only ever evicts its own.
    for (let round = 0; round < 30; round += 1) {
      try {
        create("attacker", batchBody(1, 12 * KIB));
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
      }
      await openAll();
    }
    expect(store.retrieve("victim", mine.id).id).toBe(mine.id);
    expect(store.list("attacker", {}).data.length).toBeLessThanOrEqual(5);
    // Many keys together fill the instance: the one holding most gives way first.
    for (const owner of ["b", "c", "d", "e", "f", "g"]) {
      try {
        create(owner, batchBody(1, 12 * KIB));
      } catch (error) {
        expect((error as ApiError).status).toBe(429);
      }
      await openAll();
    }
    expect(budget.totalHeld).toBeLessThanOrEqual(100 * KIB);
    expect(store.retrieve("victim", mine.id).id).toBe(mine.id);
  });
});

describe("the emulator's store budget: message threads", () => {
  const betas = [MESSAGE_THREADS_BETA];
  const base = { model: "m", max_tokens: 1 };
  const create = (store: ThreadStore, owner: string, text: string) =>
    store.open(
      owner,
      { ...base, messages: [{ role: "user", content: text }], thread: { type: "create" } } as never,
      betas,
    );
  const proceed = (store: ThreadStore, owner: string, previous: string, text: string) =>
    store.open(
      owner,
      {
        ...base,
        messages: [{ role: "user", content: text }],
        thread: { type: "continue", previous_message_id: previous },
      } as never,
      betas,
    );

  it("refuses a thread larger than a key's share with 413, before it runs", () => {
    const store = new ThreadStore({
      budget: new StoreBudget({ perClientBytes: 32 * KIB, totalBytes: 128 * KIB }),
    });
    const error = refusal(() => create(store, "a", "x".repeat(40 * KIB)));
    expect(error.status).toBe(413);
    expect(store.size).toBe(0);
  });

  it("lets a continued thread go: a long conversation holds one copy, not one a turn", () => {
    const budget = new StoreBudget({ perClientBytes: 1024 * KIB, totalBytes: 4096 * KIB });
    const store = new ThreadStore({ budget });
    create(store, "a", "x".repeat(10 * KIB))!.remember(answer("msg_0"));
    for (let turn = 1; turn <= 20; turn += 1)
      proceed(store, "a", `msg_${turn - 1}`, "y".repeat(KIB))!.remember(answer(`msg_${turn}`));
    expect(store.size).toBe(1);
    // One thread of ~10 + 20 KiB, not twenty copies of it.
    expect(budget.heldBy("a")).toBeLessThan(40 * KIB);
    const again = refusal(() => proceed(store, "a", "msg_3", "late"));
    expect(again.errorCode).toBe("thread_already_continued");
  });

  it("keeps another key's threads when one key makes many", () => {
    const store = new ThreadStore({
      max: 10,
      maxPerKey: 3,
      budget: new StoreBudget({ perClientBytes: 64 * KIB, totalBytes: 256 * KIB }),
    });
    create(store, "victim", "mine")!.remember(answer("msg_victim"));
    for (let index = 0; index < 50; index += 1)
      create(store, "attacker", `spam ${index}`)!.remember(answer(`msg_spam_${index}`));
    expect(() => proceed(store, "victim", "msg_victim", "next")).not.toThrow();
    expect(store.size).toBeLessThanOrEqual(4);
  });
});
