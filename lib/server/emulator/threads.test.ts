import Anthropic, { APIError } from "@anthropic-ai/sdk";
import type { BetaToolUseBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmulator, type EmulatorServer } from "@/test/support/emulator-server";
import { MESSAGE_THREADS_BETA } from "./threads";

let emulator: EmulatorServer;
beforeAll(async () => {
  emulator = await serveEmulator();
});
afterAll(async () => {
  await emulator.close();
});

const client = (apiKey = "thread-key") =>
  new Anthropic({ apiKey, baseURL: emulator.baseUrl, maxRetries: 0 });

const echo = {
  name: "echo",
  description: "Echoes the message back.",
  input_schema: {
    type: "object" as const,
    properties: { message: { type: "string" } },
    required: ["message"],
  },
};
const base = { model: "claude-opus-4-6", max_tokens: 256 };

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof APIError)) throw new Error(`expected an API error, got ${String(error)}`);
  const body = error.error as { error?: { message?: string; details?: { error_code?: string } } };
  return {
    status: error.status as number | undefined,
    code: body.error?.details?.error_code,
    message: body.error?.message,
  };
}

describe("client tools, as the API answers them", () => {
  it("calls a named client tool with stop_reason tool_use, then answers from its tool_result", async () => {
    const sdk = client();
    const first = await sdk.beta.messages.create({
      ...base,
      tools: [echo],
      messages: [{ role: "user", content: 'call echo {"message": "hi"}' }],
    });
    expect(first.stop_reason).toBe("tool_use");
    const call = first.content.find(
      (block): block is BetaToolUseBlock => block.type === "tool_use",
    );
    expect(call).toMatchObject({ name: "echo", input: { message: "hi" } });
    expect(call?.id).toMatch(/^toolu_/);

    const answer = await sdk.beta.messages.create({
      ...base,
      tools: [echo],
      messages: [
        { role: "user", content: 'call echo {"message": "hi"}' },
        { role: "assistant", content: first.content },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: call!.id, content: "Echo: hi" }],
        },
      ],
    });
    expect(answer.stop_reason).toBe("end_turn");
    expect(answer.content).toEqual([
      expect.objectContaining({ type: "text", text: "**echo** returned:\n\n```\nEcho: hi\n```" }),
    ]);
  });

  it("says a failed tool_result failed, and fills a mentioned tool's input from its schema", async () => {
    const sdk = client();
    const mentioned = await sdk.beta.messages.create({
      ...base,
      tools: [echo],
      messages: [{ role: "user", content: "please use echo" }],
    });
    const call = mentioned.content.find((block) => block.type === "tool_use");
    expect(call).toMatchObject({ name: "echo", input: { message: expect.any(String) as unknown } });
    const failed = await sdk.beta.messages.create({
      ...base,
      tools: [echo],
      messages: [
        { role: "user", content: "please use echo" },
        { role: "assistant", content: mentioned.content },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: call!.id, content: "no such file", is_error: true },
          ],
        },
      ],
    });
    expect(failed.content[0]).toMatchObject({ text: "**echo** failed: no such file" });
  });

  it("answers in words when no client tool is named", async () => {
    const message = await client().beta.messages.create({
      ...base,
      tools: [echo],
      messages: [{ role: "user", content: "hello" }],
    });
    expect(message.stop_reason).toBe("end_turn");
    expect(message.content.some((block) => block.type === "tool_use")).toBe(false);
  });
});

describe("message threads", () => {
  const threaded = { ...base, betas: [MESSAGE_THREADS_BETA] };

  it("holds the conversation: a continue sends only the new turn, without system and tools", async () => {
    const sdk = client();
    const first = await sdk.beta.messages.create({
      ...threaded,
      tools: [echo],
      thread: { type: "create" },
      messages: [{ role: "user", content: 'call echo {"message": "held"}' }],
    });
    const call = first.content.find((block) => block.type === "tool_use")!;
    const second = await sdk.beta.messages.create({
      ...threaded,
      thread: { type: "continue", previous_message_id: first.id },
      messages: [
        { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: "ok" }] },
      ],
    });
    // The name comes from the held assistant turn: the request itself did not carry it.
    expect(second.content[0]).toMatchObject({ text: "**echo** returned:\n\n```\nok\n```" });

    const again = await errorOf(
      sdk.beta.messages.create({
        ...threaded,
        thread: { type: "continue", previous_message_id: first.id },
        messages: [{ role: "user", content: "again" }],
      }),
    );
    expect(again).toMatchObject({ status: 400, code: "thread_already_continued" });
  });

  it("streams a threaded turn and holds it once the stream ends", async () => {
    const sdk = client();
    const first = await sdk.beta.messages
      .stream({
        ...threaded,
        tools: [echo],
        thread: { type: "create" },
        messages: [{ role: "user", content: "call echo {}" }],
      })
      .finalMessage();
    const call = first.content.find((block) => block.type === "tool_use")!;
    const second = await sdk.beta.messages
      .stream({
        ...threaded,
        thread: { type: "continue", previous_message_id: first.id },
        messages: [
          { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: "x" }] },
        ],
      })
      .finalMessage();
    expect(second.content[0]).toMatchObject({
      text: expect.stringContaining("**echo** returned") as unknown,
    });
  });

  it("refuses what the SDK recovers from, in its error codes, and shows a thread to its own key only", async () => {
    const first = await client("owner").beta.messages.create({
      ...threaded,
      thread: { type: "create" },
      messages: [{ role: "user", content: "hello" }],
    });
    const continueAs = (apiKey: string, extra: object = {}) =>
      errorOf(
        client(apiKey).beta.messages.create({
          ...threaded,
          ...extra,
          thread: { type: "continue", previous_message_id: first.id },
          messages: [{ role: "user", content: "next" }],
        }),
      );
    expect(await continueAs("someone-else")).toMatchObject({
      status: 404,
      code: "thread_not_found",
    });
    expect(await continueAs("owner", { system: "changed" })).toMatchObject({ status: 400 });
    const unknown = await errorOf(
      client().beta.messages.create({
        ...threaded,
        thread: { type: "continue", previous_message_id: "msg_unknown" },
        messages: [{ role: "user", content: "next" }],
      }),
    );
    expect(unknown).toMatchObject({ status: 404, code: "thread_not_found" });
    const noBeta = await errorOf(
      client().beta.messages.create({
        ...base,
        thread: { type: "create" },
        messages: [{ role: "user", content: "hello" }],
      }),
    );
    expect(noBeta.message).toContain(MESSAGE_THREADS_BETA);
  });

  it("the SDK's thread.send carries a conversation over several turns", async () => {
    const thread = client().beta.messages.thread({ ...base, tools: [echo] });
    const first = await thread.send({ role: "user", content: "call echo {}" });
    expect(first.stop_reason).toBe("tool_use");
    const call = first.content.find((block) => block.type === "tool_use")!;
    const second = await thread.send({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: call.id, content: "done" }],
    });
    expect(second.content[0]).toMatchObject({ text: expect.stringContaining("done") as unknown });
  });
});
