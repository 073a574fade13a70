// The per-answer cap on legacy SSE, where every answer of a session arrives on one event stream:
// five 1.4 MB results pass (the cap counts each answer, not the stream), and one over 5 MiB fails
// at once with the cap's words instead of hanging until the call's timeout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { serveSseServer, type SseServer } from "@/test/support/sse-server";
import { callMcpTool, connectMcp } from "./client";

let server: SseServer;
const fetch = createGuardedFetch({ policy: { allowPrivate: true } });
beforeAll(async () => {
  server = await serveSseServer();
});
afterAll(async () => {
  await server.close();
});

describe("the per-answer cap on a legacy SSE session", () => {
  it("passes five 1.4 MB answers on one stream", async () => {
    const session = await connectMcp(server.url, { fetch, pool: null });
    try {
      expect(session.transport).toBe("sse");
      for (let call = 0; call < 5; call += 1) {
        const result = await callMcpTool(
          session,
          "sized",
          { bytes: 1_400_000 },
          { timeoutMs: 10_000 },
        );
        const text = (result.content as { text: string }[])[0]?.text ?? "";
        expect(text.length).toBe(1_400_000);
      }
    } finally {
      await session.close();
    }
  });

  it("fails one answer over 5 MiB at once, in the cap's words", async () => {
    const session = await connectMcp(server.url, { fetch, pool: null });
    const started = performance.now();
    try {
      const failure = await callMcpTool(
        session,
        "sized",
        { bytes: 6_000_000 },
        { timeoutMs: 20_000 },
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toBe(
        "One answer is larger than 5 MiB (this playground's per-answer cap).",
      );
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await session.close();
    }
  });
});
