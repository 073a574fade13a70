import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

// Request options: set in the composer, checked as the API checks them, sent, and exported.
test("request options: thinking with a budget, effort, tool_choice — checked, sent, exported", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByLabel("max_tokens", { exact: true }).fill("8192");
  await page.getByText("Request options").click();
  await page
    .getByLabel("thinking", { exact: true })
    .selectOption({ label: "enabled, with a budget" });
  await expect(page.getByLabel("thinking.budget_tokens")).toHaveValue("4096");
  await page.getByLabel("output_config.effort").selectOption("low");
  await page
    .getByLabel("tool_choice", { exact: true })
    .selectOption({ label: "any — must use a tool" });
  // Thinking and a forced tool: the API refuses it, and so does the problems list.
  const problem = app.problems("error").filter({ hasText: "tool_choice forces tool use" });
  await expect(problem).toHaveCount(1);
  await page.getByLabel("tool_choice", { exact: true }).selectOption({ label: "auto" });
  await expect(problem).toHaveCount(0);
  // A budget not below max_tokens.
  await page.getByLabel("thinking.budget_tokens").fill("8192");
  const budget = app
    .problems("error")
    .filter({ hasText: "must be greater than thinking.budget_tokens" });
  await expect(budget).toHaveCount(1);
  await page.getByLabel("thinking.budget_tokens").fill("2048");
  await expect(budget).toHaveCount(0);
  await expect(page.getByText("Request options · 3 set")).toBeVisible();

  const sent = page.waitForRequest("**/api/messages");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const body = (await sent).postDataJSON() as Record<string, unknown>;
  expect(body).toMatchObject({
    thinking: { type: "enabled", budget_tokens: 2048 },
    output_config: { effort: "low" },
    tool_choice: { type: "auto" },
  });
  const response = page.getByTestId("response");
  await expect(response.locator("[data-block-type]").first()).toHaveAttribute(
    "data-block-type",
    "thinking",
  );

  await page.getByRole("button", { name: "Get code" }).click();
  await expect(page.getByTestId("snippet")).toContainText("budget_tokens");
  await page.getByRole("button", { name: "Done" }).click();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("tab", { name: /Composer/ }).click();
  const section = page.locator("details", { hasText: "Request options" });
  await section.scrollIntoViewIfNeeded();
  expect(await section.evaluate((node) => node.scrollWidth <= node.clientWidth + 1)).toBe(true);
  expect(await seriousViolations(page, "request options, narrow and dark")).toEqual([]);
  await section.screenshot({ path: "screenshots/narrow-dark-request-options.png" });
});
