import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

async function mergedRows(page: Page) {
  return page
    .getByTestId("merged-row")
    .evaluateAll((rows) =>
      rows.map((row) =>
        [
          "data-server",
          "data-tool",
          "data-enabled",
          "data-enabled-source",
          "data-defer-loading",
          "data-defer-loading-source",
        ]
          .map((name) => row.getAttribute(name))
          .join("|"),
      ),
    );
}

test("Share → open the link in a fresh browser → the same configuration, tokens asked for, never carried", async ({
  page,
  browser,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await app.server(0).getByRole("button", { name: "Mixed" }).click();
  await app.addServer({
    name: "extra",
    url: "https://extra.example.com/mcp",
    token: "secret-extra-token",
  });
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("shared message");
  await expect(app.server(0).getByTestId("discovery-ok")).toBeVisible();

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByLabel("Share link").inputValue();
  expect(link).toMatch(/#s=\d+\./);
  expect(link).not.toContain("secret-extra-token");
  expect(link).not.toContain("demo-tasks-token");
  await page.screenshot({ path: "screenshots/share-dialog.png" });
  await page.getByRole("button", { name: "Done" }).click();
  const rowsBefore = await mergedRows(page);
  const jsonBefore = await app.requestJson();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const teammate = new PlaygroundPage(other);
  await teammate.open(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(other.getByTestId("share-offer")).toContainText("3 MCP servers");
  await other.screenshot({ path: "screenshots/share-offer.png" });
  await other.getByRole("button", { name: "Open shared configuration" }).click();
  await expect(other.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "shared message",
  );
  await expect(teammate.server(0).getByTestId("discovery-ok")).toBeVisible();
  // The link carried no token: tasks cannot be listed until the teammate enters theirs.
  await expect(teammate.server(1).getByTestId("discovery-error")).toContainText("token");
  await expect(other.getByTestId("share-tokens")).toContainText("Token for extra");
  await other.getByLabel("Token for tasks").fill("demo-tasks-token");
  await other.getByLabel("Token for tasks").press("Enter");
  await expect(teammate.server(1).getByTestId("discovery-ok")).toContainText("3 tools");
  expect(await mergedRows(other)).toEqual(rowsBefore);
  // The same request, except that the tokens are gone and asked for.
  const jsonAfter = (await teammate.requestJson()) as { mcp_servers: unknown[] };
  const strip = (json: unknown) =>
    JSON.parse(
      JSON.stringify(json, (key, value: unknown) =>
        key === "authorization_token" ? undefined : value,
      ),
    ) as unknown;
  expect(strip(jsonAfter)).toEqual(strip(jsonBefore));
  await expect(other.getByTestId("share-tokens")).not.toContainText("Token for tasks");
  expect(other.url()).not.toContain("#s=");
  await fresh.close();
});

test("a damaged link is explained and the composer is left as it was", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("my own work");
  await page.goto("/#s=1.AAAAnot-a-real-link");
  await page.reload();
  await expect(page.getByTestId("share-error")).toContainText("damaged");
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "my own work",
  );
  await page.goto("/#s=9.abc");
  await page.reload();
  await expect(page.getByTestId("share-error")).toContainText("newer version");
});
