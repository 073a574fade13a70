// The emulator's memory is bounded: message threads count their JSON against a per-key share and
// an instance total; a key makes room among its own things before anyone's, and when the instance
// is full the key holding the most gives way first. (Message Batches live in the database:
// batch-store.test.ts.)
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { StoreBudget } from "./store-budget";
import { MESSAGE_THREADS_BETA, ThreadStore } from "./threads";

const KIB = 1024;
const answer = (id: string): BetaMessage =>
  ({ id, type: "message", role: "assistant", content: [{ type: "text", text: "ok" }] }) as never;

function refusal(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

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
