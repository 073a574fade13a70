"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { clearSavedData, collectSavedData } from "@/lib/client/store/saved-data";
import { PaneFailureFrame, type PaneFailureProps } from "./pane-failure-frame";

export function PaneFailure({ name, message, onRetry }: PaneFailureProps) {
  const [downloaded, setDownloaded] = useState(false);
  const [confirming, setConfirming] = useState(false);
  function download() {
    const blob = new Blob([collectSavedData(localStorage)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "mcp-playground-saved-data.json";
    link.click();
    URL.revokeObjectURL(link.href);
    setDownloaded(true);
  }
  function reset() {
    if (!downloaded && !confirming) return setConfirming(true);
    clearSavedData(localStorage);
    window.location.replace(window.location.pathname);
  }
  return (
    <PaneFailureFrame name={name} message={message}>
      <p className="text-muted">
        Something this page read (a link, a saved state or a run in the history) has a shape it
        cannot show. The other panes still work. Try again, or keep a copy of what this browser
        saved (tokens left out) and start clean.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
        <Button size="sm" onClick={download}>
          Download saved data
        </Button>
        <Button size="sm" variant="danger" onClick={reset}>
          {confirming ? "Reset without a copy?" : "Reset saved data"}
        </Button>
      </div>
    </PaneFailureFrame>
  );
}
