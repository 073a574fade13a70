import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

const message = (page: Page) => page.getByRole("textbox", { name: "Message", exact: true });

/** A collection of this test's own (tests run in parallel on one workspace). */
async function openFreshCollection(page: Page, name: string) {
  await page.getByRole("button", { name: "Collections" }).click();
  const dialog = page.getByTestId("dialog-collections");
  await dialog.getByRole("button", { name: "New collection" }).click();
  await dialog.getByLabel("New collection's name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByLabel("Collection", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(
    dialog.getByLabel("Collection", { exact: true }).locator("option:checked"),
  ).toHaveText(`${name} (0)`);
  return dialog;
}

test("Save request (Ctrl+S) → change → unsaved marked → load it back; delete and undo", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const dialog = await openFreshCollection(page, `Saved ${test.info().testId}`);
  await dialog.getByRole("button", { name: "Done" }).click();

  await message(page).fill("what is on my calendar today?");
  await page.keyboard.press("Control+s");
  await expect(dialog.getByLabel("Request name")).toBeFocused();
  await dialog.getByLabel("Request name").fill("Morning check");
  await dialog.getByLabel(/^Folder/).fill("daily");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved “Morning check”/);
  await expect(dialog.getByTestId("open-request")).toContainText("“Morning check” · saved");
  const row = dialog.getByRole("button", { name: /^Morning check/ });
  await expect(row).toContainText("calendar, tasks");
  await dialog.getByRole("button", { name: "Done" }).click();

  await message(page).fill("something else");
  await expect(page.getByRole("button", { name: "Collections" })).toHaveAccessibleDescription(
    "The composer has unsaved changes to “Morning check”.",
  );
  await page.getByRole("button", { name: "Collections" }).click();
  await expect(dialog.getByTestId("open-request")).toContainText("unsaved changes");
  await row.click();
  await expect(dialog).toBeHidden();
  await expect(message(page)).toHaveValue("what is on my calendar today?");
  // The tasks server's token was typed already: it is kept, not asked for again.
  await expect(page.getByTestId("share-tokens")).toHaveCount(0);
  await expect(app.server(1).getByTestId("discovery-ok")).toBeVisible();

  // Saving again updates the same request.
  await message(page).fill("updated text");
  await page.keyboard.press("Control+s");
  await expect(dialog.getByLabel("Request name")).toHaveValue("Morning check");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved “Morning check”/);
  await expect(dialog.getByRole("button", { name: /^Morning check/ })).toHaveCount(1);

  await dialog.getByRole("button", { name: "Duplicate Morning check" }).click();
  await expect(dialog.getByRole("button", { name: /^Morning check \(copy\)/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Delete Morning check (copy)" }).click();
  await expect(dialog.getByTestId("collections-toast")).toContainText("Deleted");
  await expect(dialog.getByRole("button", { name: /^Morning check \(copy\)/ })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Undo" }).click();
  await expect(dialog.getByRole("button", { name: /^Morning check \(copy\)/ })).toBeVisible();

  // Rename through Edit.
  await dialog.getByRole("button", { name: "Edit Morning check (copy)" }).click();
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Evening check");
  await dialog.getByRole("button", { name: "Apply" }).click();
  await expect(dialog.getByRole("button", { name: /^Evening check/ })).toBeVisible();
  await page.screenshot({ path: "screenshots/collections.png" });

  // A reload keeps which saved request the composer holds.
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await page.getByRole("button", { name: "Collections" }).click();
  await expect(dialog.getByTestId("open-request")).toContainText("“Morning check” · saved");
});

test("the list is searched and paged on the server", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const dialog = await openFreshCollection(page, `Paged ${test.info().testId}`);
  const collectionId = await dialog.getByLabel("Collection", { exact: true }).inputValue();
  // One saved through the panel, then sixty-nine more through the route, as a script would.
  await dialog.getByRole("button", { name: "Save request" }).click();
  await dialog.getByLabel("Request name").fill("request 000");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved/);
  const first = await page.request.get(`/api/requests?collection=${collectionId}`);
  const saved = (await first.json()) as { requests: { id: string }[] };
  const full = (await (
    await page.request.get(`/api/requests/${saved.requests[0]!.id}`)
  ).json()) as {
    state: string;
  };
  for (let index = 1; index < 70; index += 1) {
    const response = await page.request.post("/api/requests", {
      data: {
        collectionId,
        name: `request ${String(index).padStart(3, "0")}`,
        state: full.state,
      },
    });
    expect(response.status()).toBe(201);
  }
  await dialog.getByLabel("Collection", { exact: true }).selectOption(collectionId);
  await dialog.getByRole("searchbox").fill("request");
  await expect(dialog.getByRole("status").filter({ hasText: "shown" })).toHaveText(
    "50 of 70 shown.",
  );
  await dialog.getByRole("button", { name: "Show more" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "shown" })).toHaveText(
    "70 of 70 shown.",
  );
  await dialog.getByRole("searchbox").fill("request 06");
  await expect(dialog.getByRole("status").filter({ hasText: "shown" })).toHaveText(
    "10 of 10 shown.",
  );
  await dialog.getByRole("searchbox").fill("nothing like this");
  await expect(dialog.getByText("No saved request matches.")).toBeVisible();
});

test("Create short link → a teammate opens /s/<id> → Revoke → the link says it was revoked", async ({
  page,
  browser,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await message(page).fill("sent by short link");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Create short link" }).click();
  const link = await page.getByRole("textbox", { name: "Short link" }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{24}$/);
  expect(link.length).toBeLessThan(80);
  await expect(page.getByTestId("made-links")).toContainText(new URL(link).pathname);
  await page.screenshot({ path: "screenshots/share-short-link.png" });

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const teammate = new PlaygroundPage(other);
  await teammate.open(new URL(link).pathname);
  await expect(other.getByTestId("share-offer")).toContainText("2 MCP servers");
  await other.getByRole("button", { name: "Open shared configuration" }).click();
  await expect(message(other)).toHaveValue("sent by short link");
  expect(new URL(other.url()).pathname).toBe("/");
  // Tokens never travel: the tasks server's is asked for.
  await expect(other.getByTestId("share-tokens")).toContainText("Token for tasks");

  await page
    .getByTestId("made-links")
    .getByRole("button", { name: `Revoke ${new URL(link).pathname}` })
    .click();
  await expect(page.getByTestId("made-links")).toContainText("revoked");

  await message(other).fill("the teammate's own work");
  await other.goto(new URL(link).pathname);
  await expect(other.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(other.getByTestId("share-error")).toContainText(
    "This link was revoked by the person who made it. Your composer was left as it was.",
  );
  await expect(message(other)).toHaveValue("the teammate's own work");
  await other.screenshot({ path: "screenshots/short-link-revoked.png" });
  await fresh.close();
});

test("an unknown short link opens the app with words, and the composer untouched", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await message(page).fill("mine");
  await app.open("/s/AAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByTestId("share-error")).toContainText("This link is not known here");
  await expect(message(page)).toHaveValue("mine");
  await app.open("/s/not-even-an-id");
  await expect(page.getByTestId("share-error")).toContainText("This link is not known here");
});

test("Export collection → a YAML file with token placeholders → Import makes it a new collection", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const name = `Exported ${test.info().testId}`;
  await message(page).fill("exported request");
  const dialog = await openFreshCollection(page, name);
  await dialog.getByRole("button", { name: "Save request" }).click();
  await dialog.getByLabel("Request name").fill("Round trip");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved/);

  const downloading = page.waitForEvent("download");
  await dialog.getByRole("link", { name: "Export collection" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Exported-.*\.yaml$/);
  const yaml = readFileSync(await download.path(), "utf8");
  expect(yaml).toContain("version: 1");
  expect(yaml).toContain("- name: Round trip");
  expect(yaml).toContain('authorization_token: "{{MCP_TOKEN_TASKS}}"');
  expect(yaml).not.toContain("demo-tasks-token");
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Import" }).click();
  const importDialog = page.getByTestId("dialog-import");
  await importDialog
    .getByLabel("Request to import")
    .fill(yaml.replace(`name: ${name}`, `name: ${name} copy`));
  await importDialog.getByRole("button", { name: "Import collection" }).click();
  await expect(importDialog.getByTestId("import-notes")).toContainText(
    `1 request saved in a new collection, “${name} copy”`,
  );
  await importDialog.getByRole("button", { name: "Done" }).click();
  // The composer was not replaced; the new collection holds the request.
  await expect(message(page)).toHaveValue("exported request");
  await page.getByRole("button", { name: "Collections" }).click();
  await dialog
    .getByLabel("Collection", { exact: true })
    .selectOption({ label: `${name} copy (1)` });
  await expect(dialog.getByRole("button", { name: /^Round trip/ })).toBeVisible();

  // A broken file is refused in words, nothing made.
  await dialog.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Import" }).click();
  await importDialog
    .getByLabel("Request to import")
    .fill("version: 1\nname: [broken\nrequests: []\n");
  await importDialog.getByRole("button", { name: "Import collection" }).click();
  await expect(importDialog.getByTestId("import-error")).toContainText("not readable YAML");
});

test("Environments: {{NAME}} resolves from the active environment, secrets stay in the tab, a missing one is an error", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const origin = new URL(page.url()).origin;
  const dialog = await openFreshCollection(page, `Environments ${test.info().testId}`);
  await dialog.getByRole("button", { name: "Environments" }).click();
  const editor = dialog.getByTestId("environments-editor");
  await editor.getByRole("button", { name: "+ Add variable" }).first().click();
  await editor.getByLabel("Variable 1 name").fill("BASE");
  await editor.getByLabel("BASE value").fill(origin);
  await editor.getByRole("button", { name: "Add environment" }).click();
  await editor.getByLabel("Environment 1 name").fill("staging");
  const staging = editor.locator("fieldset").nth(1);
  await staging.getByRole("button", { name: "+ Add variable" }).click();
  await staging.getByLabel("Variable 1 name").fill("GREETING");
  await staging.getByLabel("GREETING value").fill("hello from staging");
  await staging.getByRole("button", { name: "+ Add variable" }).click();
  // Named like a secret: it is one, its value typed into a password field.
  await staging.getByLabel("Variable 2 name").fill("SESSION_TOKEN");
  await staging.getByLabel(/SESSION_TOKEN value \(secret/).fill("tab-only-secret");
  const saved = page.waitForRequest(
    (request) => request.method() === "PATCH" && request.url().includes("/api/collections/"),
  );
  await editor.getByRole("button", { name: "Save environments" }).click();
  expect((await saved).postData()).not.toContain("tab-only-secret");
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved the environments/);
  await dialog
    .getByTestId("environments-editor")
    .getByRole("button", { name: "Use", exact: true })
    .click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/uses environment “staging”/);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "screenshots/environments-editor.png" });
  await dialog.getByRole("button", { name: "Done" }).click();

  const bar = page.getByTestId("environment-bar");
  await expect(bar.getByLabel("Environment")).toHaveValue("staging");
  await app.server(0).getByLabel("Server URL").fill("{{BASE}}/api/demo-mcp/calendar");
  await message(page).fill("{{GREETING}}\ncall calendar.list_events {}");
  await expect(bar.getByTestId("environment-used")).toHaveText(
    "· filled in {{BASE}}, {{GREETING}}",
  );
  const json = (await app.requestJson()) as {
    mcp_servers: { url: string }[];
    messages: { content: unknown }[];
  };
  expect(json.mcp_servers[0]!.url).toBe(`${origin}/api/demo-mcp/calendar`);
  expect(JSON.stringify(json.messages)).toContain("hello from staging\\ncall calendar.list_events");
  await expect(bar.getByLabel("SESSION_TOKEN")).toHaveValue("tab-only-secret");
  await expect(app.server(0).getByTestId("discovery-ok")).toBeVisible();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(
    page.getByTestId("response").locator('[data-block-type="mcp_tool_result"]'),
  ).toContainText("Team stand-up");

  // A placeholder nothing sets is an error that names the environment.
  await message(page).fill("{{NOWHERE}} please");
  await expect(
    app
      .problems("error")
      .filter({ hasText: "{{NOWHERE}} in message has no value in environment “staging”" }),
  ).toHaveCount(1);
  await page.screenshot({ path: "screenshots/environment-bar.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("tab", { name: "Composer" }).click();
  await expect(bar).toBeVisible();
  await page.screenshot({ path: "screenshots/narrow-dark-environment-bar.png" });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The choice survives a reload; the secret's value does not (it was never stored).
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(bar.getByLabel("Environment")).toHaveValue("staging");
  await expect(bar.getByLabel("SESSION_TOKEN")).toHaveValue("");
  await bar.getByLabel("Environment").selectOption({ label: "Collection variables only" });
  await bar.getByRole("button", { name: "Stop using" }).click();
  await expect(bar).toHaveCount(0);
});
