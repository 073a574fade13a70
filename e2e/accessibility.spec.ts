import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

const VIEWPORTS = {
  wide: { width: 1440, height: 900 },
  narrow: { width: 390, height: 844 },
} as const;
const DIALOGS = [
  { button: "Get code", title: "The request as code" },
  { button: "Import", title: "Import a request" },
  { button: "Share", title: "Share this configuration" },
  { button: "History", title: "Run history" },
  { button: "Collections", title: "Collections" },
] as const;
const SCHEMES = ["light", "dark"] as const;

async function openButton(page: Page, name: string) {
  // A narrow window folds the header's actions into its menu.
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true")
    await menu.click();
  await page
    .getByRole("button", { name, exact: name !== "History" })
    .first()
    .click();
}

/** One scan per theme of what is on screen now. */
async function scanBothThemes(page: Page, label: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    found.push(...(await seriousViolations(page, `${label} (${scheme})`)));
  }
  return found;
}

async function openPlayground(page: Page, viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS]) {
  await page.setViewportSize(viewport);
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByTestId("discovery-ok").first()).toBeVisible();
  return app;
}

// Each test scans one thing in both themes (at most four scans of ~1 s): a budget with headroom
// for a slow machine, not a race against the default 30 s.
test.describe("no serious accessibility violations", () => {
  test.describe.configure({ timeout: 60_000 });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`${size} window: the page`, async ({ page }) => {
      await openPlayground(page, viewport);
      expect(await scanBothThemes(page, "page")).toEqual([]);
    });

    for (const dialog of DIALOGS) {
      test(`${size} window: the ${dialog.button} dialog`, async ({ page }) => {
        await openPlayground(page, viewport);
        await openButton(page, dialog.button);
        await expect(page.getByRole("dialog", { name: dialog.title })).toBeVisible();
        const found = await scanBothThemes(page, `${dialog.button} dialog`);
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog")).toBeHidden();
        expect(found).toEqual([]);
      });
    }

    test(`${size} window: Share with a short link made, and Collections with its save form`, async ({
      page,
    }) => {
      await openPlayground(page, viewport);
      await openButton(page, "Share");
      await page.getByRole("button", { name: "Create short link" }).click();
      await expect(page.getByRole("textbox", { name: "Short link" })).toBeVisible();
      const found = await scanBothThemes(page, "Share dialog with a short link");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+s");
      await expect(page.getByRole("textbox", { name: "Request name" })).toBeVisible();
      found.push(...(await scanBothThemes(page, "Collections save form")));
      expect(found).toEqual([]);
    });

    test(`${size} window: Get code's forms with their own controls and notes`, async ({ page }) => {
      await openPlayground(page, viewport);
      await openButton(page, "Get code");
      const found: string[] = [];
      for (const form of ["client-side", "openai"]) {
        await page.getByTestId("export-form").selectOption(form);
        await expect(page.getByTestId("export-notes")).toBeVisible();
        found.push(...(await scanBothThemes(page, `Get code dialog, ${form}`)));
      }
      expect(found).toEqual([]);
    });

    test(`${size} window: a response with a failing tool`, async ({ page }) => {
      await openPlayground(page, viewport);
      await page.getByRole("textbox", { name: "Message", exact: true }).fill("Use sync_tasks");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await expect(page.getByTestId("response-meta")).toBeVisible();
      await page.getByText("Raw JSON").first().click();
      expect(await scanBothThemes(page, "response")).toEqual([]);
    });

    test(`${size} window: after a Send, every dialog open over the response`, async ({ page }) => {
      // Each dialog in both themes (about twenty scans): a longer budget than one scan's test.
      test.setTimeout(180_000);
      const app = await openPlayground(page, viewport);
      await page.getByRole("textbox", { name: "Message", exact: true }).fill("Use sync_tasks");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await expect(page.getByTestId("response-meta")).toBeVisible();
      const found: string[] = [];
      // The header's dialogs, each now showing what the run left (History has the run).
      for (const dialog of DIALOGS) {
        await openButton(page, dialog.button);
        await expect(page.getByRole("dialog", { name: dialog.title })).toBeVisible();
        found.push(...(await scanBothThemes(page, `after a Send: ${dialog.button} dialog`)));
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog")).toBeHidden();
      }
      // The shortcut list ("?", outside a text field).
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      found.push(...(await scanBothThemes(page, "after a Send: shortcut list")));
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
      // Try, after a call, with its result shown as the response shows one.
      if (size === "narrow") await page.getByRole("tab", { name: "Preview" }).click();
      await app.mergedRow("calendar", "list_events").getByRole("button", { name: "Try" }).click();
      const tried = page.getByRole("dialog", { name: "Try calendar.list_events" });
      await tried.getByRole("button", { name: "Call", exact: true }).click();
      await expect(tried.locator('[data-block-type="mcp_tool_result"]')).toBeVisible();
      found.push(...(await scanBothThemes(page, "after a Send: Try dialog with a result")));
      await tried.getByRole("button", { name: "Done" }).click();
      expect(found).toEqual([]);
    });

    test(`${size} window: discovery errors shown`, async ({ page, baseURL }) => {
      const app = await openPlayground(page, viewport);
      if (size === "narrow") await page.getByRole("tab", { name: "Composer" }).click();
      // An unreachable server and one that is not MCP.
      await app.addServer({ name: "gone", url: "http://127.0.0.1:9/mcp" });
      await app.addServer({ name: "page", url: `${baseURL}/access` });
      await expect(page.getByTestId("discovery-error")).toHaveCount(2, { timeout: 15_000 });
      expect(await scanBothThemes(page, "discovery errors")).toEqual([]);
    });
  }
});

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
