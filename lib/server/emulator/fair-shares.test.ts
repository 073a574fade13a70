// One client's burst of emulated requests cannot fill the instance: past its share of runs at once
// it is told to retry (429, retry-after) while another client is served; regex searches take turns.
import { describe, expect, it } from "vitest";
import { ClientShares } from "@/lib/server/http/client-shares";
import { handleEmulatorRequest } from "./handler";
import { Lane } from "./search-lane";

const request = () =>
  new Request("http://localhost/api/emulator/v1/messages", {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "test-only-key" },
    body: JSON.stringify({
      model: "claude-opus-4-6",
      max_tokens: 64,
      stream: true,
      messages: [{ role: "user", content: "Say something long." }],
    }),
  });

describe("a client's share of emulated runs", () => {
  it("refuses a run past the share with 429 and retry-after, serves other clients, and frees it at the end", async () => {
    const runShares = new ClientShares(2);
    // Streams that pause before each block: their runs stay in flight until read.
    const slow = { runShares, blockDelayMs: 200 };
    const first = await handleEmulatorRequest(request(), { ...slow, client: "greedy" });
    const second = await handleEmulatorRequest(request(), { ...slow, client: "greedy" });
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await handleEmulatorRequest(request(), { ...slow, client: "greedy" });
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("1");
    expect(await third.json()).toMatchObject({
      error: {
        type: "rate_limit_error",
        message: expect.stringContaining("PLAYGROUND_MAX_RUNS_PER_CLIENT") as unknown,
      },
    });
    const other = await handleEmulatorRequest(request(), { ...slow, client: "other" });
    expect(other.status).toBe(200);
    // Read to the end (one) and walk away (the other): both let their share go.
    await first.text();
    await second.body?.cancel();
    await other.text();
    expect(runShares.heldBy("greedy")).toBe(0);
    expect(runShares.heldBy("other")).toBe(0);
  });
});

describe("the search lane", () => {
  it("runs one search at a time, in the order they came", async () => {
    const lane = new Lane(1);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const work = (name: string) =>
      lane.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${name}`);
        running -= 1;
        return name;
      });
    expect(await Promise.all([work("a"), work("b"), work("c")])).toEqual(["a", "b", "c"]);
    expect(most).toBe(1);
    expect(order).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});
