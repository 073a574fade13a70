import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import MarkdownText from "./markdown-text";

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text }));

describe("Markdown from models and tools", () => {
  it("turns an image into a link and loads nothing", () => {
    const html = render(
      "Look: ![a chart](https://tracker.example/pixel.png?who=me) and ![](http://x.example/i.gif)",
    );
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://tracker.example/pixel.png?who=me"');
    expect(html).toContain("Image: a chart");
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
  });

  it("renders no raw HTML and no script links", () => {
    const html = render(
      '<img src="https://x.example/a.png"><script>alert(1)</script>[click](javascript:alert(1))',
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
  });
});
