import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

// The preview's token line: the playground's estimate always; with the Anthropic API as target,
// the API's own count_tokens too (here the e2e server's ANTHROPIC_BASE_URL is this app's emulator),
// asked after a pause in editing, never once per keystroke.
test("the token line says estimate vs counted by the API, and counts only after a pause", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(app.server(0).getByTestId("discovery-ok")).toBeVisible();
  await expect(app.server(1).getByTestId("discovery-ok")).toBeVisible();
  const estimate = page.getByTestId("token-estimate");
  await expect(estimate).toContainText("estimate");
  await expect(estimate).toContainText(/Up front: ~\d+ tokens of definitions/);
  await expect(page.getByTestId("token-count")).toHaveCount(0);

  const counts: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/messages/count_tokens")) counts.push(request.method());
  });
  await page.getByRole("radio", { name: "Anthropic API" }).check();
  await page.getByLabel("Anthropic API key").fill("e2e-count-key");
  const counted = page.getByTestId("token-count");
  await expect(counted).toHaveAttribute("data-state", "counted", { timeout: 10_000 });
  await expect(counted).toContainText("counted by the API");
  const first = Number(
    /([\d,]+) input tokens/.exec((await counted.textContent()) ?? "")?.[1]?.replace(/,/g, ""),
  );
  expect(first).toBeGreaterThan(0);

  // Typing ten characters in a row asks once, after the pause, not ten times.
  const before = counts.length;
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await message.pressSequentially(" and more", { delay: 40 });
  await expect(counted).toHaveAttribute("data-state", "counted", { timeout: 10_000 });
  expect(counts.length - before).toBe(1);
  const second = Number(
    /([\d,]+) input tokens/.exec((await counted.textContent()) ?? "")?.[1]?.replace(/,/g, ""),
  );
  expect(second).toBeGreaterThan(first);
  expect(await seriousViolations(page, "token line counted by the API")).toEqual([]);
  await page.getByTestId("context-cost").screenshot({ path: "screenshots/token-count.png" });
});
