import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";

/**
 * Markdown from models and tools never loads anything by itself: an image becomes a link the
 * person may choose to open (a remote image would tell its server who read the answer, and when).
 */
const components: Components = {
  img: ({ src, alt }) => {
    const href = typeof src === "string" ? src : "";
    return (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" data-markdown-image="">
        <span aria-hidden="true">🖼 </span>
        {alt ? `Image: ${alt}` : "Image"} <span className="break-all text-muted">({href})</span>
      </a>
    );
  },
  // A code block scrolls sideways: focusable and named, so a keyboard can scroll it too.
  pre: ({ children }: ComponentProps<"pre">) => (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <pre tabIndex={0} aria-label="Code block">
      {children}
    </pre>
  ),
  a: ({ href, children }: ComponentProps<"a">) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
};

/**
 * Model text as Markdown (react-markdown renders no raw HTML, so a response cannot inject any).
 * Loaded with the first answer (components/response/blocks/text-block.tsx), not with the page.
 */
export default function MarkdownText({ text }: { text: string }) {
  return (
    <div className="prose-playground text-sm leading-relaxed">
      <Markdown components={components}>{text}</Markdown>
    </div>
  );
}
