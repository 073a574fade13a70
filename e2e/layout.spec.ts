import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

const VIEWPORTS = {
  wide: { width: 1440, height: 900 },
  narrow: { width: 390, height: 844 },
} as const;

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const scheme of ["light", "dark"] as const) {
    test(`${size} window, ${scheme} theme: fits the width and follows the system theme`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      const app = new PlaygroundPage(page);
      await app.open();
      await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /dark/ : /^(?!.*dark)/);
      // Nothing may force a sideways scroll of the page.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // Nor may anything stick out of its pane sideways.
      const paneOverflow = await page.evaluate(() =>
        Array.from(document.querySelectorAll("main > section"))
          .filter((pane) => pane.clientWidth > 0)
          .map((pane) => pane.scrollWidth - pane.clientWidth),
      );
      for (const excess of paneOverflow) expect(excess).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/${size}-${scheme}.png` });
    });
  }
}

test("narrow windows show the panes as tabs", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.narrow);
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toBeVisible();
  await expect(page.getByTestId("merged-row").first()).toBeHidden();
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("merged-row").first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toBeHidden();
  await page.screenshot({ path: "screenshots/narrow-preview-tab.png" });
  await page.getByRole("tab", { name: "Response" }).click();
  await expect(page.getByTestId("response")).toBeVisible();

  // A problem clicked in the preview tab brings back the composer with the field focused.
  await page.getByRole("tab", { name: "Composer" }).click();
  await app.server(0).getByLabel("Server URL").fill("ftp://calendar.example.com");
  await page.getByRole("tab", { name: /Preview/ }).click();
  await app.problems("error").first().getByRole("button").click();
  await expect(app.server(0).getByLabel("Server URL")).toBeFocused();
});

test("the theme switch overrides the system theme and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("every control is reachable by keyboard with a visible focus ring", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByLabel("Model").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("max_tokens")).toBeFocused();
  const outline = await page
    .getByLabel("max_tokens")
    .evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe("none");
});

test("a 390 px window: a two-row header with a menu that does not move after a run, sources that do not overlap, Get code's buttons in view", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS.narrow);
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByTestId("discovery-ok").first()).toBeVisible();
  const header = page.getByRole("banner");
  const height = async () => (await header.boundingBox())!.height;
  const before = await height();
  expect(before, "the header takes at most an eighth of the window").toBeLessThanOrEqual(844 / 8);

  // The folded actions: Menu opens them, Escape folds them again.
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "Import", exact: true }).focus();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeHidden();

  // A run does not re-flow the header.
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("response-announcer")).toContainText("Response received");
  expect(await height()).toBe(before);

  // The merged table's source labels stay apart, and names wrap between words.
  await page.getByRole("tab", { name: "Preview" }).click();
  const row = app.mergedRow("calendar", "create_event");
  const sources = row.locator('[title="Where this value came from"]');
  const [enabled, defer] = [await sources.nth(0).boundingBox(), await sources.nth(1).boundingBox()];
  expect(
    enabled!.x + enabled!.width,
    "← default_config ends before ← default starts",
  ).toBeLessThanOrEqual(defer!.x);

  // Get code: Copy and Done are in view without scrolling the dialog.
  await menu.click();
  await page.getByRole("button", { name: "Get code", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "The request as code" });
  await expect(dialog.getByRole("button", { name: "Done" })).toBeInViewport();
  await expect(dialog.getByRole("button", { name: "Copy", exact: true })).toBeInViewport();
  await page.screenshot({ path: "screenshots/narrow-get-code.png" });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  // Focus goes back to the button that opened it, in the menu still open under the dialog.
  await expect(page.getByRole("button", { name: "Get code", exact: true })).toBeFocused();
});
