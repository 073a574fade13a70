import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("Check connection shows each step with a verdict, and names the step that fails", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const calendar = app.server(0);
  await calendar.getByRole("button", { name: /^Check connection/ }).click();
  const report = calendar.getByTestId("doctor");
  await expect(report).toBeVisible();
  await expect(report.getByTestId("doctor-check")).toHaveCount(9);
  await expect(report.locator('[data-check="initialize"]')).toHaveAttribute("data-status", "pass");
  await expect(report.locator('[data-check="tools"]')).toContainText("5 tools");
  // Its protocol log: each HTTP exchange with its JSON-RPC methods and status.
  await report.getByTestId("protocol-log").locator("summary").click();
  const exchanges = report.getByTestId("protocol-entry");
  await expect(
    exchanges.filter({ hasText: "POST /api/demo-mcp/calendar · initialize" }),
  ).not.toHaveCount(0);
  await expect(exchanges.filter({ hasText: "tools/list" }).first()).toContainText("→ 200");

  const broken = await app.addServer({ name: "gone", url: "http://127.0.0.1:9/mcp" });
  await broken.getByRole("button", { name: /^Check connection/ }).click();
  const failed = broken.getByTestId("doctor");
  await expect(failed).toHaveAttribute("data-verdict", "fail");
  await expect(failed.locator('[data-check="connect"]')).toHaveAttribute("data-status", "fail");
  await expect(failed.locator('[data-check="connect"]')).toContainText(
    "Nothing listens on 127.0.0.1:9",
  );
  await expect(failed).toContainText("Failed to connect to MCP server 'gone'");
  // The checks the failure left undone are one line, not a row each.
  await expect(failed.getByTestId("doctor-skipped")).toHaveCount(1);
  await expect(failed.getByTestId("doctor-skipped")).toContainText("Not checked: HTTP");
  // Nothing answered over HTTP: no log to open.
  await expect(failed.getByTestId("protocol-log")).toHaveCount(0);
});
