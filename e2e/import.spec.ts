import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("importing a deprecated-shape request migrates it and says what changed", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Request to import").fill(
    JSON.stringify({
      model: "claude-sonnet-4-5",
      max_tokens: 700,
      messages: [{ role: "user", content: "imported message" }],
      betas: ["mcp-client-2025-04-04"],
      mcp_servers: [
        {
          type: "url",
          url: "https://crm.example.com/mcp",
          name: "crm",
          tool_configuration: { allowed_tools: ["find_contact"] },
        },
      ],
    }),
  );
  await page.getByRole("button", { name: "Import request" }).click();
  await expect(page.getByTestId("import-notes")).toContainText(
    "allowed_tools [find_contact] became an allowlist",
  );
  await expect(page.getByTestId("import-notes")).toContainText(
    "upgraded from mcp-client-2025-04-04",
  );
  // The request did not stream: said, not done unseen.
  await expect(page.getByTestId("import-notes")).toContainText("Stream is now off");
  // Notes to read: the dialog says what came in and stays until Done (now its only button),
  // then gives focus back to Import.
  await expect(page.getByTestId("import-summary")).toHaveText(
    "Imported: claude-sonnet-4-5 · 1 server (crm) · not streamed. What changed:",
  );
  await expect(page.getByRole("button", { name: "Import request" })).toHaveCount(0);
  await expect(page.getByRole("dialog", { name: "Import a request" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "imported message",
  );
  await expect(page.getByLabel("MCP beta")).toHaveValue("mcp-client-2025-11-20");
  await expect(app.mergedRow("crm", "find_contact")).toHaveAttribute("data-enabled", "true");
  await expect(app.mergedRow("crm", "*")).toHaveAttribute("data-enabled", "false");
});

test("an unreadable import is explained and the composer survives", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("keep me");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page
    .getByLabel("Request to import")
    .fill("curl https://api.anthropic.com/v1/messages -d '{\"model\": }'");
  await page.getByRole("button", { name: "Import request" }).click();
  await expect(page.getByTestId("import-error")).toContainText("not valid JSON");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue("keep me");
});

test("a clean import closes the dialog: nothing more to read", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Request to import").fill(
    JSON.stringify({
      model: "claude-sonnet-4-5",
      max_tokens: 512,
      messages: [{ role: "user", content: "clean import" }],
      // Streamed, like the composer: nothing to say, so the dialog closes.
      stream: true,
      betas: ["mcp-client-2025-11-20"],
      mcp_servers: [{ type: "url", url: "https://crm.example.com/mcp", name: "crm" }],
      tools: [{ type: "mcp_toolset", mcp_server_name: "crm" }],
    }),
  );
  await page.getByRole("button", { name: "Import request" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "clean import",
  );
  // Opened again, it starts empty: the last import is done with.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByLabel("Request to import")).toHaveValue("");
  await expect(page.getByTestId("import-notes")).toHaveCount(0);
});

test("an editor's mcpServers config replaces the servers, keeps the message, and lists every change; its stdio server is client-side only", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("kept message");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Request to import").fill(
    JSON.stringify({
      inputs: [{ type: "promptString", id: "crm-token", description: "CRM token", password: true }],
      servers: {
        crm: {
          type: "http",
          url: "https://crm.example.com/mcp",
          headers: { Authorization: "Bearer ${input:crm-token}", "X-Team": "sales" },
        },
        files: { type: "stdio", command: "npx", args: ["-y", "files-server"], env: { ROOT: "/x" } },
      },
    }),
  );
  await page.getByRole("button", { name: "Import request" }).click();
  const notes = page.getByTestId("import-notes");
  await expect(notes).toContainText(`the editor's prompt crm-token ("CRM token")`);
  await expect(notes).toContainText(
    "header X-Team was left out — the connector sends no custom headers",
  );
  await expect(notes).toContainText("files: a local (stdio) server");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "kept message",
  );
  await expect(page.getByTestId("server-card")).toHaveCount(2);
  const files = app.server(1);
  await expect(files).toContainText("Not reachable by the connector: client-side only.");
  await expect(files.getByLabel("Command")).toHaveValue("npx");
  // Refused for the connector request, in words; the request leaves it out.
  await expect(app.problems("error").first()).toContainText("not reachable by the connector");
  await expect(page.getByTestId("server-client-side")).toContainText("client-side only");
  const request = (await app.requestJson()) as { mcp_servers: { name: string }[] };
  expect(request.mcp_servers.map((server) => server.name)).toEqual(["crm"]);
  await page.screenshot({ path: "screenshots/import-mcp-servers.png", fullPage: true });
});

test("an OpenAI Responses tool list becomes servers with allowlists, with a note for each field that has no counterpart", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Request to import").fill(
    JSON.stringify([
      {
        type: "mcp",
        server_label: "dice",
        server_url: "https://dice.example.com/mcp",
        allowed_tools: ["roll"],
        require_approval: "always",
      },
    ]),
  );
  await page.getByRole("button", { name: "Import request" }).click();
  await expect(page.getByTestId("import-notes")).toContainText(
    "require_approval has no counterpart",
  );
  await page.getByRole("button", { name: "Done" }).click();
  await expect(app.mergedRow("dice", "roll")).toHaveAttribute("data-enabled", "true");
});
