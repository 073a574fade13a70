import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

test("a discovered tool's row opens to its title, description, annotations and input schema", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(page.getByTestId("discovery-ok").first()).toBeVisible();
  const row = app.mergedRow("calendar", "share_calendar_publicly");
  const toggle = row.getByRole("button", { name: "Details of share_calendar_publicly" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");

  const details = page.locator(`#${await toggle.getAttribute("aria-controls")}`);
  await expect(details).toContainText("Title: Share calendar publicly");
  await expect(details).toContainText("Publish the whole calendar at a public link");
  const hints = details.getByRole("list", { name: "Annotations of share_calendar_publicly" });
  await expect(hints).toContainText("destructiveHint: true");
  await expect(hints).toContainText("openWorldHint: true");
  // The schema block scrolls, so it is reachable by keyboard and named.
  const schema = details.getByLabel("Input schema of share_calendar_publicly");
  await expect(schema).toHaveAttribute("tabindex", "0");
  await expect(schema).toContainText('"type": "object"');

  // A tool with a nested schema shows it whole; closing hides the details again.
  await app
    .mergedRow("calendar", "create_event")
    .getByRole("button", { name: "Details of create_event" })
    .click();
  await expect(page.getByLabel("Input schema of create_event")).toContainText('"reminder"');
  await toggle.click();
  await expect(details).toBeHidden();
  await expect(page.getByLabel("Input schema of create_event")).toBeVisible();
});
