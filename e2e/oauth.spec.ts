import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

/** Approves the demo authorization server's consent page in the popup a click opened. */
async function approveInPopup(page: Page, click: () => Promise<void>, lifetime = "60") {
  const popupPromise = page.waitForEvent("popup");
  await click();
  const popup = await popupPromise;
  await popup.waitForURL(/\/demo-oauth\/authorize/);
  await popup.getByLabel("Access token lifetime").selectOption(lifetime);
  await popup.getByRole("button", { name: "Approve" }).click();
  await popup.waitForEvent("close");
}

test("sign in to the OAuth demo server, discover, send, refresh an expired token, step up the scope; no token leaves", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "+ Demo server" }).click();
  await page
    .getByRole("list", { name: "Demo servers" })
    .getByRole("button", { name: /^notes/ })
    .click();
  const card = app.server(2);
  await expect(card.getByTestId("discovery-error")).toContainText("It uses OAuth");
  // Needing sign-in asks for attention; signed in reads as done, in another colour.
  await expect(card.getByTestId("sign-in")).toHaveAttribute("data-tone", "attention");

  await approveInPopup(
    page,
    () => card.getByRole("button", { name: "Sign in to notes" }).click(),
    "10",
  );
  await expect(card.getByTestId("sign-in-summary")).toContainText("scopes notes:read");
  await expect(card.getByTestId("discovery-ok")).toContainText("2 tools");
  await expect(card.getByTestId("sign-in")).toHaveAttribute("data-tone", "ok");
  const token = await card.getByLabel("Authorization token").inputValue();
  expect(token).toMatch(/^demo-access\./);
  await card.getByTestId("sign-in-steps").locator("summary").first().click();
  await expect(card.getByTestId("sign-in-step")).toHaveCount(6);
  expect(
    await card
      .getByTestId("sign-in-step")
      .evaluateAll((steps) => steps.map((step) => step.getAttribute("data-kind"))),
  ).toEqual([
    "protected-resource-metadata",
    "authorization-server-metadata",
    "client-registration",
    "authorization-request",
    "authorization-response",
    "token-exchange",
  ]);
  // Each request's headers too, as a protocol log shows them.
  const exchange = card.locator('[data-testid="sign-in-step"][data-kind="token-exchange"]');
  await exchange.locator("summary").click();
  await expect(exchange.getByTestId("sign-in-step-headers").first()).toContainText(
    "content-type: application/x-www-form-urlencoded",
  );

  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await message.fill("call notes.list_notes {}");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const response = page.getByTestId("response");
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toContainText(
    "Rotate the MCP server token",
  );

  // The 10 s token runs out; the next Send refreshes it first.
  await expect(card.getByTestId("token-expiry")).toContainText("expired", { timeout: 15_000 });
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(card.locator('[data-testid="sign-in-step"][data-kind="token-refresh"]')).toHaveCount(
    1,
  );
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).not.toHaveAttribute(
    "data-is-error",
    "true",
  );
  const refreshed = await card.getByLabel("Authorization token").inputValue();
  expect(refreshed).not.toBe(token);

  // Writing needs notes:write: the answer offers to sign in again with the larger scope.
  await message.fill("call notes.add_note {}");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toHaveAttribute(
    "data-is-error",
    "true",
  );
  await approveInPopup(page, () =>
    page.getByRole("button", { name: "Sign in to notes with notes:read notes:write" }).click(),
  );
  await expect(card.getByTestId("sign-in-summary")).toContainText("notes:read notes:write");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).toContainText("Added");
  await expect(response.locator('[data-block-type="mcp_tool_result"]')).not.toHaveAttribute(
    "data-is-error",
    "true",
  );

  // No token (access or refresh) in the share link, the history or the exported code.
  const current = await card.getByLabel("Authorization token").inputValue();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = await page.getByLabel("Share link").inputValue();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Get code" }).click();
  const snippet = (await page.getByTestId("snippet").textContent()) ?? "";
  await page.keyboard.press("Escape");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  for (const place of [link, snippet, stored]) {
    for (const secret of [token, refreshed, current]) expect(place).not.toContain(secret);
    expect(place).not.toMatch(/demo-refresh\.|demo-access\./);
  }
  expect(snippet).toContain("MCP_TOKEN_NOTES");
});
