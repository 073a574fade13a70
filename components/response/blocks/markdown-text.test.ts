import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import MarkdownText from "./markdown-text";

describe("model text as Markdown", () => {
  it("makes a code block a focusable, named region (a keyboard can scroll it), and loads no image", () => {
    const html = renderToStaticMarkup(
      createElement(MarkdownText, {
        text: "Here:\n\n```\na very long line\n```\n\n![chart](https://x.test/c.png)",
      }),
    );
    expect(html).toContain('<pre tabindex="0" aria-label="Code block"><code>a very long line');
    expect(html).not.toContain("<img");
  });
});
