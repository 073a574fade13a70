"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { SendOutcome } from "@/lib/domain/api/send-outcome";

export function Waiting({
  startedAt,
  onCancel,
  streamedBlocks,
}: {
  startedAt: number;
  onCancel: () => void;
  /** null until a stream's first event (or for an unstreamed request). */
  streamedBlocks: number | null;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <div
      className="flex items-center gap-3 rounded-lg border border-line bg-sunken px-3 py-3"
      data-testid="sending"
    >
      <span
        aria-hidden="true"
        className="h-4 w-4 animate-spin rounded-full border-2 border-line border-t-accent"
      />
      <span className="text-sm">
        {streamedBlocks === null
          ? "Waiting for the response…"
          : `Streaming… ${streamedBlocks} block${streamedBlocks === 1 ? "" : "s"} so far,`}{" "}
        {((now - startedAt) / 1000).toFixed(1)} s
      </span>
      <Button size="sm" variant="secondary" className="ml-auto" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

/**
 * What a screen reader hears when a response lands: one short sentence, not the whole answer
 * (which is there to read, block by block).
 */
export function Announcement({ outcome }: { outcome: SendOutcome }): string {
  if (!outcome.ok) return `The request failed: ${outcome.error.type}: ${outcome.error.message}`;
  const blocks = outcome.message.content.length;
  const failedTools = outcome.message.content.filter(
    (block) => block.type === "mcp_tool_result" && block.is_error,
  ).length;
  return `Response received: ${blocks} block${blocks === 1 ? "" : "s"}, stop reason ${outcome.message.stop_reason ?? "none"}.${failedTools ? ` ${failedTools} tool call${failedTools === 1 ? "" : "s"} failed.` : ""}`;
}

export function EmptyResponse() {
  return (
    <div className="grid min-h-48 place-items-center">
      <div className="max-w-xs space-y-2 text-center">
        <div
          aria-hidden="true"
          className="mx-auto grid h-10 w-10 place-items-center rounded-full bg-sunken text-lg text-muted"
        >
          ⇢
        </div>
        <p className="text-sm font-medium">No response yet</p>
        <p className="text-xs text-muted">
          Press <kbd className="rounded border border-line px-1 font-mono">Ctrl</kbd>+
          <kbd className="rounded border border-line px-1 font-mono">Enter</kbd> or Send. The blocks
          appear here in order: text, <code className="font-mono">mcp_tool_use</code>,{" "}
          <code className="font-mono">mcp_tool_result</code>, …
        </p>
      </div>
    </div>
  );
}
