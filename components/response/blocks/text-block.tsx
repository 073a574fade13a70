import { lazyComponent } from "@/components/ui/lazy-component";

/**
 * Model text as Markdown. The renderer loads with the first answer, not with the page (a Send
 * preloads it); until it has, the text shows as it is.
 */
export const TextBlockView = lazyComponent(
  () => import("./markdown-text").then((module) => module.default),
  ({ text }: { text: string }) => (
    <p className="text-sm leading-relaxed whitespace-pre-wrap">{text}</p>
  ),
);

export const preloadMarkdown = TextBlockView.preload;
