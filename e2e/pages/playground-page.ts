import { expect, type Locator, type Page } from "@playwright/test";

/** The playground as a person sees it: found by roles, labels and the UI contract's test ids. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async open(path = "/") {
    await this.page.goto(path);
    await expect(this.page.locator('[data-hydrated="true"]')).toBeVisible();
  }

  server(index: number): Locator {
    return this.page.getByTestId("server-card").nth(index);
  }

  async addServer(fields: { name: string; url: string; token?: string }): Promise<Locator> {
    const before = await this.page.getByTestId("server-card").count();
    await this.page.getByRole("button", { name: "Add server" }).click();
    const card = this.server(before);
    await card.getByLabel("Server name").fill(fields.name);
    await card.getByLabel("Server URL").fill(fields.url);
    if (fields.token) await card.getByLabel("Authorization token").fill(fields.token);
    return card;
  }

  async addToolSetting(card: Locator, tool: string) {
    await card.getByRole("button", { name: "Add tool setting" }).click();
    await card.getByLabel("Tool name").last().fill(tool);
  }

  async choose(card: Locator, radioName: string) {
    await card.getByRole("radio", { name: radioName, exact: true }).check();
  }

  /** Adds a check from the Checks section's menu, by its label ("Tool called", …). */
  async addCheck(label: RegExp) {
    const menu = this.page.getByLabel("Add check");
    const option = menu.locator("option", { hasText: label });
    await menu.selectOption((await option.getAttribute("value")) ?? "");
  }

  mergedRow(server: string, tool: string): Locator {
    return this.page.locator(
      `[data-testid="merged-row"][data-server="${server}"][data-tool="${tool}"]`,
    );
  }

  problems(severity?: "error" | "warning"): Locator {
    const all = this.page.getByTestId("problem");
    return severity ? all.and(this.page.locator(`[data-severity="${severity}"]`)) : all;
  }

  async requestJson(): Promise<unknown> {
    return JSON.parse(
      (await this.page.getByTestId("request-json").textContent()) ?? "null",
    ) as unknown;
  }
}
