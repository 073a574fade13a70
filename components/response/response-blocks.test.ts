import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StoreProvider } from "@/components/store-provider";
import { droppedImageText } from "@/lib/domain/blocks/image-placeholder";
import { createAppStore } from "@/lib/client/store/app-store";
import { ResponseBlocks } from "./response-blocks";

function render(content: unknown[]) {
  const store = createAppStore({
    origin: "http://localhost:3000",
    storage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
  });
  return renderToStaticMarkup(
    createElement(StoreProvider, {
      origin: "http://localhost:3000",
      store,
      children: createElement(ResponseBlocks, { content: content as never }),
    }),
  );
}

describe("response blocks", () => {
  it("write a call without arguments as name() and one with them as name(…) with its input", () => {
    const bare = render([
      { type: "mcp_tool_use", id: "u1", name: "list_events", server_name: "calendar", input: {} },
    ]);
    expect(bare).toContain("calendar.list_events()</code>");
    expect(bare).not.toContain("(…)");
    const given = render([
      {
        type: "mcp_tool_use",
        id: "u2",
        name: "create_event",
        server_name: "calendar",
        input: { title: "Lunch" },
      },
    ]);
    expect(given).toContain("calendar.create_event(…)</code>");
    expect(given).toContain('tabindex="0" aria-label="Input of calendar.create_event"');
    expect(given).toContain("&quot;title&quot;: &quot;Lunch&quot;");
  });

  it("flag a result whose image the API dropped, loudly", () => {
    const html = render([
      { type: "mcp_tool_use", id: "u1", name: "chart", server_name: "images", input: {} },
      {
        type: "mcp_tool_result",
        tool_use_id: "u1",
        is_error: false,
        content: [{ type: "text", text: `Here:\n${droppedImageText("image/jpeg")}` }],
      },
    ]);
    expect(html).toContain('data-testid="image-dropped"');
    expect(html).toContain("The API dropped an image this tool returned (image/jpeg)");
    expect(
      render([{ type: "mcp_tool_result", tool_use_id: "u1", is_error: false, content: "fine" }]),
    ).not.toContain("image-dropped");
  });

  it("show a tool search as the search it is, what it found (server and tool), and its errors", () => {
    const html = render([
      {
        type: "server_tool_use",
        id: "srvtoolu_1",
        name: "tool_search_tool_regex",
        input: { pattern: "billing_.*", limit: 3 },
      },
      {
        type: "tool_search_tool_result",
        tool_use_id: "srvtoolu_1",
        content: {
          type: "tool_search_tool_search_result",
          tool_references: [{ type: "tool_reference", tool_name: "calendar_list_events" }],
        },
      },
      {
        type: "tool_search_tool_result",
        tool_use_id: "srvtoolu_2",
        content: {
          type: "tool_search_tool_result_error",
          error_code: "invalid_tool_input",
          error_message: "bad pattern",
        },
      },
    ]);
    expect(html).toContain("/billing_.*/i");
    expect(html).toContain("limit 3");
    // The demo state has a "calendar" server: the reference resolves to it and links its row.
    expect(html).toContain('href="#tool-row-calendar-list_events"');
    expect(html).toContain("calendar.list_events");
    expect(html).toContain("SEARCH ERROR");
    expect(html).toContain("invalid_tool_input");
  });
});
