import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recentActivity } from "@/lib/server/emulator/activity";
import { TEST_DELAY_HEADER } from "@/lib/server/emulator/handler";
import { serveDemoServers } from "@/test/support/demo-servers";
import { forwardMessages } from "./forward-messages";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  demo = await serveDemoServers();
});
afterAll(() => demo.close());

function streamingRequest(headers: Record<string, string>, signal?: AbortSignal) {
  return new Request("http://localhost/api/messages", {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "application/json", ...headers },
    signal,
    body: JSON.stringify({
      model: "claude-opus-4-6",
      max_tokens: 512,
      stream: true,
      messages: [{ role: "user", content: "list_events" }],
      mcp_servers: [{ type: "url", url: demo.url("calendar"), name: "calendar" }],
      tools: [{ type: "mcp_toolset", mcp_server_name: "calendar" }],
      betas: ["mcp-client-2025-11-20"],
    }),
  });
}

const decoder = new TextDecoder();

describe("POST /api/messages with stream: true", () => {
  it("passes events through as they come: the first arrives long before the last", async () => {
    const started = performance.now();
    const response = await forwardMessages(streamingRequest({ [TEST_DELAY_HEADER]: "250" }), {
      testHooks: true,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    const first = await reader.read();
    const firstAt = performance.now() - started;
    let text = decoder.decode(first.value);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += decoder.decode(chunk.value);
    const endAt = performance.now() - started;
    expect(text.startsWith("event: message_start")).toBe(true);
    expect(text.trimEnd().endsWith('data: {"type":"message_stop"}')).toBe(true);
    // Four blocks, 250 ms before each: a buffering route would deliver everything at the end.
    expect(endAt - firstAt).toBeGreaterThan(700);
  });

  it("ignores the test-only headers unless test hooks are on", async () => {
    const started = performance.now();
    const response = await forwardMessages(streamingRequest({ [TEST_DELAY_HEADER]: "2000" }), {});
    await response.text();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("cancels the emulator's run when the caller goes away mid-stream", async () => {
    const controller = new AbortController();
    const response = await forwardMessages(
      streamingRequest({ [TEST_DELAY_HEADER]: "300" }, controller.signal),
      { testHooks: true },
    );
    const requestId = response.headers.get("request-id");
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel();
    await expect
      .poll(() => recentActivity().find((entry) => entry.requestId === requestId)?.status)
      .toBe("cancelled");
  });
});
