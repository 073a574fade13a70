import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRequest } from "@/lib/domain/request/build-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveEmulator, type EmulatorServer } from "@/test/support/emulator-server";
import { sequentialIds } from "@/test/support/sequential-ids";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
let emulator: EmulatorServer;
beforeAll(async () => {
  demo = await serveDemoServers();
  emulator = await serveEmulator();
});
afterAll(async () => {
  await Promise.all([demo.close(), emulator.close()]);
});

const client = (apiKey = "batch-key") =>
  new Anthropic({ apiKey, baseURL: emulator.baseUrl, maxRetries: 0 });

/** The demo request, as batch params: no stream, no betas (they go in the header). */
function demoParams(message: string) {
  const state = createDefaultState(sequentialIds(), demo.origin);
  state.message = message;
  const { betas, stream: _stream, ...params } = buildRequest(state);
  return { params, betas: betas ?? [] };
}

async function ended(sdk: Anthropic, id: string) {
  for (let i = 0; i < 100; i += 1) {
    const batch = await sdk.beta.messages.batches.retrieve(id);
    if (batch.processing_status === "ended") return batch;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the batch never ended");
}

describe("the emulator's Message Batches, through the SDK", () => {
  it("runs each request as /v1/messages would (MCP calls included) and serves the results as JSONL", async () => {
    const sdk = client();
    const ok = demoParams("call tasks.list_tasks {}");
    const created = await sdk.beta.messages.batches.create({
      requests: [
        { custom_id: "ok", params: ok.params },
        { custom_id: "bad", params: { ...ok.params, max_tokens: 0 } },
      ],
      betas: ok.betas,
    });
    expect(created).toMatchObject({
      type: "message_batch",
      processing_status: "in_progress",
      results_url: null,
      request_counts: { processing: 2, succeeded: 0, errored: 0 },
    });
    expect(created.id).toMatch(/^msgbatch_/);
    const batch = await ended(sdk, created.id);
    expect(batch.request_counts).toMatchObject({ processing: 0, succeeded: 1, errored: 1 });
    expect(batch.results_url).toBe(`${emulator.baseUrl}/v1/messages/batches/${created.id}/results`);

    const results = [];
    for await (const entry of await sdk.beta.messages.batches.results(created.id))
      results.push(entry);
    expect(results.map((entry) => [entry.custom_id, entry.result.type])).toEqual([
      ["ok", "succeeded"],
      ["bad", "errored"],
    ]);
    const first = results[0]!.result;
    if (first.type !== "succeeded") throw new Error("expected success");
    expect(first.message.content.map((block) => block.type)).toContain("mcp_tool_result");
    const second = results[1]!.result;
    if (second.type !== "errored") throw new Error("expected an error");
    expect(second.error.error.type).toBe("invalid_request_error");
  });

  it("lists newest first, cancels, deletes once ended, and shows a batch to its own key only", async () => {
    const sdk = client("lister");
    const { params, betas } = demoParams("hello");
    const one = await sdk.beta.messages.batches.create({
      requests: [{ custom_id: "a", params: params }],
      betas: betas,
    });
    const two = await sdk.beta.messages.batches.create({
      requests: Array.from({ length: 5 }, (_, i) => ({
        custom_id: `r${i}`,
        params: params as never,
      })),
      betas: betas,
    });
    const canceled = await sdk.beta.messages.batches.cancel(two.id);
    expect(["canceling", "ended"]).toContain(canceled.processing_status);
    const done = await ended(sdk, two.id);
    expect(done.request_counts.canceled).toBeGreaterThan(0);
    expect(done.cancel_initiated_at).not.toBeNull();

    const page = await sdk.beta.messages.batches.list({ limit: 1 });
    expect(page.data.map((batch) => batch.id)).toEqual([two.id]);
    const all = [];
    for await (const batch of sdk.beta.messages.batches.list({ limit: 1 })) all.push(batch.id);
    expect(all).toEqual([two.id, one.id]);

    // Another key sees none of them.
    await expect(client("someone-else").beta.messages.batches.retrieve(one.id)).rejects.toThrow(
      /404/,
    );
    expect((await client("someone-else").beta.messages.batches.list()).data).toEqual([]);

    await ended(sdk, one.id);
    await sdk.beta.messages.batches.delete(one.id);
    await expect(sdk.beta.messages.batches.retrieve(one.id)).rejects.toThrow(/404/);
  });

  it("refuses a malformed batch in words", async () => {
    const sdk = client();
    const { params } = demoParams("hello");
    await expect(sdk.beta.messages.batches.create({ requests: [] as never })).rejects.toThrow(
      /non-empty list/,
    );
    await expect(
      sdk.beta.messages.batches.create({
        requests: [
          { custom_id: "same", params: params },
          { custom_id: "same", params: params },
        ],
      }),
    ).rejects.toThrow(/used twice/);
    await expect(
      sdk.beta.messages.batches.create({
        requests: [{ custom_id: "has space", params: params }],
      }),
    ).rejects.toThrow(/custom_id/);
    const noKey = await fetch(`${emulator.baseUrl}/v1/messages/batches`, {
      method: "GET",
    });
    expect(noKey.status).toBe(401);
  });
});
