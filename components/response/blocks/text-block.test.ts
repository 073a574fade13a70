import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { preloadMarkdown, TextBlockView } from "./text-block";

const render = (text: string) => renderToStaticMarkup(createElement(TextBlockView, { text }));

describe("a text block", () => {
  it("shows the text as it is until the Markdown renderer has loaded, then as Markdown", async () => {
    const text = "**bold** <script>alert(1)</script>";
    const before = render(text);
    expect(before).toContain("**bold** &lt;script&gt;");
    expect(before).not.toContain("<script>");
    await preloadMarkdown();
    const after = render(text);
    expect(after).toContain("<strong>bold</strong>");
    expect(after).not.toContain("<script>");
  });
});
