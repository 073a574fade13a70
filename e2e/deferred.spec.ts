import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { serveHandler } from "../test/support/serve-handler";
import { PlaygroundPage } from "./pages/playground-page";

/** An MCP server this test controls: its tools can change, and its tools/list calls are counted. */
async function startMutableServer() {
  const state = {
    extraTool: false,
    description: "Returns the thing",
    toolListCalls: 0,
  };
  const served = await serveHandler(async (request) => {
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => null);
    if ((body as { method?: unknown } | null)?.method === "tools/list") state.toolListCalls += 1;
    const server = new McpServer({ name: "mutable", version: "1.0.0" });
    server.registerTool(
      "get_thing",
      { description: state.description, inputSchema: { id: z.string().default("t1") } },
      ({ id }) => ({ content: [{ type: "text", text: `thing ${id}` }] }),
    );
    if (state.extraTool)
      server.registerTool("new_tool", { description: "Arrived later" }, () => ({ content: [] }));
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    return transport.handleRequest(request);
  });
  return { state, url: `${served.origin}/mcp`, close: served.close };
}

test("the deferred-tools demo: Send shows the search, what it found, then the call, in order", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open();
  await page.getByRole("button", { name: "Deferred tools demo" }).click();
  await expect(app.server(0).getByTestId("discovery-ok")).toContainText("500 tools");
  await expect(page.getByTestId("context-cost")).toContainText("tool search saves");

  // The preview's own search runs the same BM25 code.
  await page.getByLabel("Search the deferred tools").fill("billing_export_040");
  await expect(page.getByTestId("try-search-results").getByRole("link").first()).toHaveText(
    "catalog.billing_export_040",
  );

  await page.getByRole("button", { name: "Send", exact: true }).click();
  const blocks = page.getByTestId("response").locator("[data-block-type]");
  await expect(blocks).toHaveCount(6);
  expect(
    await blocks.evaluateAll((list) => list.map((block) => block.getAttribute("data-block-type"))),
  ).toEqual([
    "text",
    "server_tool_use",
    "tool_search_tool_result",
    "mcp_tool_use",
    "mcp_tool_result",
    "text",
  ]);
  await expect(blocks.nth(1).getByTestId("search-input")).toHaveText("“billing_export_040”");
  await expect(blocks.nth(2).getByTestId("search-results").getByRole("link").first()).toHaveText(
    "catalog.billing_export_040",
  );
  await expect(blocks.nth(3)).toContainText("catalog.billing_export_040");
});

test("a pinned tool list: the live server drifts, and the drift is shown with a diff", async ({
  page,
}) => {
  const server = await startMutableServer();
  try {
    const app = new PlaygroundPage(page);
    await app.open();
    const card = await app.addServer({ name: "mutable", url: server.url });
    await expect(card.getByTestId("discovery-ok")).toContainText("1 tools");
    await card.getByRole("button", { name: "Pin this tool list of mutable" }).click();
    await expect(card.getByTestId("pin-controls")).toContainText("Pinned: 1 tools");
    await expect(page.getByLabel("MCP beta (mcp-client-…)")).toHaveValue("mcp-client-2026-09-15");
    await expect(app.mergedRow("mutable", "get_thing")).toHaveAttribute(
      "data-tool-source",
      "pinned",
    );

    server.state.extraTool = true;
    server.state.description = "Returns the thing, now in colour";
    await card.getByRole("button", { name: "Refresh tools of mutable" }).click();
    await expect(card.getByTestId("pin-controls")).toContainText("drifted: 1 added, 1 changed");
    const drift = page.getByTestId("pin-drift");
    await drift.locator("summary").click();
    await expect(drift.locator('[data-diff="added"]')).toContainText("new_tool");
    await expect(drift.locator('[data-diff="changed"]')).toContainText("now in colour");
    // The pinned list, not the live one, is what the request sends.
    await expect(app.mergedRow("mutable", "new_tool")).toHaveCount(0);

    await card.getByRole("button", { name: "Re-pin the tool list of mutable" }).click();
    await expect(page.getByTestId("pin-drift")).toHaveCount(0);
    await expect(app.mergedRow("mutable", "new_tool")).toHaveCount(1);
  } finally {
    await server.close();
  }
});

test("mcp-client-2026-09-15: the answer starts with the listing, and the next turn sends it back instead of asking again", async ({
  page,
}) => {
  const server = await startMutableServer();
  try {
    const app = new PlaygroundPage(page);
    await app.open();
    await app.addServer({ name: "mutable", url: server.url });
    await expect(app.server(2).getByTestId("discovery-ok")).toBeVisible();
    await page.getByLabel("MCP beta (mcp-client-…)").selectOption("mcp-client-2026-09-15");
    const message = page.getByRole("textbox", { name: "Message", exact: true });
    await message.fill("call mutable.get_thing {}");
    const before = server.state.toolListCalls;
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const blocks = page.getByTestId("response").locator("[data-block-type]");
    await expect(blocks.first()).toHaveAttribute("data-block-type", "mcp_tool_listing");
    await expect(
      page.getByTestId("response").locator('[data-block-type="mcp_tool_result"]'),
    ).toContainText("thing t1");
    expect(server.state.toolListCalls).toBe(before + 1);

    await page.getByRole("button", { name: "Reply" }).click();
    await message.fill('call mutable.get_thing {"id": "t2"}');
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(
      page.getByTestId("response").locator('[data-block-type="mcp_tool_result"]'),
    ).toContainText("thing t2");
    await expect(
      page.getByTestId("response").locator('[data-block-type="mcp_tool_listing"]'),
    ).toHaveCount(0);
    expect(server.state.toolListCalls).toBe(before + 1);
  } finally {
    await server.close();
  }
});
