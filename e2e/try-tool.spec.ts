import { expect, test } from "@playwright/test";
import { everythingUrl } from "../playwright.config";
import { PlaygroundPage } from "./pages/playground-page";
import { seriousViolations } from "./support/axe";

// Try: a discovered tool called by hand, with a form built from its inputSchema, against the demo
// calendar (nested object, enum, array, a destructive tool) and server-everything (an image, an
// enum a real server checks, a tool that needs MCP tasks).

test("Try fills a form from the schema, calls the tool and shows its result as the response would", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const app = new PlaygroundPage(page);
  await app.open();
  await expect(app.server(0).getByTestId("discovery-ok")).toBeVisible();
  await app.mergedRow("calendar", "create_event").getByRole("button", { name: "Try" }).click();
  const dialog = page.getByRole("dialog", { name: "Try calendar.create_event" });
  await expect(dialog).toBeVisible();

  // Each field is labelled by its property name; defaults are filled in.
  await expect(dialog.getByLabel("duration_minutes", { exact: true })).toHaveValue("30");
  await expect(dialog.getByLabel("visibility", { exact: true })).toHaveValue('"team"');
  await expect(dialog.getByText("1–1440, whole number")).toBeVisible();
  await dialog.getByLabel("title", { exact: true }).fill("Planning");
  await dialog.getByLabel("visibility", { exact: true }).selectOption({ label: "private" });
  await dialog.getByRole("button", { name: "Add attendees" }).click();
  await dialog.getByRole("button", { name: "Add to attendees" }).click();
  await dialog.getByLabel("attendees 1", { exact: true }).fill("ana@example.com");
  await dialog.getByRole("button", { name: "Add to attendees" }).click();
  await dialog.getByLabel("attendees 2", { exact: true }).fill("bo@example.com");
  await dialog.getByRole("button", { name: "Add reminder" }).click();
  await dialog.getByLabel("method", { exact: true }).selectOption({ label: "email" });
  // reminder.minutes_before is required once there is a reminder.
  const problems = dialog.getByTestId("try-problems");
  await expect(problems).toContainText("reminder.minutes_before is required");
  await dialog.getByLabel("start", { exact: true }).fill("2026-11-24T10:00");
  await dialog.getByLabel("minutes_before", { exact: true }).fill("15");
  await expect(problems).toHaveCount(0);

  // The JSON view holds the same arguments; a broken edit is kept and marked, never lost.
  await dialog.getByRole("button", { name: "JSON", exact: true }).click();
  const json = dialog.getByLabel("Arguments (JSON)");
  expect(JSON.parse(await json.inputValue())).toEqual({
    title: "Planning",
    start: "2026-11-24T10:00",
    duration_minutes: 30,
    visibility: "private",
    attendees: ["ana@example.com", "bo@example.com"],
    reminder: { method: "email", minutes_before: 15 },
  });
  await json.fill('{"title": "Planning", ');
  await expect(dialog.getByRole("alert")).toContainText("Not valid JSON yet");
  await expect(json).toHaveValue('{"title": "Planning", ');
  await dialog.getByRole("button", { name: "Form", exact: true }).click();
  await expect(dialog.getByLabel("minutes_before", { exact: true })).toHaveValue("15");

  await dialog.getByRole("button", { name: "Call", exact: true }).click();
  const result = dialog.getByTestId("try-result");
  await expect(result.locator('[data-block-type="mcp_tool_result"]')).toContainText(
    "Created 'Planning' at 2026-11-24T10:00 for 30 minutes, private, with ana@example.com, bo@example.com, reminder 15 min before by email",
  );
  await expect(result.locator('[data-block-type="mcp_tool_use"]')).toContainText("create_event");
  await expect(dialog.getByTestId("try-duration")).toHaveText(/^took \d+ ms$/);
  await expect(dialog.getByRole("heading", { name: "Result" })).toBeFocused();
  // The call's protocol log: the exchanges in order, the JSON-RPC methods named.
  const callLog = dialog.getByTestId("protocol-log");
  await callLog.locator("summary").click();
  await expect(callLog).toContainText("tools/call");
  await dialog.getByRole("button", { name: "Copy as JSON" }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
    tool: string;
    arguments: Record<string, unknown>;
  };
  expect(copied).toMatchObject({ tool: "create_event", arguments: { title: "Planning" } });
  expect(await seriousViolations(page, "Try dialog with a result, wide and light")).toEqual([]);
  await dialog.screenshot({ path: "screenshots/try-tool.png" });

  // Each card keeps its discovery's protocol log, the token masked.
  await dialog.getByRole("button", { name: "Done" }).click();
  const tasksLog = app.server(1).getByTestId("protocol-log");
  await tasksLog.locator("summary").click();
  await expect(tasksLog).toContainText("tools/list");
  await expect(tasksLog).toContainText("authorization: Bearer ••••");
  await expect(tasksLog).not.toContainText("demo-tasks-token");
  await app.mergedRow("calendar", "create_event").getByRole("button", { name: "Try" }).click();

  // Closing keeps what was typed; the composer is untouched.
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await app.mergedRow("calendar", "create_event").getByRole("button", { name: "Try" }).click();
  await expect(dialog.getByLabel("title", { exact: true })).toHaveValue("Planning");
  await dialog.getByRole("button", { name: "Done" }).click();

  // The server card offers Try too: pick a discovered tool, then Try.
  const calendarCard = app.server(0);
  await calendarCard.getByLabel("Call a tool by hand").selectOption("list_events");
  await calendarCard.getByRole("button", { name: "Try", exact: true }).click();
  const fromCard = page.getByRole("dialog", { name: "Try calendar.list_events" });
  await fromCard.getByRole("button", { name: "Call", exact: true }).click();
  await expect(fromCard.locator('[data-block-type="mcp_tool_result"]')).toContainText(
    "Team stand-up",
  );
  await fromCard.getByRole("button", { name: "Done" }).click();

  // A destructive tool asks first; its refusal comes back loud.
  await app.mergedRow("calendar", "delete_all_events").getByRole("button", { name: "Try" }).click();
  const destructive = page.getByRole("dialog", { name: "Try calendar.delete_all_events" });
  await destructive.getByRole("button", { name: "Call", exact: true }).click();
  await expect(destructive.getByRole("alert")).toContainText("annotated destructive");
  await destructive.getByRole("button", { name: "Call anyway" }).click();
  const failed = destructive.locator('[data-block-type="mcp_tool_result"]');
  await expect(failed).toHaveAttribute("data-is-error", "true");
  await expect(failed).toContainText("Refused: pass confirm: true");
});

test("Try against server-everything: an image result, a real server's enum check, a tool that needs tasks", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  const card = await app.addServer({ name: "everything", url: everythingUrl });
  await expect(card.getByTestId("discovery-ok")).toBeVisible();

  // taskSupport "required" is kept from discovery: marked in the table and warned of.
  await page.getByLabel("Filter tools of everything").fill("research");
  await expect(
    app.mergedRow("everything", "simulate-research-query").getByTestId("needs-tasks"),
  ).toHaveText("needs MCP tasks: the connector cannot call it");
  await expect(
    page.locator('[data-testid="problem"][data-code="task_required_tool_enabled"]'),
  ).toContainText("simulate-research-query");

  await page.getByLabel("Filter tools of everything").fill("tiny-image");
  await app.mergedRow("everything", "get-tiny-image").getByRole("button", { name: "Try" }).click();
  const image = page.getByRole("dialog", { name: "Try everything.get-tiny-image" });
  await expect(image.getByText("This tool takes no input.")).toBeVisible();
  await image.getByRole("button", { name: "Call", exact: true }).click();
  await expect(image.getByTestId("image-dropped")).toContainText("image/png");
  await image.getByRole("button", { name: "Done" }).click();

  await page.getByLabel("Filter tools of everything").fill("structured");
  await app
    .mergedRow("everything", "get-structured-content")
    .getByRole("button", { name: "Try" })
    .click();
  const weather = page.getByRole("dialog", { name: "Try everything.get-structured-content" });
  await weather.getByLabel("location", { exact: true }).selectOption({ label: "Chicago" });
  await weather.getByRole("button", { name: "Call", exact: true }).click();
  await expect(weather.locator('[data-block-type="mcp_tool_result"]')).not.toHaveAttribute(
    "data-is-error",
    "true",
  );
  await expect(weather.getByText("The server's own result (JSON)")).toBeVisible();

  // An input the form cannot produce, through the JSON editor: the schema marks it, the server
  // refuses it, and the refusal is an error result.
  await weather.getByRole("button", { name: "JSON", exact: true }).click();
  await weather.getByLabel("Arguments (JSON)").fill('{"location": "Paris"}');
  await expect(weather.getByTestId("try-problems")).toContainText("location must be one of");
  await weather.getByRole("button", { name: "Call", exact: true }).click();
  await expect(weather.locator('[data-block-type="mcp_tool_result"]')).toHaveAttribute(
    "data-is-error",
    "true",
  );

  // On a phone, in the dark: the dialog fits, its footer stays in view.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(weather.getByRole("button", { name: "Call", exact: true })).toBeInViewport();
  expect(
    await weather.evaluate((node) => node.scrollWidth <= node.clientWidth + 1),
    "the Try dialog fits a 390 px window",
  ).toBe(true);
  expect(await seriousViolations(page, "Try dialog, narrow and dark")).toEqual([]);
  await weather.screenshot({ path: "screenshots/narrow-dark-try-tool.png" });
});
