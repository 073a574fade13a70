import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("the demo survives a reload; loopback http:// with the emulator is a note; an empty token says so and offers no sign-in", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  // Two demo servers on http://localhost with the emulator: notes, not warnings.
  await expect(page.getByTestId("problem-counts")).toHaveText(/^0 errors, 0 warnings/);
  await expect(app.problems().and(page.locator('[data-severity="info"]'))).toHaveCount(2);
  await expect(app.problems().first()).toContainText("Note");

  // A reload keeps the tasks demo's documented token: discovery and Send still work.
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  const tasks = app.server(1);
  await expect(tasks.getByLabel("Authorization token")).toHaveValue("demo-tasks-token");
  await expect(tasks).toContainText("The demo's published token (not a secret)");
  await expect(tasks.getByTestId("discovery-ok")).toBeVisible();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("sync_tasks now");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("response").locator('[data-is-error="true"]')).toBeVisible();

  // No token: the card says none was given (not "refused"), and a server without OAuth
  // metadata is not offered a sign-in that cannot work; the merged table says discovery failed.
  await tasks.getByLabel("Authorization token").fill("");
  await expect(tasks.getByTestId("discovery-error")).toContainText("no token was given");
  await expect(tasks.getByTestId("discovery-error")).not.toContainText(/refused|revoked/);
  await expect(tasks.getByRole("button", { name: /^Sign in/ })).toHaveCount(0);
  await expect(page.getByTestId("server-discovery-failed")).toContainText("Discovery failed (401)");
});
