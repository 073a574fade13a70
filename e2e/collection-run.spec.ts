import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

const message = (page: Page) => page.getByRole("textbox", { name: "Message", exact: true });

test("Run collection: progress, a results table whose rows open their response, stored runs compared", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await app.addCheck(/^No tool errors/);

  // A collection of this test's own with two saved requests, each with its checks.
  await page.getByRole("button", { name: "Collections" }).click();
  const dialog = page.getByTestId("dialog-collections");
  const name = `Run ${test.info().testId}`;
  await dialog.getByRole("button", { name: "New collection" }).click();
  await dialog.getByLabel("New collection's name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(
    dialog.getByLabel("Collection", { exact: true }).locator("option:checked"),
  ).toHaveText(`${name} (0)`);
  await expect(dialog.getByRole("button", { name: "Run collection" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Save request" }).click();
  await dialog.getByLabel("Request name").fill("Events");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved “Events”/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await message(page).fill("sync_tasks now");
  await page.keyboard.press("Control+s");
  await dialog.getByLabel("Request name").fill("Sync");
  await dialog.getByRole("button", { name: "Save as new" }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved “Sync”/);

  await dialog.getByRole("button", { name: "Run collection" }).click();
  const panel = dialog.getByTestId("collection-run");
  await panel.getByLabel("Repeat").fill("2");
  await panel.getByRole("button", { name: "Run collection" }).click();
  const rows = panel.getByTestId("run-case");
  await expect(rows).toHaveCount(4);
  await expect(panel.getByTestId("run-summary")).toContainText("2 of 4 passed");
  await expect(panel.getByTestId("run-summary")).toContainText("2 failed checks · 2 tool errors");
  await expect(rows.and(page.locator('[data-status="passed"]'))).toHaveCount(2);
  await expect(rows.and(page.locator('[data-status="failed"]'))).toHaveCount(2);
  await expect(rows.first()).toContainText("claude-opus-4-6");
  await expect(rows.first()).toContainText(/\d+ ms/);
  await expect(rows.first()).toContainText(/\$0\.\d{4}/);

  // A row opens its run: the checks with their evidence and the response's blocks.
  await rows.filter({ hasText: "Sync" }).first().getByRole("button", { name: /Sync/ }).click();
  const opened = panel.getByTestId("run-case-detail");
  await expect(opened).toContainText("no_tool_errors");
  await expect(opened.locator('[data-is-error="true"]')).toBeVisible();
  await expect(opened.locator("[data-block-type]")).toHaveCount(4);
  await page.screenshot({ path: "screenshots/collection-run.png", fullPage: true });
  expect(await seriousViolations(page, "a collection run")).toEqual([]);

  // Run again: nothing changed, and the earlier run is there to compare with.
  await panel.getByLabel("Repeat").fill("1");
  await panel.getByRole("button", { name: "Run collection" }).click();
  await expect(panel.getByTestId("run-summary")).toContainText("1 of 2 passed");
  await expect(panel.getByTestId("run-comparison")).toContainText("nothing started failing");
  await expect(panel.getByLabel("Earlier runs").locator("option")).toHaveCount(3);

  // In the dark on a phone, the panel fits and the table scrolls inside itself.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  expect(
    await panel.evaluate((node) => node.scrollWidth <= node.clientWidth + 1),
    "the run panel fits a 390 px window",
  ).toBe(true);
  await panel.screenshot({ path: "screenshots/narrow-dark-collection-run.png" });
  expect(await seriousViolations(page, "a collection run, narrow and dark")).toEqual([]);
});
