import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("an empty denylist stays chosen and says what to do; tool names are suggested and checked once the field is left", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = app.server(0);
  await expect(card.getByTestId("discovery-ok")).toBeVisible();
  const patterns = card.getByRole("group", { name: /^Pattern for/ });
  await patterns.getByRole("button", { name: "All tools" }).click();
  await patterns.getByRole("button", { name: "Denylist" }).click();
  // As sent it is "all tools"; the chosen pattern stays pressed, with the next step.
  await expect(patterns.getByRole("button", { name: "Denylist" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(card.getByTestId("pattern-hint")).toContainText(
    "Nothing listed yet: click a tool's enabled value in the preview, or Add tool setting, to deny it.",
  );
  // Denying from the table makes it a denylist proper.
  await app
    .mergedRow("calendar", "delete_all_events")
    .getByRole("button", { name: /^enabled of delete_all_events/ })
    .click();
  await expect(patterns.getByRole("button", { name: "Denylist" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(card.getByTestId("pattern-hint")).not.toContainText("Nothing listed yet");

  // Add tool setting: the discovered names are offered as you type.
  await card.getByRole("button", { name: "Add tool setting" }).click();
  const name = card.getByLabel("Tool name").last();
  await expect(name).toBeFocused();
  await name.pressSequentially("share");
  const listId = await name.getAttribute("list");
  expect(listId).toBeTruthy();
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveCount(1);
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveAttribute(
    "value",
    "share_calendar_publicly",
  );

  // A name the server does not list is not flagged while typed, only once the field is left.
  await name.fill("share_calendar_publicy");
  await expect(page.getByTestId("problems-held")).toBeVisible();
  const unknown = page.locator('[data-testid="problem"][data-code="unknown_tool"]');
  await expect(unknown).toHaveCount(0);
  await page.keyboard.press("Tab");
  await expect(unknown).toContainText("does not list a tool named 'share_calendar_publicy'");
  await expect(page.getByTestId("problems-held")).toBeHidden();
});
