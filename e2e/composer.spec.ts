import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("builds a two-server config: allowlist + denylist with deferred default", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Remove calendar" }).click();
  await page.getByRole("button", { name: "Remove tasks" }).click();
  await expect(page.getByTestId("server-card")).toHaveCount(0);

  const calendar = await app.addServer({
    name: "calendar",
    url: "https://calendar.example.com/mcp",
    token: "secret-cal-token",
  });
  await calendar.getByRole("button", { name: "Allowlist" }).click();
  await app.addToolSetting(calendar, "search_events");
  await app.addToolSetting(calendar, "create_event");

  const tasks = await app.addServer({ name: "tasks", url: "https://tasks.example.com/mcp" });
  await tasks.getByRole("button", { name: "Denylist" }).click();
  await app.addToolSetting(tasks, "delete_all_tasks");
  await app.choose(tasks, "default_config.defer_loading: true");
  await page.getByLabel("Tool search tool").selectOption("regex");

  // The merged table: every value and where it came from.
  await expect(app.mergedRow("calendar", "search_events")).toHaveAttribute("data-enabled", "true");
  await expect(app.mergedRow("calendar", "search_events")).toHaveAttribute(
    "data-enabled-source",
    "configs",
  );
  await expect(app.mergedRow("calendar", "*")).toHaveAttribute("data-enabled", "false");
  await expect(app.mergedRow("calendar", "*")).toHaveAttribute(
    "data-enabled-source",
    "default_config",
  );
  await expect(app.mergedRow("tasks", "delete_all_tasks")).toHaveAttribute("data-enabled", "false");
  await expect(app.mergedRow("tasks", "delete_all_tasks")).toHaveAttribute(
    "data-defer-loading",
    "true",
  );
  await expect(app.mergedRow("tasks", "delete_all_tasks")).toHaveAttribute(
    "data-defer-loading-source",
    "default_config",
  );
  await expect(app.mergedRow("tasks", "*")).toHaveAttribute("data-enabled-source", "default");
  await expect(app.mergedRow("tasks", "*")).toHaveAttribute("data-defer-loading", "true");
  // No errors; the only warnings say the example.com servers could not be discovered from here.
  await expect(page.getByTestId("problem-counts")).toHaveText(/^0 errors, 2 warnings/);
  await expect(app.problems().and(page.locator('[data-code="discovery_failed"]'))).toHaveCount(2);

  const json = (await app.requestJson()) as Record<string, unknown>;
  expect(json.betas).toEqual(["mcp-client-2025-11-20"]);
  expect(json.mcp_servers).toEqual([
    {
      type: "url",
      url: "https://calendar.example.com/mcp",
      name: "calendar",
      authorization_token: expect.stringContaining("hidden"),
    },
    { type: "url", url: "https://tasks.example.com/mcp", name: "tasks" },
  ]);
  expect(json.tools).toEqual([
    { type: "tool_search_tool_regex_20251119", name: "tool_search_tool_regex" },
    {
      type: "mcp_toolset",
      mcp_server_name: "calendar",
      default_config: { enabled: false },
      configs: { search_events: { enabled: true }, create_event: { enabled: true } },
    },
    {
      type: "mcp_toolset",
      mcp_server_name: "tasks",
      default_config: { defer_loading: true },
      configs: { delete_all_tasks: { enabled: false } },
    },
  ]);
  await expect(page.getByTestId("request-json")).not.toContainText("secret-cal-token");

  // A duplicate name and an http:// URL are errors, and a click on one takes you to the field.
  await tasks.getByLabel("Server name").fill("calendar");
  await expect(app.problems("error").filter({ hasText: "used twice" })).toHaveCount(1);
  await calendar.getByLabel("Server URL").fill("http://calendar.example.com/mcp");
  const httpProblem = app.problems("error").filter({ hasText: "must start with https://" });
  await expect(httpProblem).toHaveCount(1);
  await httpProblem.getByRole("button").click();
  await expect(calendar.getByLabel("Server URL")).toBeFocused();
  await calendar.getByLabel("Server URL").fill("https://calendar.example.com/mcp");
  await tasks.getByLabel("Server name").fill("tasks");
  await expect(app.problems("error")).toHaveCount(0);
  await expect(app.problems().and(page.locator('[data-code="discovery_failed"]'))).toHaveCount(2);

  // After a reload the state is kept, and the token is gone.
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(page.getByTestId("server-card")).toHaveCount(2);
  await expect(app.server(0).getByLabel("Server name")).toHaveValue("calendar");
  await expect(app.server(1).getByLabel("Server URL")).toHaveValue("https://tasks.example.com/mcp");
  await expect(app.server(0).getByLabel("Authorization token")).toHaveValue("");
  await expect(app.server(1).getByLabel("Authorization token")).toHaveValue("");
  await expect(app.mergedRow("tasks", "delete_all_tasks")).toHaveAttribute(
    "data-defer-loading",
    "true",
  );
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).not.toContain("secret-cal-token");
});

test("tokens survive a reload only when the person asks", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const remember = page.getByLabel("Remember tokens on this device");
  // The box says what remembering means: the token sits in the browser's storage as it is.
  await expect(remember).toHaveAccessibleDescription(/plain text/);
  await remember.check();
  await expect(page.getByText("Kept in plain text in this browser's storage.")).toBeVisible();
  await app.server(0).getByLabel("Authorization token").fill("kept-token");
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await expect(app.server(0).getByLabel("Authorization token")).toHaveValue("kept-token");
  await app
    .server(0)
    .getByRole("button", { name: /Show token/ })
    .click();
  await expect(app.server(0).getByLabel("Authorization token")).toHaveAttribute("type", "text");
});

test("patterns are one click each and produce the documented shape", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = app.server(0);
  // With the demo server's tools discovered, every real tool has its own row.
  await expect(card.getByTestId("discovery-ok")).toBeVisible();
  await card.getByRole("button", { name: "Denylist" }).click();
  await expect(app.mergedRow("calendar", "list_events")).toHaveAttribute("data-enabled", "false");
  await expect(app.mergedRow("calendar", "create_event")).toHaveAttribute("data-enabled", "true");
  await card.getByRole("button", { name: "Mixed" }).click();
  await expect(app.mergedRow("calendar", "create_event")).toHaveAttribute(
    "data-defer-loading",
    "true",
  );
  await expect(page.getByLabel("Tool search tool")).toHaveValue("regex");
  const json = (await app.requestJson()) as { tools: unknown[] };
  expect(json.tools[1]).toEqual({
    type: "mcp_toolset",
    mcp_server_name: "calendar",
    default_config: { enabled: false, defer_loading: true },
    configs: { list_events: { enabled: true }, search_events: { enabled: true } },
  });
  await card.getByRole("button", { name: "All tools" }).click();
  expect(((await app.requestJson()) as { tools: unknown[] }).tools[1]).toEqual({
    type: "mcp_toolset",
    mcp_server_name: "calendar",
  });
  await expect(card.getByRole("button", { name: "All tools" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
});

test("servers can be duplicated, reordered and removed", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Duplicate calendar" }).click();
  await expect(app.server(1).getByLabel("Server name")).toHaveValue("calendar-copy");
  await page.getByRole("button", { name: "Move calendar-copy up" }).click();
  await expect(app.server(0).getByLabel("Server name")).toHaveValue("calendar-copy");
  const json = (await app.requestJson()) as { tools: { mcp_server_name: string }[] };
  expect(json.tools.map((tool) => tool.mcp_server_name)).toEqual([
    "calendar-copy",
    "calendar",
    "tasks",
  ]);
  await page.getByRole("button", { name: "Remove calendar-copy" }).click();
  await expect(page.getByTestId("server-card")).toHaveCount(2);
});

test("the deprecated beta gets a warning and a one-click upgrade; no beta is an error", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByLabel("MCP beta").selectOption("mcp-client-2025-04-04");
  await expect(app.problems("warning").filter({ hasText: "deprecated" })).toHaveCount(1);
  await page.getByRole("button", { name: "Upgrade beta" }).click();
  await expect(page.getByLabel("MCP beta")).toHaveValue("mcp-client-2025-11-20");
  await page.getByLabel("MCP beta").selectOption("none");
  await expect(
    app.problems("error").filter({ hasText: "mcp_servers: Extra inputs are not permitted" }),
  ).toHaveCount(1);
});
