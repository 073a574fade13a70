"use client";

import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { HighlightedCode } from "@/components/ui/highlighted-code";
import { useCopy } from "@/components/ui/use-copy";

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
  const { status: copied, copy, reset } = useCopy();

  async function copyText() {
    await copy(text);
    setTimeout(reset, 1500);
  }

  return (
    <div className="relative overflow-hidden rounded-lg border border-line bg-sunken">
      <Button
        size="sm"
        variant="secondary"
        className="absolute top-2 right-2"
        aria-label={`Copy ${label}`}
        onClick={() => void copyText()}
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
