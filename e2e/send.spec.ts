import { expect, test } from "@playwright/test";
import { everythingUrl } from "../playwright.config";
import { PlaygroundPage } from "./pages/playground-page";

const blockTypes = (app: PlaygroundPage) =>
  app.page
    .getByTestId("response")
    .locator("[data-block-type]")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-block-type")));

test("a fresh start sends the demo request: text, mcp_tool_use, mcp_tool_result, text", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByRole("radio", { name: "Emulator" })).toBeChecked();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const response = page.getByTestId("response");
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toBeVisible();
  expect(await blockTypes(app)).toEqual(["text", "mcp_tool_use", "mcp_tool_result", "text"]);
  await expect(response.locator('[data-block-type="mcp_tool_use"]')).toContainText(
    "calendar.list_events",
  );
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toContainText("OK");
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toContainText(
    "Team stand-up",
  );
  await expect(page.getByTestId("response-meta")).toContainText("end_turn");
  await expect(page.getByTestId("response-meta")).toContainText(/req_/);
  await page.getByText("Raw JSON").click();
  await expect(page.getByTestId("raw-response")).toContainText('"type": "mcp_tool_use"');
  await page.screenshot({ path: "screenshots/wide-response.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.getByRole("tab", { name: "Response" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toBeVisible();
  await page.screenshot({ path: "screenshots/narrow-dark-response.png" });
});

test("an allowlist that leaves a tool out keeps the emulator from calling it", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page
    .getByRole("textbox", { name: "Message", exact: true })
    .fill("Please run delete_all_events.");
  await page.keyboard.press("Control+Enter");
  const response = page.getByTestId("response");
  await expect(response.locator('[data-block-type="text"]')).toContainText(
    "`delete_all_events` of `calendar` is not available".replace(/`/g, ""),
  );
  expect(await blockTypes(app)).toEqual(["text"]);
});

test("a failing tool shows ERROR, loud", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("sync_tasks now");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const failed = page
    .getByTestId("response")
    .locator('[data-block-type="mcp_tool_result"][data-is-error="true"]');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText("ERROR");
  await expect(failed).toContainText("Sync failed");
});

test("a bad config gets the API's 400 in words, and the composer is left as it was", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByLabel("MCP beta").selectOption("none");
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("keep this text");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const error = page.getByTestId("request-error");
  await expect(error).toContainText("invalid_request_error");
  await expect(error).toContainText("mcp_servers: Extra inputs are not permitted");
  await expect(error).toContainText(/req_/);
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "keep this text",
  );
  await expect(page.getByLabel("MCP beta")).toHaveValue("none");
  await expect(page.getByTestId("server-card")).toHaveCount(2);
});

test("a wrong token is refused with the API's words", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await app.server(1).getByLabel("Authorization token").fill("wrong-token");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("request-error")).toContainText(
    "Invalid authorization token for MCP server 'tasks'. Please check your token and try again.",
  );
});

test("the Anthropic target without a key says what to do", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("radio", { name: "Anthropic API" }).check();
  await expect(page.getByLabel("Anthropic API key")).toBeVisible();
  // The real API needs https://: the demo's loopback http:// URLs are errors for this target.
  await expect(app.problems("error").filter({ hasText: "must start with https://" })).toHaveCount(
    2,
  );
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("request-error")).toContainText("No Anthropic API key");
});

test("a real third-party MCP server (server-everything) is called through the emulator", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = await app.addServer({ name: "everything", url: everythingUrl });
  await expect(card.getByLabel("Server name")).toHaveValue("everything");
  await page
    .getByRole("textbox", { name: "Message", exact: true })
    .fill('call everything.echo {"message": "hello from the playground"}');
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const result = page.getByTestId("response").locator('[data-block-type="mcp_tool_result"]');
  await expect(result).toContainText("Echo: hello from the playground");
  await expect(
    page.getByTestId("response").locator('[data-block-type="mcp_tool_use"]'),
  ).toContainText("everything.echo");
});

test("a slow request shows progress and can be cancelled, leaving the composer as it was", async ({
  page,
}) => {
  // An MCP server that accepts the connection and never answers keeps the emulator waiting.
  const { createServer } = await import("node:http");
  const hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  try {
    const app = new PlaygroundPage(page);
    await app.open();
    const address = hanging.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await app.server(0).getByLabel("Server URL").fill(`http://127.0.0.1:${port}/mcp`);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByTestId("sending")).toContainText("Waiting for the response");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("request-error")).toContainText("You cancelled the request.");
    await expect(app.server(0).getByLabel("Server URL")).toHaveValue(
      `http://127.0.0.1:${port}/mcp`,
    );
  } finally {
    hanging.closeAllConnections();
    hanging.close();
  }
});
