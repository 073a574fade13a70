import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("Get code shows curl, TypeScript and Python with secrets as environment variables", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Get code" }).click();
  const snippet = page.getByTestId("snippet");
  await expect(snippet).toContainText('-H "x-api-key: $ANTHROPIC_API_KEY"');
  await expect(snippet).toContainText('-H "anthropic-beta: mcp-client-2025-11-20"');
  await expect(snippet).toContainText('"stream": true');
  await expect(snippet).toContainText('"authorization_token": "$MCP_TOKEN_TASKS"');
  await expect(snippet).not.toContainText("demo-tasks-token");
  await page.screenshot({ path: "screenshots/get-code.png" });
  await page.getByRole("tab", { name: "TypeScript" }).click();
  // Stream is on by default: the SDK's stream helper, which assembles the final message.
  await expect(snippet).toContainText("client.beta.messages.stream(");
  await expect(snippet).toContainText("await stream.finalMessage()");
  await expect(snippet).toContainText(`authorization_token: env("MCP_TOKEN_TASKS")`);
  await page.getByRole("tab", { name: "Python" }).click();
  await expect(snippet).toContainText('os.environ["MCP_TOKEN_TASKS"]');
  await expect(snippet).not.toContainText("demo-tasks-token");
});
