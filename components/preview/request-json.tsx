"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { HighlightedCode } from "@/components/ui/highlighted-code";

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
      <HighlightedCode
        code={text}
        aria-label={label}
        data-testid={testId}
        tabIndex={0}
        className="max-h-[32rem] p-3 pr-20"
      />
    </div>
  );
}
