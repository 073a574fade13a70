import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DELAY_HEADER, TEST_FAIL_HEADER } from "../../lib/server/emulator/handler";
import { buildRequest } from "../../lib/domain/request/build-request";
import { createDefaultState } from "../../lib/domain/request/composer";
import type { StreamSnapshot } from "../../lib/domain/stream/accumulate";
import { serveDemoServers } from "../support/demo-servers";
import { sequentialIds } from "../support/sequential-ids";
import { forwardMessages } from "../../lib/server/api/forward-messages";
import { sendMessages } from "../../lib/client/api/send-request";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  demo = await serveDemoServers();
});
afterAll(() => demo.close());

/** The browser's fetch, answered by our route in-process, with test hooks on. */
function routeFetch(extraHeaders: Record<string, string> = {}): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    for (const [key, value] of Object.entries(extraHeaders)) headers.set(key, value);
    return forwardMessages(
      new Request(new URL(input instanceof Request ? input.url : input, "http://localhost"), {
        ...init,
        headers,
      }),
      { testHooks: true },
    );
  };
}

const demoRequest = (stream: boolean) =>
  buildRequest({ ...createDefaultState(sequentialIds(), demo.origin), stream });

describe("sending with stream: true", () => {
  it("builds the same message as the unstreamed answer, reporting each step as it grows", async () => {
    const progress: StreamSnapshot[] = [];
    const streamed = await sendMessages(demoRequest(true), {
      target: "emulator",
      fetch: routeFetch(),
      onProgress: (snapshot) => progress.push(snapshot),
    });
    const plain = await sendMessages(demoRequest(false), {
      target: "emulator",
      fetch: routeFetch(),
    });
    if (!streamed.ok || !plain.ok) throw new Error("both should succeed");
    expect(streamed.streamed).toBe(true);
    expect(streamed.firstEventMs).toBeLessThanOrEqual(streamed.latencyMs);
    const shape = (message: typeof plain.message) =>
      message.content.map((block) =>
        block.type === "mcp_tool_use"
          ? { ...block, id: "" }
          : block.type === "mcp_tool_result"
            ? { ...block, tool_use_id: "" }
            : block,
      );
    expect(shape(streamed.message)).toEqual(shape(plain.message));
    expect(streamed.message.usage).toEqual(plain.message.usage);
    // It grew: a text block was seen partly written, and the tool call before its result.
    const counts = progress.map((snapshot) => snapshot.message?.content.length ?? 0);
    expect(counts).toContain(1);
    expect(counts).toContain(2);
    expect(progress.some((snapshot) => Object.keys(snapshot.partialInput).length > 0)).toBe(true);
  });

  it("keeps what arrived when the stream breaks, and says it broke", async () => {
    const outcome = await sendMessages(demoRequest(true), {
      target: "emulator",
      fetch: routeFetch({ [TEST_FAIL_HEADER]: "2" }),
    });
    if (outcome.ok) throw new Error("should break");
    expect(outcome.error.type).toBe("overloaded_error");
    expect(outcome.error.message).toContain("The stream broke midway");
    expect(outcome.partial?.content.map((block) => block.type)).toEqual(["text", "mcp_tool_use"]);
  });

  it("on cancel, keeps what arrived and calls it cancelled", async () => {
    const controller = new AbortController();
    const outcome = await sendMessages(demoRequest(true), {
      target: "emulator",
      signal: controller.signal,
      fetch: routeFetch({ [TEST_DELAY_HEADER]: "200" }),
      onProgress: (snapshot) => {
        if (snapshot.message?.content.length === 1) controller.abort();
      },
    });
    if (outcome.ok) throw new Error("should be cancelled");
    expect(outcome.error.type).toBe("cancelled");
    expect(outcome.partial?.content.length).toBeGreaterThanOrEqual(1);
  });

  it("reads an API error before the stream as an ordinary error", async () => {
    const outcome = await sendMessages(
      { ...demoRequest(true), betas: [] },
      { target: "emulator", fetch: routeFetch() },
    );
    if (outcome.ok) throw new Error("should fail");
    expect(outcome.error.status).toBe(400);
    expect(outcome.streamed).toBe(false);
  });
});
