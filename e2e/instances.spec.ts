import Anthropic from "@anthropic-ai/sdk";
import { expect, test } from "@playwright/test";
import { everythingUrl } from "../playwright.config";
import { startPostgres, type TestPostgres } from "../test/support/postgres";
import { PlaygroundPage } from "./pages/playground-page";
import { startInstance, type Instance } from "./support/instance";

// Two instances of the production build on one PostgreSQL, as behind a load balancer: what one
// remembers, the other knows.
let postgres: TestPostgres;
let a: Instance;
let b: Instance;
/** What every instance shares: the database, the key that seals batch params, short leases. */
let shared: Record<string, string>;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startPostgres();
  // Started together: the migrations run once, under the advisory lock.
  shared = {
    DATABASE_URL: postgres.url,
    PLAYGROUND_STORAGE_KEY: "e2e-storage-key-0123456789abcdef0123456789",
    PLAYGROUND_BATCH_LEASE_SECONDS: "2",
  };
  [a, b] = await Promise.all([startInstance(shared), startInstance(shared)]);
});

test.afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  postgres?.stop();
});

test("a short link made on instance A opens on instance B", async ({ page }) => {
  const onA = new PlaygroundPage(page);
  await onA.open(`${a.origin}/`);
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("made on A");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Create short link" }).click();
  const link = new URL(await page.getByRole("textbox", { name: "Short link" }).inputValue());
  expect(link.origin).toBe(a.origin);

  const onB = new PlaygroundPage(page);
  await onB.open(`${b.origin}${link.pathname}`);
  await page.getByRole("button", { name: "Open shared configuration" }).click();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "made on A",
  );
});

test("a request saved on instance A is listed and opened on instance B", async ({ page }) => {
  const onA = new PlaygroundPage(page);
  await onA.open(`${a.origin}/`);
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("saved on A");
  await page.keyboard.press("Control+s");
  const dialog = page.getByTestId("dialog-collections");
  await dialog.getByLabel("Request name").fill("Saved on A");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved “Saved on A”/);

  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  const onB = new PlaygroundPage(other);
  await onB.open(`${b.origin}/`);
  await other.getByRole("button", { name: "Collections" }).click();
  await other
    .getByTestId("dialog-collections")
    .getByRole("button", { name: /^Saved on A/ })
    .click();
  await expect(other.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "saved on A",
  );
  await fresh.close();
});

const API_KEY = "batch-e2e-key";
const headers = {
  "content-type": "application/json",
  "x-api-key": API_KEY,
  "anthropic-version": "2023-06-01",
  "anthropic-beta": "mcp-client-2025-11-20",
};

/** A batch request that calls one tool of a server through the emulator. */
function toolCall(customId: string, server: { name: string; url: string }, call: string) {
  return {
    custom_id: customId,
    params: {
      model: "claude-opus-4-6",
      max_tokens: 256,
      messages: [{ role: "user", content: `call ${server.name}.${call}` }],
      mcp_servers: [{ type: "url", ...server }],
      tools: [{ type: "mcp_toolset", mcp_server_name: server.name }],
    },
  };
}

async function endedOn(origin: string, id: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${origin}/api/emulator/v1/messages/batches/${id}`, { headers });
    expect(response.status).toBe(200);
    const batch = (await response.json()) as {
      processing_status: string;
      request_counts: Record<string, number>;
    };
    if (batch.processing_status === "ended") return batch;
    if (Date.now() > deadline) throw new Error(`batch ${id} did not end: ${JSON.stringify(batch)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function resultsOn(origin: string, id: string) {
  const response = await fetch(`${origin}/api/emulator/v1/messages/batches/${id}/results`, {
    headers,
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .trim()
    .split("\n")
    .map(
      (line) =>
        JSON.parse(line) as {
          custom_id: string;
          result: { type: string; message?: { content: { type: string }[] } };
        },
    );
}

test("an emulated batch made on A is listed on B and read from B, finished", async () => {
  const calendar = { name: "calendar", url: `${a.origin}/api/demo-mcp/calendar` };
  const created = await fetch(`${a.origin}/api/emulator/v1/messages/batches`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      requests: [
        toolCall("one", calendar, "list_events {}"),
        toolCall("two", calendar, 'search_events {"query": "standup"}'),
      ],
    }),
  });
  expect(created.status).toBe(200);
  const { id } = (await created.json()) as { id: string };
  const listed = (await (
    await fetch(`${b.origin}/api/emulator/v1/messages/batches`, { headers })
  ).json()) as {
    data: { id: string }[];
  };
  expect(listed.data.map((batch) => batch.id)).toContain(id);
  const batch = await endedOn(b.origin, id, 30_000);
  expect(batch.request_counts).toMatchObject({ succeeded: 2, errored: 0, processing: 0 });
  const results = await resultsOn(b.origin, id);
  expect(results.map((entry) => entry.custom_id)).toEqual(["one", "two"]);
  expect(results[0]!.result.message!.content.map((block) => block.type)).toContain(
    "mcp_tool_result",
  );
});

test("a message thread made through A is continued through B, with the SDK", async () => {
  const sdkOn = (origin: string) =>
    new Anthropic({ apiKey: "e2e-thread-key", baseURL: `${origin}/api/emulator`, maxRetries: 0 });
  const echo = {
    name: "echo",
    description: "Echoes.",
    input_schema: { type: "object" as const, properties: { message: { type: "string" } } },
  };
  const threaded = {
    model: "claude-opus-4-6",
    max_tokens: 256,
    betas: ["message-threads-2026-08-12"],
  };
  const first = await sdkOn(a.origin).beta.messages.create({
    ...threaded,
    tools: [echo],
    thread: { type: "create" },
    messages: [{ role: "user", content: 'call echo {"message": "across"}' }],
  });
  const call = first.content.find((block) => block.type === "tool_use")!;
  // B holds no memory of this conversation: only the database does.
  const second = await sdkOn(b.origin).beta.messages.create({
    ...threaded,
    thread: { type: "continue", previous_message_id: first.id },
    messages: [
      { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: "held" }] },
    ],
  });
  expect(second.content[0]).toMatchObject({ text: expect.stringContaining("**echo** returned") });
});

test("a batch whose instance is killed mid-way is finished by another instance", async () => {
  const doomed = await startInstance(shared);
  const slow = { name: "everything", url: everythingUrl };
  const long = 'trigger-long-running-operation {"duration": 3, "steps": 1}';
  const created = await fetch(`${doomed.origin}/api/emulator/v1/messages/batches`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      requests: [
        toolCall("slow-1", slow, long),
        toolCall("slow-2", slow, long),
        toolCall("slow-3", slow, long),
      ],
    }),
  });
  expect(created.status).toBe(200);
  const { id } = (await created.json()) as { id: string };
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // Still at its first request (each takes 3 s) when its instance dies.
  const before = (await (
    await fetch(`${b.origin}/api/emulator/v1/messages/batches/${id}`, { headers })
  ).json()) as { processing_status: string; request_counts: { processing: number } };
  expect(before).toMatchObject({
    processing_status: "in_progress",
    request_counts: { processing: 3 },
  });
  await doomed.kill();
  // B has been asked about batches, so it sweeps: once the dead instance's lease lapses, it takes over.
  const batch = await endedOn(b.origin, id, 60_000);
  expect(batch.request_counts).toMatchObject({ succeeded: 3, processing: 0 });
  const results = await resultsOn(b.origin, id);
  expect(results.map((entry) => [entry.custom_id, entry.result.type])).toEqual([
    ["slow-1", "succeeded"],
    ["slow-2", "succeeded"],
    ["slow-3", "succeeded"],
  ]);
});
