import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

// Test-only headers the e2e server honours (PLAYGROUND_TEST_HOOKS=1): a pause before each block,
// and a break after some blocks. Set on /api/messages only, so discovery stays fast.
async function slowEmulator(page: Page, headers: Record<string, string>) {
  await page.route("**/api/messages", async (route) => {
    await route.continue({ headers: { ...route.request().headers(), ...headers } });
  });
}

interface Activity {
  requestId: string;
  status: string;
}

interface FirstBlockMoment {
  sending: string;
  blocks: string[];
}

/**
 * Notes, inside the page, what the response pane held at the moment its first block appeared.
 * Read in the page itself, not by later assertions, so a slow machine cannot blur the moment.
 */
async function watchFirstBlock(page: Page, { thenCancel = false } = {}) {
  await page.evaluate((cancel) => {
    const pane = document.querySelector('[data-testid="response"]');
    if (!pane) throw new Error("no response pane");
    const observer = new MutationObserver(() => {
      const blocks = [...pane.querySelectorAll("[data-block-type]")];
      if (blocks.length === 0) return;
      observer.disconnect();
      (window as unknown as { firstBlockMoment: FirstBlockMoment }).firstBlockMoment = {
        sending: pane.querySelector('[data-testid="sending"]')?.textContent ?? "",
        blocks: blocks.map((block) => block.getAttribute("data-block-type") ?? ""),
      };
      // Press Cancel at that very moment, however slowly the test itself is running.
      if (cancel) pane.querySelector<HTMLButtonElement>('[data-testid="sending"] button')?.click();
    });
    observer.observe(pane, { childList: true, subtree: true });
  }, thenCancel);
}

test("streaming shows the first block while the answer is still coming", async ({ page }) => {
  // Four blocks, 1.5 s before each: a wide margin between the first block and the end.
  await slowEmulator(page, { "x-playground-test-block-delay-ms": "1500" });
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByRole("switch", { name: "Stream" })).toBeChecked();
  await watchFirstBlock(page);
  const sent = page.waitForRequest("**/api/messages");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  expect((await sent).postDataJSON()).toMatchObject({ stream: true });

  const response = page.getByTestId("response");
  // The first text block was on screen while the pane still said it was streaming, and before
  // any tool result had come.
  await expect(response.locator('[data-block-type="text"]').first()).toBeVisible();
  await page.screenshot({ path: "screenshots/streaming.png" });
  const moment = (await page.evaluate(
    () => (window as unknown as { firstBlockMoment?: FirstBlockMoment }).firstBlockMoment,
  ))!;
  expect(moment.sending).toContain("Streaming…");
  expect(moment.blocks).toEqual(["text"]);
  expect(moment.blocks).not.toContain("mcp_tool_result");

  // Then it completes, in order, with the meta of a streamed answer: three more blocks at 1.5 s
  // each, so more than the default 5 s wait.
  await expect(page.getByTestId("response-meta")).toContainText("first event", {
    timeout: 15_000,
  });
  await expect(response.locator("[data-block-type]")).toHaveCount(4);
  await expect(page.getByTestId("sending")).toHaveCount(0);
});

test("Cancel aborts the stream upstream: the emulator sees the disconnect", async ({
  page,
  request,
}) => {
  await slowEmulator(page, { "x-playground-test-block-delay-ms": "2000" });
  const app = new PlaygroundPage(page);
  await app.open();
  await watchFirstBlock(page, { thenCancel: true });
  const answered = page.waitForResponse("**/api/messages");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const requestId = (await answered).headers()["request-id"];
  expect(requestId).toMatch(/^req_/);
  await expect(page.getByTestId("response").locator('[data-block-type="text"]')).toBeVisible();

  await expect(page.getByTestId("request-error")).toContainText("You cancelled the stream");
  // Cancelled midway: what arrived is kept, and the answer never completed.
  const kept = page.getByTestId("partial-response").locator("[data-block-type]");
  await expect(kept.first()).toBeVisible();
  expect(await kept.count()).toBeLessThan(4);
  await expect
    .poll(async () => {
      const activity = (await (
        await request.get("/api/test-hooks/emulator-activity")
      ).json()) as Activity[];
      return activity.find((entry) => entry.requestId === requestId)?.status;
    })
    .toBe("cancelled");
});

test("a stream that breaks midway keeps what arrived and says it broke", async ({ page }) => {
  await slowEmulator(page, { "x-playground-test-fail-after-blocks": "2" });
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const error = page.getByTestId("request-error");
  await expect(error).toContainText("overloaded_error");
  await expect(error).toContainText("The stream broke midway");
  const partial = page.getByTestId("partial-response").locator("[data-block-type]");
  await expect(partial).toHaveCount(2);
  await expect(partial.nth(1)).toHaveAttribute("data-block-type", "mcp_tool_use");
  await page.screenshot({ path: "screenshots/stream-broke.png" });
});

test("with Stream off the request asks for one JSON answer, rendered the same", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("switch", { name: "Stream" }).uncheck();
  const sent = page.waitForRequest("**/api/messages");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  expect((await sent).postDataJSON()).not.toHaveProperty("stream");
  await expect(page.getByTestId("response").locator("[data-block-type]")).toHaveCount(4);
  await expect(page.getByTestId("response-meta")).not.toContainText("first event");
});
