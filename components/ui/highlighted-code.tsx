import { useMemo, type ComponentProps } from "react";
import { tokenizeJson, type JsonTokenKind } from "@/lib/json/highlight";
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
    <pre className={cn("overflow-auto font-mono text-xs leading-relaxed", className)} {...props}>
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
