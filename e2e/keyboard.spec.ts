import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("a removal or a reset offers Undo; Ctrl+Z and Shift+Ctrl+Z walk the composer's edits", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const cards = page.getByTestId("server-card");
  await expect(cards).toHaveCount(2);
  // The keyboard's module (with the undo history) loads right after the page, skip link first.
  await expect(page.getByRole("link", { name: "Skip to response" })).toBeAttached();

  // Remove a server: the toast says what went, and Undo brings it back with its token.
  await page.getByRole("button", { name: "Remove tasks" }).click();
  await expect(cards).toHaveCount(1);
  const toast = page.getByTestId("undo-toast");
  await expect(toast).toContainText("Server 'tasks' removed.");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(cards).toHaveCount(2);
  await expect(toast).toBeHidden();
  await expect(app.server(1).getByLabel("Authorization token")).toHaveValue("demo-tasks-token");

  // Reset to example replaces everything: Ctrl+Z (outside a text field) takes it back.
  const maxTokens = page.getByLabel("max_tokens", { exact: true });
  await maxTokens.fill("1234");
  await page.getByRole("button", { name: "Reset to example" }).click();
  await expect(toast).toContainText("The composer was replaced.");
  await expect(maxTokens).not.toHaveValue("1234");
  await page.getByRole("heading", { name: "Effective tools" }).click();
  await page.keyboard.press("Control+z");
  await expect(maxTokens).toHaveValue("1234");
  await page.keyboard.press("Control+z");
  await expect(maxTokens).not.toHaveValue("1234");
  await page.keyboard.press("Control+Shift+z");
  await expect(maxTokens).toHaveValue("1234");

  // Inside a text field Ctrl+Z is the field's own: the app's history is left alone.
  await page.getByRole("textbox", { name: "Message", exact: true }).focus();
  await page.keyboard.press("Control+z");
  await expect(maxTokens).toHaveValue("1234");
  await expect(cards).toHaveCount(2);
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`keyboard at ${viewport.width} px: skip link, F6 and Ctrl+1–3 between panes, "?" lists the keys, a run's end focuses the response`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const app = new PlaygroundPage(page);
    await app.open();
    await expect(page.getByTestId("discovery-ok").first()).toBeVisible();

    // The first Tab stop is the skip link.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to response" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    const responseHeading = page.locator("#pane-heading-response");
    await expect(responseHeading).toBeFocused();

    // F6 goes round the panes (from the response, on to the composer); Ctrl+2 goes to the preview.
    await page.keyboard.press("F6");
    await expect(page.locator("#pane-heading-composer")).toBeFocused();
    await page.keyboard.press("Shift+F6");
    await expect(responseHeading).toBeFocused();
    await page.keyboard.press("Control+2");
    await expect(page.locator("#pane-heading-preview")).toBeFocused();
    await page.keyboard.press("Control+1");
    await expect(page.locator("#pane-heading-composer")).toBeFocused();

    // "?" opens the shortcut list.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toContainText("Skip to response");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();

    // Send with the button: when the run ends, focus is on the response.
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByTestId("response-announcer")).toContainText("Response received");
    await expect(responseHeading).toBeFocused();

    // Sent from the message box while typing: focus stays where the typing is (on a narrow
    // window Send shows the response tab, which hides the box: then the response takes focus).
    const message = page.getByRole("textbox", { name: "Message", exact: true });
    if (viewport.width < 1024) await page.getByRole("tab", { name: "Composer" }).click();
    await message.pressSequentially(" again");
    const answered = page.waitForResponse((response) => response.url().includes("/api/messages"));
    await page.keyboard.press("Control+Enter");
    await answered;
    await expect(page.getByTestId("sending")).toBeHidden();
    await expect(page.getByTestId("response-announcer")).toContainText("Response received");
    await expect(viewport.width < 1024 ? responseHeading : message).toBeFocused();
  });
}

test("a dialog closed by Escape opens again on the very next click", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const opener = page.getByRole("button", { name: "Get code", exact: true });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: /code/i });
  await expect(dialog).toBeVisible();
  // Escape's close request (cancel now, close a task later), then the opener clicked before that
  // later close event: the click must open the dialog, and the late close must not shut it.
  await page.evaluate(async () => {
    const open = document.querySelector<HTMLDialogElement>("dialog[open]")!;
    open.requestClose();
    await Promise.resolve();
    await Promise.resolve();
    [...document.querySelectorAll<HTMLButtonElement>("header button")]
      .find((button) => button.textContent?.trim() === "Get code")!
      .click();
  });
  await page.waitForTimeout(300);
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await opener.click();
  await expect(dialog).toBeVisible();
});
