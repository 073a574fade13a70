import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

interface SentBody {
  betas?: string[];
  tools?: { type: string; mcp_server_name?: string }[];
  messages: { role: string; content: unknown }[];
}

// Tool changes between turns: a tool withdrawn by a tool_removal is not called; a toolset added by
// a tool_addition (as its card configures it) is, from that turn on; the preview says what each
// point offers; the change is in the request, its betas too, and survives a share link.
test("tool changes mid-conversation: withdraw a tool, add a toolset, and the emulator follows", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(app.server(1).getByTestId("discovery-ok")).toBeVisible();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const response = page.getByTestId("response");
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toBeVisible();
  await page.getByRole("button", { name: "Reply" }).click();
  await expect(page.getByTestId("conversation-turn")).toHaveCount(2);

  // Withdraw calendar.list_events after the assistant's turn.
  await page.getByRole("button", { name: "Add a tool change after turn 2" }).click();
  const form = page.getByRole("group", { name: "New tool change" });
  await form.getByLabel("Change", { exact: true }).selectOption({ label: "Remove one tool" });
  await form.getByLabel("Server", { exact: true }).selectOption("calendar");
  await form.getByLabel("Tool", { exact: true }).fill("list_events");
  await form.getByRole("button", { name: "Add", exact: true }).click();
  const change = page.getByTestId("tool-change");
  await expect(change.getByTestId("tool-change-block")).toHaveText(/Remove calendar\.list_events/);
  await expect(change.getByTestId("offered-from-here")).toContainText("withdrawn: list_events");

  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await message.fill("call calendar.list_events {}");
  let sent = page.waitForRequest("**/api/messages");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  let body = (await sent).postDataJSON() as SentBody;
  expect(body.messages.map((entry) => entry.role)).toEqual(["user", "assistant", "system", "user"]);
  expect(body.betas).toContain("mid-conversation-tool-changes-2026-07-01");
  await expect(response.locator('[data-block-type="text"]').first()).toContainText(
    /list_events\W+of\W+calendar\W+is not available/,
  );
  await expect(response.locator('[data-block-type="mcp_tool_use"]')).toHaveCount(0);

  // Add the tasks toolset from here on: it leaves `tools`, the tool_addition carries it.
  await change.getByRole("button", { name: "Add another tool change here" }).click();
  await form.getByLabel("Change", { exact: true }).selectOption({ label: "Add an MCP toolset" });
  await form.getByLabel("Server", { exact: true }).selectOption("tasks");
  await form.getByRole("button", { name: "Add", exact: true }).click();
  await expect(change.getByTestId("tool-change-block")).toHaveCount(2);
  await expect(change.getByTestId("offered-from-here")).toContainText("tasks (");
  await message.fill("call tasks.list_tasks {}");
  sent = page.waitForRequest("**/api/messages");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  body = (await sent).postDataJSON() as SentBody;
  expect(body.betas).toEqual(
    expect.arrayContaining(["mcp-client-2026-09-15", "inline-tools-2026-09-15"]),
  );
  expect(
    body.tools?.filter((tool) => tool.type === "mcp_toolset").map((tool) => tool.mcp_server_name),
  ).toEqual(["calendar"]);
  await expect(response.locator('[data-block-type="mcp_tool_use"]')).toContainText(
    "tasks.list_tasks",
  );
  await expect(app.problems("error")).toHaveCount(0);
  expect(await seriousViolations(page, "tool changes in the conversation")).toEqual([]);
  await page.getByTestId("tool-change").screenshot({ path: "screenshots/tool-changes.png" });

  // The share link carries the tool change.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByLabel("Share link").inputValue();
  await page.goto(link);
  await expect(page.getByTestId("tool-change").getByTestId("tool-change-block")).toHaveCount(2);
});
