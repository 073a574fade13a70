import { useMemo, type ComponentProps } from "react";
import { tokenizeJson, type JsonTokenKind } from "@/lib/domain/json/highlight";
import { cn } from "./cn";

const TOKEN_CLASSES: Record<JsonTokenKind, string> = {
  key: "text-code-key",
  string: "text-code-string",
  number: "text-code-number",
  boolean: "text-code-literal",
  null: "text-code-literal",
  punctuation: "text-muted",
  plain: "",
};

/** Code or JSON with its strings, numbers, keys and literals coloured; the text itself unchanged. */
export function HighlightedCode({
  code,
  className,
  ...props
}: { code: string } & ComponentProps<"pre">) {
  const tokens = useMemo(() => tokenizeJson(code), [code]);
  return (
    <pre
      // Focusable, so a keyboard can scroll it (a scrollable region nobody can reach fails WCAG).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={cn(
        "overflow-auto font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:outline-accent",
        className,
      )}
      {...props}
    >
      <code>
        {tokens.map((token, index) =>
          token.kind === "plain" ? (
            token.text
          ) : (
            <span key={index} className={TOKEN_CLASSES[token.kind]}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
