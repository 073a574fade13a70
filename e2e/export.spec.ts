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

test("Get code exports the request as a batch, a client-side program, an mcpServers config and OpenAI tools, with notes on what does not carry over", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  // A stdio server beside the demo servers: the client-side export connects to it itself.
  await page.getByRole("button", { name: "Add server" }).click();
  const local = app.server(2);
  await local.getByLabel("Server name").fill("files");
  await local.getByRole("combobox", { name: /How .* is reached/ }).selectOption("stdio");
  await expect(local).toContainText("Not reachable by the connector: client-side only.");
  await local.getByLabel("Command").fill("npx");

  await page.getByRole("button", { name: "Get code", exact: true }).click();
  const snippet = page.getByTestId("snippet");
  const form = page.getByTestId("export-form");
  await expect(page.getByTestId("export-notes")).toContainText("files: stdio, client-side only");

  await form.selectOption("batch");
  await expect(snippet).toContainText("/v1/messages/batches");
  await page.getByRole("tab", { name: "TypeScript" }).click();
  await expect(snippet).toContainText("client.beta.messages.batches.create(");

  // What the request costs before it runs: the count_tokens call, the token still a variable.
  await form.selectOption("count-tokens");
  await expect(snippet).toContainText("client.beta.messages.countTokens(");
  await expect(snippet).not.toContainText("max_tokens");
  await page.getByRole("tab", { name: "curl" }).click();
  await expect(snippet).toContainText("/v1/messages/count_tokens");
  await expect(snippet).not.toContainText("demo-tasks-token");

  await form.selectOption("client-side");
  await expect(snippet).toContainText("new StdioClientTransport({");
  await expect(snippet).toContainText("client.beta.messages.toolRunner(");
  await expect(snippet).toContainText('Authorization: `Bearer ${env("MCP_TOKEN_TASKS")}`');
  // What only a client-side program can do: start from a server's prompt, attach its resource.
  await page.getByLabel("Server of the prompt").selectOption({ label: "files" });
  await page.getByLabel("Prompt name").fill("review");
  await page.getByLabel("Resource URI").fill("file:///notes.md");
  await expect(snippet).toContainText('const prompt = await files.getPrompt({ name: "review" });');
  await expect(snippet).toContainText("...mcpMessages(prompt.messages),");
  await expect(snippet).toContainText("mcpResourceToContent(resource)");
  await page.screenshot({ path: "screenshots/get-code-client-side.png" });

  await form.selectOption("mcp-servers");
  await page.getByRole("tab", { name: "VS Code" }).click();
  await expect(page.getByTestId("export-notes")).toContainText("Save it as .vscode/mcp.json.");
  await expect(snippet).toContainText('"inputs"');
  await expect(snippet).toContainText('"Authorization": "Bearer ${input:mcp-token-tasks}"');
  await expect(page.getByTestId("export-notes")).toContainText("do not carry over");

  await form.selectOption("openai");
  await expect(snippet).toContainText('"type": "mcp"');
  await expect(snippet).toContainText('"authorization": "${MCP_TOKEN_TASKS}"');
  await expect(page.getByTestId("export-notes")).toContainText("files: a stdio server");
  await expect(snippet).not.toContainText("demo-tasks-token");
  await page.screenshot({ path: "screenshots/get-code-openai.png" });
});

test("a client config with nothing to hold says so instead of offering an empty file; a config file downloads", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Get code", exact: true }).click();
  await page.getByTestId("export-form").selectOption("mcp-servers");
  await page.getByRole("tab", { name: "Claude Desktop" }).click();
  await expect(page.getByTestId("export-notes")).toContainText("Nothing to export for this client");
  await expect(page.getByTestId("snippet")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy", exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: /^Download/ })).toHaveCount(0);

  await page.getByRole("tab", { name: "Claude Code" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .mcp.json" }).click();
  const download = await downloading;
  // Chromium drops a file name's leading dot (the notes say to save it as .mcp.json).
  expect(download.suggestedFilename()).toMatch(/^\.?mcp\.json$/);
  const saved = await download.path();
  const { readFile } = await import("node:fs/promises");
  const config = JSON.parse(await readFile(saved, "utf8")) as { mcpServers: object };
  expect(Object.keys(config.mcpServers)).toEqual(["calendar", "tasks"]);
  expect(JSON.stringify(config)).not.toContain("demo-tasks-token");
});
