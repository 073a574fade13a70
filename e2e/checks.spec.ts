import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

test("checks: added from the menu, edited, judged after Send with evidence and a jump to the block; kept on reload; History counts them", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const checks = page.getByTestId("check");
  const section = page.getByRole("region", { name: /^Checks/ });
  await expect(section).toContainText("No checks yet");

  await app.addCheck(/^Tool called/);
  await expect(page.getByLabel("Check 1 tool", { exact: true })).toBeFocused();
  await page.getByLabel("Check 1 tool", { exact: true }).fill("list_events");
  await page.getByLabel("Check 1 server", { exact: true }).fill("calendar");
  await app.addCheck(/^No tool errors/);
  await app.addCheck(/^Tool not called/);
  await page.getByLabel("Check 3 tool", { exact: true }).fill("delete_all_events");
  await app.addCheck(/^Max cost/);
  await app.addCheck(/^Text contains/);
  await page.getByLabel("Check 5 text", { exact: true }).fill("no such words anywhere");
  // A value that does not read yet is kept and marked, not lost.
  const input = page.getByLabel("Check 1 input", { exact: true });
  await input.fill('{"limit": ');
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(section).toContainText("input is not JSON yet");
  await input.fill("");
  await expect(input).not.toHaveAttribute("aria-invalid");
  await expect(checks).toHaveCount(5);
  await expect(checks.nth(0)).toHaveAttribute("data-check", "tool_called");
  await expect(checks.nth(0)).not.toHaveAttribute("data-passed");

  await page.getByRole("button", { name: "Send", exact: true }).click();
  const response = page.getByTestId("response");
  await expect(response.locator("[data-block-type]")).toHaveCount(4);
  const passed = await Promise.all(
    [0, 1, 2, 3, 4].map(async (index) => {
      await expect(checks.nth(index)).toHaveAttribute("data-passed", /true|false/);
      return checks.nth(index).getAttribute("data-passed");
    }),
  );
  expect(passed).toEqual(["true", "true", "true", "true", "false"]);
  await expect(page.getByTestId("checks-summary")).toHaveText("1 of 5 failed on the last run");
  await expect(checks.nth(0).getByTestId("check-evidence")).toContainText(
    "calendar.list_events was called 1 time",
  );
  await expect(checks.nth(4).getByTestId("check-evidence")).toContainText("no such words anywhere");
  await expect(checks.nth(3).getByTestId("check-evidence")).toContainText("$");
  await section.screenshot({ path: "screenshots/checks.png" });
  expect(await seriousViolations(page, "checks judged")).toEqual([]);

  // The evidence's block, one click away.
  await checks
    .nth(0)
    .getByRole("button", { name: /Show block/ })
    .click();
  await expect(page.locator("#response-block-1")).toBeFocused();
  await expect(page.locator("#response-block-1")).toHaveAttribute(
    "data-block-type",
    "mcp_tool_use",
  );

  // Editing a check judges it again over the same response.
  await page.getByLabel("Check 5 text", { exact: true }).fill("Team stand-up");
  await expect(checks.nth(4)).toHaveAttribute("data-passed", "true");

  // On a phone, in the dark.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("tab", { name: /Composer/ }).click();
  await section.scrollIntoViewIfNeeded();
  expect(
    await section.evaluate((node) => node.scrollWidth <= node.clientWidth + 1),
    "the Checks section fits a 390 px window",
  ).toBe(true);
  await section.screenshot({ path: "screenshots/narrow-dark-checks.png" });
  expect(await seriousViolations(page, "checks judged, narrow and dark")).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });

  // A run whose tool failed does not read "OK" in History.
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("sync_tasks now");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(response.locator('[data-is-error="true"]')).toBeVisible();
  await expect(checks.nth(1)).toHaveAttribute("data-passed", "false");
  await page.getByRole("button", { name: /History/ }).click();
  const runs = page.getByTestId("history-run");
  await expect(runs.nth(0)).toHaveAttribute("data-tool-errors", "1");
  await expect(runs.nth(0)).toContainText("CHECKS FAILED");
  await expect(runs.nth(0).getByTestId("history-verdict")).toContainText(
    /of 5 checks failed · 1 tool error/,
  );
  // The earlier run is judged by its checks as they were sent (the text check failed then).
  await expect(runs.nth(1)).toHaveAttribute("data-tool-errors", "0");
  await expect(runs.nth(1).getByTestId("history-verdict")).toHaveText("1 of 5 checks failed");

  await page.keyboard.press("Escape");
  // The checks are part of the composer: a reload keeps them.
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(checks).toHaveCount(5);
  await expect(page.getByLabel("Check 3 tool", { exact: true })).toHaveValue("delete_all_events");
});
