import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("10,000 tools: only the rows in view are in the page, any row is reached by filter or scroll, and a click changes it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const app = new PlaygroundPage(page);
  await app.open();
  const card = app.server(0);
  await card.getByLabel("Server name").fill("bulk");
  await card.getByLabel("Server URL").fill(`${baseURL}/api/demo-mcp/bulk`);
  await expect(card.getByTestId("discovery-ok")).toContainText("10,000 tools", { timeout: 30_000 });
  await card.getByRole("button", { name: "All tools" }).click();

  const table = page.getByRole("table", { name: /each tool of bulk/ });
  await expect(table).toHaveAttribute("aria-rowcount", "10001");
  const rows = page.locator('[data-testid="merged-row"][data-server="bulk"]');
  expect(await rows.count()).toBeLessThan(80);
  // The rows on screen keep the merged-row contract.
  const first = rows.first();
  await expect(first).toHaveAttribute("data-tool", "billing_get_00000");
  await expect(first).toHaveAttribute("data-enabled", "true");
  await expect(first).toHaveAttribute("data-enabled-source", "default");
  await expect(first).toHaveAttribute("aria-rowindex", "2");

  // Scrolled to the bottom, the last tool is there, at its place among all of them.
  await table.evaluate((element) => {
    const scroller = element.parentElement!;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(app.mergedRow("bulk", "wiki_export_09999")).toHaveAttribute(
    "aria-rowindex",
    "10001",
  );

  // Its details open as a row of their own under it, counted among the rows.
  await page.getByRole("button", { name: "Details of wiki_export_09999" }).click();
  await expect(table.getByTestId("tool-details")).toContainText("Input schema");
  await expect(table).toHaveAttribute("aria-rowcount", "10002");

  // A destructive tool deep in the list, found by the filter and switched off with a click.
  await page.getByLabel("Filter tools of bulk").fill("support_delete_09");
  await expect(rows).not.toHaveCount(0);
  const target = app.mergedRow("bulk", "support_delete_09408");
  await expect(target).toHaveAttribute("data-destructive", "true");
  await target.getByRole("button", { name: /^enabled of support_delete_09408: true/ }).click();
  await expect(target).toHaveAttribute("data-enabled", "false");
  await expect(target).toHaveAttribute("data-enabled-source", "configs");
  const request = (await app.requestJson()) as {
    tools: { configs?: Record<string, { enabled?: boolean }> }[];
  };
  expect(request.tools[0]?.configs?.support_delete_09408).toEqual({ enabled: false });
});
