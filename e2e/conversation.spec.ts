import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

interface SentBody {
  messages: { role: string; content: unknown }[];
}

test("a two-turn conversation sends the first turn's blocks back unchanged", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const firstMessage = await page
    .getByRole("textbox", { name: "Message", exact: true })
    .inputValue();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const response = page.getByTestId("response");
  await expect(response.locator("[data-block-type]")).toHaveCount(4);
  await page.getByText("Raw JSON").click();
  const first = JSON.parse((await page.getByTestId("raw-response").textContent()) ?? "") as {
    content: unknown[];
  };
  expect(first.content.map((block) => (block as { type: string }).type)).toEqual([
    "text",
    "mcp_tool_use",
    "mcp_tool_result",
    "text",
  ]);

  await page.getByRole("button", { name: "Reply" }).click();
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await expect(message).toHaveValue("");
  await expect(message).toBeFocused();
  await expect(page.getByTestId("conversation-turn")).toHaveCount(2);
  await message.fill("Now call search_events for lunch.");
  const sent = page.waitForRequest("**/api/messages");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const body = (await sent).postDataJSON() as SentBody;
  expect(body.messages).toEqual([
    { role: "user", content: firstMessage },
    { role: "assistant", content: first.content },
    { role: "user", content: "Now call search_events for lunch." },
  ]);
  await expect(response.locator('[data-block-type="mcp_tool_use"]')).toContainText(
    "calendar.search_events",
  );
  await page.screenshot({ path: "screenshots/conversation.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("tab", { name: "Composer" }).click();
  await page.getByTestId("conversation-turn").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/narrow-dark-conversation.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Edit the first turn, then re-run from it: later turns go and only it is sent.
  await page.getByRole("button", { name: "Edit User turn 1" }).click();
  await page
    .getByRole("textbox", { name: "Text of User turn 1" })
    .fill("call calendar.list_events {}");
  await page.getByRole("button", { name: "Save" }).click();
  const rerun = page.waitForRequest("**/api/messages");
  await page.getByRole("button", { name: "Re-run from here: User turn 1" }).click();
  expect(((await rerun).postDataJSON() as SentBody).messages).toEqual([
    { role: "user", content: "call calendar.list_events {}" },
  ]);
  await expect(page.getByTestId("conversation-turn")).toHaveCount(0);
});

test("turns can be removed, and the share link carries the conversation without tokens", async ({
  page,
  browser,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("response").locator("[data-block-type]")).toHaveCount(4);
  await page.getByRole("button", { name: "Reply" }).click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("and tomorrow?");

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link).not.toContain("demo-tasks-token");
  await page.getByRole("button", { name: "Done" }).click();

  // A teammate's browser: nothing saved, everything comes from the link.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const opened = new PlaygroundPage(other);
  await opened.open(link.replace(/^https?:\/\/[^/]+/, ""));
  await other.getByRole("button", { name: "Open shared configuration" }).click();
  await expect(other.getByTestId("conversation-turn")).toHaveCount(2);
  await expect(other.getByTestId("conversation-turn").nth(1)).toContainText("mcp_tool_result OK");
  await expect(other.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "and tomorrow?",
  );
  await fresh.close();

  await page.getByRole("button", { name: "Remove Assistant turn 2" }).click();
  await expect(page.getByTestId("conversation-turn")).toHaveCount(1);
  await expect(page.getByTestId("conversation-turn")).toHaveAttribute("data-role", "user");
});
