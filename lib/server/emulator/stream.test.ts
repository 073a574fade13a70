import Anthropic, { APIError } from "@anthropic-ai/sdk";
import type {
  BetaMessage,
  BetaRawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { sequentialApiIds } from "@/test/support/sequential-ids";
import { recentActivity } from "./activity";
import { handleEmulatorRequest, readTestHooks } from "./handler";
import { streamSteps } from "./sse";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
let emulator: ServedHandler;
let client: Anthropic;

beforeAll(async () => {
  demo = await serveDemoServers();
  // Fresh deterministic ids per request, so a streamed and a non-streamed run can be compared.
  // Test hooks come from headers here, as in the app's route with PLAYGROUND_TEST_HOOKS=1.
  emulator = await serveHandler((request) =>
    handleEmulatorRequest(request, {
      createId: sequentialApiIds(),
      ...readTestHooks(request.headers, true),
    }),
  );
  client = new Anthropic({
    apiKey: "k",
    baseURL: `${emulator.origin}/api/emulator`,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await emulator.close();
  await demo.close();
});

function request(message: string) {
  return {
    model: "claude-opus-4-6",
    max_tokens: 1024,
    messages: [{ role: "user" as const, content: message }],
    mcp_servers: [
      { type: "url" as const, url: demo.url("calendar"), name: "calendar" },
      {
        type: "url" as const,
        url: demo.url("tasks"),
        name: "tasks",
        authorization_token: DEMO_TASKS_TOKEN,
      },
    ],
    tools: [
      { type: "mcp_toolset" as const, mcp_server_name: "calendar" },
      { type: "mcp_toolset" as const, mcp_server_name: "tasks" },
    ],
    betas: ["mcp-client-2025-11-20"],
  };
}

/** finalMessage adds a non-wire `parsed_output`; the JSON round trip keeps what was on the wire. */
function wire(message: BetaMessage): unknown {
  const { parsed_output: _parsed, ...rest } = message as BetaMessage & { parsed_output?: unknown };
  return JSON.parse(JSON.stringify(rest));
}

describe("the emulator's stream", () => {
  it.each([
    ["a tool call", "Use list_events, then sync_tasks."],
    ["an overview", "What can you do?"],
    ["an unavailable tool", "call calendar.nope {}"],
  ])(
    "gives the SDK's stream().finalMessage() equal to the non-streamed answer (%s)",
    async (_, text) => {
      const plain = await client.beta.messages.create(request(text));
      const streamed = await client.beta.messages.stream(request(text)).finalMessage();
      expect(wire(streamed)).toEqual(wire(plain));
      expect(plain.content.length).toBeGreaterThan(0);
    },
  );

  it("sends the API's event sequence: input_json_delta from {} and whole tool results", async () => {
    const stream = await client.beta.messages.create({
      ...request("Use list_events to show my week."),
      stream: true,
    });
    const events: BetaRawMessageStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events[0]?.type).toBe("message_start");
    expect(events.at(-2)?.type).toBe("message_delta");
    expect(events.at(-1)?.type).toBe("message_stop");
    const starts = events.filter((event) => event.type === "content_block_start");
    expect(starts.map((event) => event.content_block.type)).toEqual([
      "text",
      "mcp_tool_use",
      "mcp_tool_result",
      "text",
    ]);
    const useStart = starts[1];
    expect(useStart?.content_block).toMatchObject({ input: {}, name: "list_events" });
    const deltasOf = (index: number) =>
      events.filter((event) => event.type === "content_block_delta" && event.index === index);
    const useDeltas = deltasOf(1).map((event) =>
      event.type === "content_block_delta" && event.delta.type === "input_json_delta"
        ? event.delta.partial_json
        : "other",
    );
    expect(useDeltas[0]).toBe("");
    expect(JSON.parse(useDeltas.join(""))).toEqual({});
    expect(deltasOf(2)).toEqual([]);
    expect(JSON.stringify(starts[2]?.content_block)).toContain("Team stand-up");
    expect(JSON.stringify(starts[2]?.content_block)).not.toContain("citations");
    const start = events[0];
    const delta = events.at(-2);
    if (start?.type !== "message_start" || delta?.type !== "message_delta")
      throw new Error("order");
    // Cumulative: the tool result adds to the input tokens the start announced.
    expect(delta.usage.input_tokens).toBeGreaterThan(start.message.usage.input_tokens);
  });

  it("answers a request it refuses with an HTTP error, not a stream", async () => {
    const refused = await client.beta.messages
      .create({ ...request("hi"), betas: [], stream: true })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(APIError);
    expect((refused as APIError).status).toBe(400);
  });

  it("breaks with an `error` event after what arrived (test hook), which the SDK raises", async () => {
    const stream = client.beta.messages.stream(request("Use list_events."), {
      headers: { "x-playground-test-fail-after-blocks": "2" },
    });
    const seen: string[] = [];
    stream.on("contentBlock", (block) => seen.push(block.type));
    const failure = await stream.finalMessage().then(
      () => null,
      (error: unknown) => error,
    );
    expect(seen).toEqual(["text", "mcp_tool_use"]);
    expect(failure).toBeInstanceOf(APIError);
    expect(JSON.stringify((failure as APIError).error)).toContain("overloaded_error");
  });

  it("stops working when the reader goes away: the run is recorded as cancelled", async () => {
    const controller = new AbortController();
    const stream = client.beta.messages.stream(request("Use list_events."), {
      signal: controller.signal,
      headers: { "x-playground-test-block-delay-ms": "300" },
    });
    const requestId = await new Promise<string>((resolve) => {
      stream.on("connect", () => {
        void stream.withResponse().then(({ response }) => {
          resolve(response.headers.get("request-id") ?? "");
        });
      });
    });
    await new Promise((resolve) => stream.on("contentBlock", resolve));
    controller.abort();
    await stream.done().catch(() => undefined);
    await expect
      .poll(() => recentActivity().find((entry) => entry.requestId === requestId)?.status)
      .toBe("cancelled");
  });
});

describe("the emulator's event stream writer", () => {
  it("sends a ping while the next part takes longer than the keep-alive time", async () => {
    async function* slowRest() {
      await new Promise((resolve) => setTimeout(resolve, 120));
      yield {
        type: "block" as const,
        block: { type: "text" as const, text: "late", citations: null },
      };
    }
    const start = {
      type: "start" as const,
      message: { id: "msg_1", content: [] } as never,
    };
    const text = await new Response(
      streamSteps(start, slowRest(), { requestId: "req_1", keepAliveMs: 30 }),
    ).text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    // message_start and its ping, then keep-alive pings while waiting, then the late block.
    expect(events.slice(0, 2)).toEqual(["message_start", "ping"]);
    const waited = events.slice(2, events.indexOf("content_block_start"));
    expect(waited.length).toBeGreaterThanOrEqual(2);
    expect(new Set(waited)).toEqual(new Set(["ping"]));
    expect(events.at(-1)).toBe("message_stop");
  });
});
