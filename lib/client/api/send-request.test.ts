import { describe, expect, it } from "vitest";
import { sendMessages } from "./send-request";

const params = { model: "m", max_tokens: 1, messages: [{ role: "user" as const, content: "hi" }] };
const clock = () => {
  let t = 0;
  return () => (t += 5);
};

describe("sendMessages", () => {
  it("returns a checked message with its request-id and latency", async () => {
    const message = {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "m",
      content: [{ type: "text", text: "hi" }],
      stop_reason: "end_turn",
      usage: { input_tokens: 1, output_tokens: 1 },
    };
    const outcome = await sendMessages(params, {
      target: "emulator",
      now: clock(),
      fetch: () => Promise.resolve(Response.json(message, { headers: { "request-id": "req_1" } })),
    });
    expect(outcome).toMatchObject({
      ok: true,
      requestId: "req_1",
      latencyMs: 5,
      message: { id: "msg_1" },
    });
  });

  it("sends the browser key only to the Anthropic target", async () => {
    const seen: Headers[] = [];
    const fetcher = (_: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers));
      return Promise.resolve(Response.json({}, { status: 500 }));
    };
    await sendMessages(params, { target: "emulator", apiKey: "k", fetch: fetcher });
    await sendMessages(params, { target: "anthropic", apiKey: "k", fetch: fetcher });
    expect(seen.map((h) => h.get("x-playground-api-key"))).toEqual([null, "k"]);
  });

  it("keeps an API error's status, type, message and request-id", async () => {
    const outcome = await sendMessages(params, {
      target: "emulator",
      fetch: () =>
        Promise.resolve(
          Response.json(
            {
              type: "error",
              error: { type: "invalid_request_error", message: "bad" },
              request_id: "req_2",
            },
            { status: 400, headers: { "request-id": "req_2" } },
          ),
        ),
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { status: 400, type: "invalid_request_error", message: "bad", requestId: "req_2" },
    });
  });

  it("turns network failures, non-JSON and wrong shapes into words", async () => {
    const down = await sendMessages(params, {
      target: "emulator",
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
    });
    expect(down).toMatchObject({ ok: false, error: { type: "network_error" } });
    expect(!down.ok && down.error.message).toContain("Could not reach the playground's server");
    const html = await sendMessages(params, {
      target: "emulator",
      fetch: () => Promise.resolve(new Response("<html>", { status: 502 })),
    });
    expect(html).toMatchObject({ ok: false, error: { status: 502, type: "invalid_response" } });
    const odd = await sendMessages(params, {
      target: "emulator",
      fetch: () => Promise.resolve(Response.json({ hello: 1 })),
    });
    expect(odd).toMatchObject({ ok: false, error: { type: "invalid_response" } });
  });

  it("says when the person cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await sendMessages(params, {
      target: "emulator",
      signal: controller.signal,
      fetch: () => Promise.reject(new DOMException("aborted", "AbortError")),
    });
    expect(outcome).toMatchObject({ ok: false, error: { type: "cancelled" } });
  });
});
