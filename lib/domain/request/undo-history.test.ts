import { describe, expect, it } from "vitest";
import { sequentialIds } from "@/test/support/sequential-ids";
import { createDefaultState, removeServer } from "./composer";
import { createDeferredToolsDemo } from "./demo-states";
import { describeLoss, EMPTY_HISTORY, recordEdit, redoEdit, undoEdit } from "./undo-history";

const ORIGIN = "http://localhost:3000";

describe("undo and redo of composer edits", () => {
  it("a burst of typing is one step; a pause starts another; redo replays", () => {
    const start = createDefaultState(sequentialIds(), ORIGIN);
    let history = EMPTY_HISTORY;
    let state = start;
    for (const [message, at] of [
      ["h", 1000],
      ["he", 1200],
      ["hel", 1400],
      ["hello", 5000],
    ] as const) {
      const next = { ...state, message };
      history = recordEdit(history, state, next, at);
      state = next;
    }
    expect(history.past).toHaveLength(2);
    const first = undoEdit(history, state)!;
    expect(first.state.message).toBe("hel");
    const second = undoEdit(first.history, first.state)!;
    expect(second.state).toBe(start);
    expect(undoEdit(second.history, second.state)).toBeNull();
    const again = redoEdit(second.history, second.state)!;
    expect(again.state.message).toBe("hel");
    // A new edit after an undo drops what could have been redone.
    const branched = recordEdit(again.history, again.state, { ...again.state, message: "x" }, 9000);
    expect(branched.future).toHaveLength(0);
  });

  it("a removal is its own step even in a burst, and says what it lost", () => {
    const start = createDefaultState(sequentialIds(), ORIGIN);
    const typed = { ...start, message: "typed" };
    let history = recordEdit(EMPTY_HISTORY, start, typed, 1000);
    const removed = removeServer(typed, typed.servers[1]!.id);
    history = recordEdit(history, typed, removed, 1100);
    expect(history.past).toHaveLength(2);
    expect(undoEdit(history, removed)!.state).toBe(typed);
    expect(describeLoss(typed, removed)).toBe("Server 'tasks' removed.");
    expect(describeLoss(start, typed)).toBeNull();
    expect(describeLoss(start, createDeferredToolsDemo(sequentialIds(), ORIGIN))).toBe(
      "The composer was replaced.",
    );
  });

  it("keeps at most 100 steps", () => {
    let history = EMPTY_HISTORY;
    let state = createDefaultState(sequentialIds(), ORIGIN);
    for (let step = 0; step < 150; step += 1) {
      const next = { ...state, maxTokens: step + 1 };
      history = recordEdit(history, state, next, step * 10_000);
      state = next;
    }
    expect(history.past).toHaveLength(100);
    expect(history.past[0]!.maxTokens).toBe(50);
  });
});
