import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("the Request JSON is edited by hand: a valid edit updates the composer, a broken one is kept and marked", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByTestId("discovery-ok").first()).toBeVisible();
  await page.getByRole("button", { name: "Edit JSON" }).click();
  const editor = page.getByRole("textbox", { name: "Request JSON (editable)" });
  await expect(editor).toBeFocused();
  const shown = await editor.inputValue();
  expect(shown).toContain("hidden; set in the composer");

  // A valid edit: the composer follows, and the Problems list checks the new value.
  await editor.fill(shown.replace(/"max_tokens": \d+/, '"max_tokens": 0'));
  const status = page.getByTestId("request-json-edit-status");
  await expect(status).toHaveAttribute("data-status", "applied");
  await expect(page.getByLabel("max_tokens", { exact: true })).toHaveValue("0");
  await expect(
    app.problems("error").filter({ hasText: "max_tokens: Input should be" }),
  ).toBeVisible();
  const edited = shown.replace(/"max_tokens": \d+/, '"max_tokens": 777');
  await editor.fill(edited);
  await expect(page.getByLabel("max_tokens", { exact: true })).toHaveValue("777");
  await expect(app.problems("error")).toHaveCount(0);

  // A broken edit: marked, kept as typed, the composer untouched, and Done does not close it.
  const broken = edited.replace('"max_tokens": 777', '"max_tokens": 888,,');
  await editor.fill(broken);
  await expect(status).toHaveAttribute("data-status", "invalid");
  await expect(status).toContainText("Not applied: The request body is not valid JSON");
  await expect(editor).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Done", exact: true }).click();
  await expect(editor).toHaveValue(broken);
  await expect(page.getByLabel("max_tokens", { exact: true })).toHaveValue("777");

  // Fixed and done: the view is back, the hidden token stayed the composer's.
  await editor.fill(edited.replace('"max_tokens": 777', '"max_tokens": 900'));
  await page.getByRole("button", { name: "Done", exact: true }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByLabel("max_tokens", { exact: true })).toHaveValue("900");
  await expect(app.server(1).getByLabel("Authorization token")).toHaveValue("demo-tasks-token");
  await expect(page.getByTestId("request-json")).toContainText('"max_tokens": 900');
});
