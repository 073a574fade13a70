"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { tokenizeJson, type JsonTokenKind } from "@/lib/json/highlight";

const TOKEN_CLASSES: Record<JsonTokenKind, string> = {
  key: "text-code-key",
  string: "text-code-string",
  number: "text-code-number",
  boolean: "text-code-literal",
  null: "text-code-literal",
  punctuation: "text-muted",
  plain: "",
};

export function JsonBlock({
  value,
  label,
  testId,
}: {
  value: unknown;
  label: string;
  testId?: string;
}) {
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  const tokens = useMemo(() => tokenizeJson(text), [text]);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 1500);
  }

  return (
    <div className="relative overflow-hidden rounded-lg border border-line bg-sunken">
      <Button
        size="sm"
        variant="secondary"
        className="absolute top-2 right-2"
        aria-label={`Copy ${label}`}
        onClick={() => void copy()}
      >
        {copied === "copied" ? "Copied" : copied === "failed" ? "Copy failed" : "Copy"}
      </Button>
      <pre
        aria-label={label}
        data-testid={testId}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable block must be reachable by keyboard to scroll it
        tabIndex={0}
        className="max-h-[32rem] overflow-auto p-3 pr-20 font-mono text-xs leading-relaxed"
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
    </div>
  );
}
