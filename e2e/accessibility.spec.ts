import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

const VIEWPORTS = {
  wide: { width: 1440, height: 900 },
  narrow: { width: 390, height: 844 },
} as const;
const DIALOGS = [
  { button: "Get code", title: "The request as code" },
  { button: "Import", title: "Import a request" },
  { button: "Share", title: "Share this configuration" },
  { button: "History", title: "Run history" },
] as const;

/** axe-core's WCAG 2.x A and AA rules; a violation of impact serious or critical fails. */
async function seriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  // In words, so a failure says what and where.
  return serious.map(
    (violation) =>
      `${label}: ${violation.id} (${violation.impact}) — ${violation.help}: ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(" | ")}`,
  );
}

async function openButton(page: Page, name: string) {
  await page
    .getByRole("button", { name, exact: name !== "History" })
    .first()
    .click();
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const scheme of ["light", "dark"] as const) {
    test(`no serious accessibility violations: ${size} window, ${scheme} theme, page and each dialog`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      const app = new PlaygroundPage(page);
      await app.open();
      await expect(page.getByTestId("discovery-ok").first()).toBeVisible();
      const found = await seriousViolations(page, "page");
      for (const dialog of DIALOGS) {
        await openButton(page, dialog.button);
        await expect(page.getByRole("dialog", { name: dialog.title })).toBeVisible();
        found.push(...(await seriousViolations(page, `${dialog.button} dialog`)));
        if (dialog.button === "Get code") {
          // The forms with their own controls and notes: the client-side extras, the OpenAI notes.
          for (const form of ["client-side", "openai"]) {
            await page.getByTestId("export-form").selectOption(form);
            await expect(page.getByTestId("export-notes")).toBeVisible();
            found.push(...(await seriousViolations(page, `Get code dialog, ${form}`)));
          }
        }
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog")).toBeHidden();
      }
      expect(found).toEqual([]);
    });
  }

  test(`no serious accessibility violations: ${size} window, a response and discovery errors shown, light and dark`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize(viewport);
    const app = new PlaygroundPage(page);
    await app.open();
    // A response with a failing tool (is_error) among its blocks.
    await page.getByRole("textbox", { name: "Message", exact: true }).fill("Use sync_tasks");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByTestId("response-meta")).toBeVisible();
    await page.getByText("Raw JSON").first().click();
    // Discovery errors: an unreachable server and one that is not MCP.
    if (size === "narrow") await page.getByRole("tab", { name: "Composer" }).click();
    await app.addServer({ name: "gone", url: "http://127.0.0.1:9/mcp" });
    await app.addServer({ name: "page", url: `${baseURL}/access` });
    await expect(page.getByTestId("discovery-error")).toHaveCount(2, { timeout: 15_000 });
    if (size === "narrow") await page.getByRole("tab", { name: "Response" }).click();
    const found: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      found.push(...(await seriousViolations(page, `response (${scheme})`)));
      if (size === "narrow") {
        await page.getByRole("tab", { name: "Composer" }).click();
        found.push(...(await seriousViolations(page, `discovery errors (${scheme})`)));
        await page.getByRole("tab", { name: "Response" }).click();
      }
    }
    expect(found).toEqual([]);
  });
}

test("keyboard only: a dialog opens from its button, keeps focus inside, and gives it back on close", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const opener = page.getByRole("button", { name: "Get code", exact: true });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "The request as code" });
  await expect(dialog).toBeVisible();
  // Tab around more times than the dialog has controls: focus never leaves it.
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  // The focused control shows a ring.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // The same through the dialog's own button.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(opener).toBeFocused();
});

test("keyboard only: Send by shortcut, and the response is announced when it lands", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const announcer = page.getByTestId("response-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toHaveText("");
  await page.getByRole("textbox", { name: "Message", exact: true }).focus();
  await page.keyboard.press("Control+Enter");
  await expect(announcer).toHaveText(/^Response received: \d+ blocks?, stop reason end_turn\.$/);
  // A failed request is announced too, in words.
  await page.getByLabel("max_tokens").fill("0");
  await page.keyboard.press("Control+Enter");
  await expect(announcer).toHaveText(/^The request failed: .+/);
});
