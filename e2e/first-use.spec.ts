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
  // …and Problems lists it, pointing at the token field.
  const failed = app.problems().and(page.locator('[data-code="discovery_failed"]'));
  await expect(failed).toContainText("Discovery of 'tasks' failed (401)");
  await expect(page.getByTestId("problem-counts")).toHaveText(/, [1-9]\d* warnings?/);
});

test("+ Demo server adds any demo server in a click; an unnamed card takes the server's own name", async ({
  page,
  baseURL,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const opener = page.getByRole("button", { name: "+ Demo server" });
  await opener.click();
  await expect(opener).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByRole("list", { name: "Demo servers" });
  await expect(menu.getByRole("button")).toHaveText([
    /^calendar/,
    /^tasks/,
    /^catalog/,
    /^notes/,
    /^bulk/,
  ]);
  await expect(menu.getByRole("button").first()).toBeFocused();
  await menu.getByRole("button", { name: /^catalog/ }).click();
  await expect(menu).toBeHidden();
  const catalog = app.server(2);
  await expect(catalog.getByLabel("Server name")).toHaveValue("catalog");
  await expect(catalog.getByLabel("Server URL")).toHaveValue(`${baseURL}/api/demo-mcp/catalog`);
  await expect(catalog.getByTestId("discovery-ok")).toContainText("500 tools");

  // Escape closes the menu without adding anything.
  await opener.click();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(page.getByTestId("server-card")).toHaveCount(3);

  // Add server, give only a URL: the card takes the server's serverInfo name once discovered.
  await page.getByRole("button", { name: "Add server" }).click();
  const added = app.server(3);
  await expect(added.getByLabel("Server name")).toHaveValue("server");
  await added.getByLabel("Server URL").fill(`${baseURL}/api/demo-mcp/calendar`);
  await expect(added.getByLabel("Server name")).toHaveValue("demo-calendar");
});
