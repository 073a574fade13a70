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
  // Notes to read: the dialog stays until Done, then gives focus back to Import.
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
