import { describe, expect, it } from "vitest";
import { coalesce } from "./coalesce";

describe("coalesce", () => {
  it("hands the items that arrive together to one run, each caller getting its own result", async () => {
    const runs: number[][] = [];
    const double = coalesce((items: number[]) => {
      runs.push(items);
      return Promise.resolve(items.map((item) => item * 2));
    });
    const results = await Promise.all([1, 2, 3].map((item) => double(item)));
    expect(results).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
    expect(await double(5)).toBe(10);
    expect(runs).toHaveLength(2);
  });

  it("splits a burst into runs of at most maxItems, and fails every caller of a failed run", async () => {
    const sizes: number[] = [];
    const run = coalesce(
      (items: number[]) => {
        sizes.push(items.length);
        return items.includes(13) ? Promise.reject(new Error("unlucky")) : Promise.resolve(items);
      },
      { maxItems: 4 },
    );
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) => run(index + 5)),
    );
    expect(sizes).toEqual([4, 4, 2]);
    // Runs of 5–8, 9–12 and 13–14: only the third, which holds 13, fails its callers.
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      ...Array<string>(8).fill("fulfilled"),
      "rejected",
      "rejected",
    ]);
  });
});
