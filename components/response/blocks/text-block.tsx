import Markdown from "react-markdown";

/** Model text as Markdown (react-markdown renders no raw HTML, so a response cannot inject any). */
export function TextBlockView({ text }: { text: string }) {
  return (
    <div className="prose-playground text-sm leading-relaxed">
      <Markdown>{text}</Markdown>
    </div>
  );
}
