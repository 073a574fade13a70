import { expect, test } from "@playwright/test";
import { startPostgres, type TestPostgres } from "../test/support/postgres";
import { PlaygroundPage } from "./pages/playground-page";
import { startInstance, type Instance } from "./support/instance";

// Two instances of the production build on one PostgreSQL, as behind a load balancer: what one
// remembers, the other knows.
let postgres: TestPostgres;
let a: Instance;
let b: Instance;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startPostgres();
  // Started together: the migrations run once, under the advisory lock.
  [a, b] = await Promise.all([
    startInstance({ DATABASE_URL: postgres.url }),
    startInstance({ DATABASE_URL: postgres.url }),
  ]);
});

test.afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  postgres?.stop();
});

test("a short link made on instance A opens on instance B", async ({ page }) => {
  const onA = new PlaygroundPage(page);
  await onA.open(`${a.origin}/`);
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("made on A");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: "Create short link" }).click();
  const link = new URL(await page.getByRole("textbox", { name: "Short link" }).inputValue());
  expect(link.origin).toBe(a.origin);

  const onB = new PlaygroundPage(page);
  await onB.open(`${b.origin}${link.pathname}`);
  await page.getByRole("button", { name: "Open shared configuration" }).click();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "made on A",
  );
});

test("a request saved on instance A is listed and opened on instance B", async ({ page }) => {
  const onA = new PlaygroundPage(page);
  await onA.open(`${a.origin}/`);
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("saved on A");
  await page.keyboard.press("Control+s");
  const dialog = page.getByTestId("dialog-collections");
  await dialog.getByLabel("Request name").fill("Saved on A");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByTestId("collections-toast")).toHaveText(/Saved “Saved on A”/);

  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  const onB = new PlaygroundPage(other);
  await onB.open(`${b.origin}/`);
  await other.getByRole("button", { name: "Collections" }).click();
  await other
    .getByTestId("dialog-collections")
    .getByRole("button", { name: /^Saved on A/ })
    .click();
  await expect(other.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "saved on A",
  );
  await fresh.close();
});
