import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { everythingUrl } from "../playwright.config";
import { PlaygroundPage } from "./pages/playground-page";

test("discovered tools fill the preview, and a click writes the minimal configs entry", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const calendar = app.server(0);
  await expect(calendar.getByTestId("discovery-ok")).toContainText("5 tools");
  await expect(calendar.getByTestId("discovery-ok")).toContainText("demo-calendar");
  await expect(page.locator('[data-testid="merged-row"][data-server="calendar"]')).toHaveCount(5);
  await expect(app.mergedRow("calendar", "create_event")).toHaveAttribute(
    "data-enabled-source",
    "default_config",
  );
  await expect(app.mergedRow("calendar", "delete_all_events")).toHaveAttribute(
    "data-destructive",
    "true",
  );
  await expect(page.locator('[data-testid="server-sent"]').first()).toContainText(
    "2 definitions up front",
  );

  const rowsBefore = await calendar.getByTestId("config-row").count();
  await page.getByRole("button", { name: /^enabled of create_event: false/ }).click();
  await expect(app.mergedRow("calendar", "create_event")).toHaveAttribute("data-enabled", "true");
  await expect(app.mergedRow("calendar", "create_event")).toHaveAttribute(
    "data-enabled-source",
    "configs",
  );
  await expect(calendar.getByTestId("config-row")).toHaveCount(rowsBefore + 1);
  const json = (await app.requestJson()) as { tools: { configs?: Record<string, unknown> }[] };
  expect(json.tools[0]?.configs?.create_event).toEqual({ enabled: true });

  await page.getByRole("button", { name: /^enabled of create_event: true/ }).click();
  await expect(app.mergedRow("calendar", "create_event")).toHaveAttribute(
    "data-enabled-source",
    "default_config",
  );
  await expect(calendar.getByTestId("config-row")).toHaveCount(rowsBefore);
  await page.screenshot({ path: "screenshots/wide-discovery.png" });
});

test("a denylist that leaves a destructive tool open is pointed out; unknown names are warned about", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const calendar = app.server(0);
  await expect(calendar.getByTestId("discovery-ok")).toBeVisible();
  await calendar.getByRole("button", { name: "Denylist" }).click();
  // The denylist turns the picks (list_events, search_events) off and leaves everything else open.
  const destructive = page.locator('[data-testid="problem"][data-code="destructive_tool_open"]');
  await expect(destructive).toHaveCount(2);
  await expect(destructive.first()).toContainText("delete_all_events");
  await page.getByRole("button", { name: /^enabled of delete_all_events: true/ }).click();
  await page.getByRole("button", { name: /^enabled of share_calendar_publicly: true/ }).click();
  await expect(destructive).toHaveCount(0);

  await calendar.getByRole("button", { name: "Add tool setting" }).click();
  await calendar.getByLabel("Tool name").last().fill("serch_events");
  // The name is judged once the field is left (not while it is typed).
  await page.keyboard.press("Tab");
  await expect(page.locator('[data-testid="problem"][data-code="unknown_tool"]')).toContainText(
    "serch_events",
  );
});

test("a server that needs a token fails without it and works with it", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const tasks = app.server(1);
  await expect(tasks.getByTestId("discovery-ok")).toContainText("3 tools");
  await tasks.getByLabel("Authorization token").fill("");
  await expect(tasks.getByTestId("discovery-error")).toContainText("token");
  await tasks.getByLabel("Authorization token").fill("demo-tasks-token");
  await expect(tasks.getByTestId("discovery-ok")).toContainText("3 tools");
});

test("unreachable, non-MCP and refused URLs each get their own clear error", async ({
  page,
  baseURL,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = await app.addServer({ name: "probe", url: "http://127.0.0.1:9/mcp" });
  await expect(card.getByTestId("discovery-error")).toContainText("could not be reached");
  await card.getByLabel("Server URL").fill(`${baseURL}/api/target`);
  await expect(card.getByTestId("discovery-error")).toContainText(
    "does not look like an MCP server",
  );
  await card.getByLabel("Server URL").fill("http://169.254.169.254/latest/meta-data/");
  await expect(card.getByTestId("discovery-error")).toContainText("metadata");
  await expect(card.getByTestId("discovery-error")).toHaveAttribute("data-kind", "refused");
});

test("a server that hangs is given up on within the time limit", async ({ page }) => {
  test.setTimeout(40_000);
  const hanging: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  try {
    const app = new PlaygroundPage(page);
    await app.open();
    const card = await app.addServer({
      name: "slow",
      url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/mcp`,
    });
    await expect(card.getByTestId("discovery-loading")).toBeVisible();
    await expect(card.getByTestId("discovery-error")).toContainText("did not answer in time", {
      timeout: 15_000,
    });
  } finally {
    hanging.closeAllConnections();
    hanging.close();
  }
});

test("a real third-party server's tools are listed and can be filtered", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = await app.addServer({ name: "everything", url: everythingUrl });
  await expect(card.getByTestId("discovery-ok")).toContainText("Streamable HTTP");
  await expect(app.mergedRow("everything", "echo")).toBeVisible();
  await page.getByLabel("Filter tools of everything").fill("echo");
  await expect(page.locator('[data-testid="merged-row"][data-server="everything"]')).toHaveCount(1);
});

test("a server with 500 tools lists every one, filters and toggles", async ({ page, baseURL }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = await app.addServer({ name: "catalog", url: `${baseURL}/api/demo-mcp/catalog` });
  await expect(card.getByTestId("discovery-ok")).toContainText("500 tools");
  const rows = page.locator('[data-testid="merged-row"][data-server="catalog"]');
  // Virtualised: the table says it has all 500 (and the header), the DOM holds what is in view.
  const table = page.getByRole("table", { name: /each tool of catalog/ });
  await expect(table).toHaveAttribute("aria-rowcount", "501");
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute("aria-rowindex", "2");
  await card.getByRole("button", { name: "Mixed" }).click();
  await expect(page.locator('[data-testid="server-sent"]').last()).toContainText(
    "0 definitions up front",
  );
  await page.getByLabel("Filter tools of catalog").fill("crm_search");
  await expect(rows).toHaveCount(10);
  await page.getByRole("button", { name: /^enabled of crm_search_021: false/ }).click();
  await page.getByRole("button", { name: /^defer_loading of crm_search_021: true/ }).click();
  await expect(page.locator('[data-testid="server-sent"]').last()).toContainText(
    "1 definition up front",
  );
  await page.screenshot({ path: "screenshots/wide-catalog.png" });
});
