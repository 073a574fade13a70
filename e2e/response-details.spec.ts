import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("a call without arguments reads name(); the request id copies; Raw JSON opens into view", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const app = new PlaygroundPage(page);
  await app.open();
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("sync_tasks now");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const response = page.getByTestId("response");
  const call = response.locator('[data-block-type="mcp_tool_use"]');
  await expect(call).toContainText("tasks.sync_tasks()");
  await expect(call).not.toContainText("(…)");

  const meta = page.getByTestId("response-meta");
  const requestId = (await meta.getByText(/^req_/).textContent()) ?? "";
  expect(requestId).toMatch(/^req_/);
  await meta.getByRole("button", { name: `Copy request id ${requestId}` }).click();
  await expect(page.getByTestId("copy-request-id")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);

  await response.getByText("Raw JSON").click();
  await expect(page.getByTestId("raw-response")).toBeInViewport();
});
