import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("history keeps each run newest first, survives a reload, compares two and deletes all", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  const response = page.getByTestId("response");

  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(response.locator("[data-block-type]")).toHaveCount(4);
  await message.fill("sync_tasks now");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(response.locator('[data-is-error="true"]')).toBeVisible();

  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await page.getByRole("button", { name: /History/ }).click();
  const runs = page.getByTestId("history-run");
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toContainText("sync_tasks now");
  await expect(runs.nth(1)).toContainText("Use list_events");
  await expect(runs.nth(0)).toContainText("claude-opus-4-6");
  await expect(runs.nth(0)).toHaveAttribute("data-outcome", "ok");

  // Compare: the request diff names the message change; both responses side by side.
  await page.getByRole("checkbox", { name: "Select run 1 for comparison" }).check();
  await page.getByRole("checkbox", { name: "Select run 2 for comparison" }).check();
  await page.getByRole("button", { name: "Compare selected (2/2)" }).click();
  const diff = page.getByTestId("request-diff");
  await expect(diff.locator('[data-diff="removed"]')).toContainText("Use list_events");
  await expect(diff.locator('[data-diff="added"]')).toContainText("sync_tasks now");
  const compared = page.getByTestId("compared-run");
  await expect(compared).toHaveCount(2);
  await expect(compared.nth(1).locator('[data-is-error="true"]')).toBeVisible();
  await page.screenshot({ path: "screenshots/history-compare.png" });
  // On a phone, in the dark: the two runs stack and nothing spills sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  const dialog = page.getByRole("dialog", { name: "Compare two runs" });
  expect(
    await dialog.evaluate((node) => node.scrollWidth <= node.clientWidth + 1),
    "the comparison fits a 390 px window",
  ).toBe(true);
  await page.screenshot({ path: "screenshots/narrow-dark-history-compare.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("button", { name: "← Back to the list" }).click();

  // Reopen the older run: its message returns to the composer and its response to the pane.
  await page.getByRole("button", { name: "Open run 2" }).click();
  await expect(message).toHaveValue(/Use list_events/);
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toContainText(
    "Team stand-up",
  );

  await page.getByRole("button", { name: /History/ }).click();
  // The reopened run is marked as the one the response pane shows.
  await expect(runs.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(runs.nth(0)).not.toHaveAttribute("aria-current");
  await page.screenshot({ path: "screenshots/history.png" });
  await page.getByRole("button", { name: "Delete all", exact: true }).click();
  await page.getByRole("button", { name: "Yes, delete all" }).click();
  await expect(page.getByTestId("history-empty")).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await page.getByRole("button", { name: /History/ }).click();
  await expect(page.getByTestId("history-empty")).toBeVisible();
});
