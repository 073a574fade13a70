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
