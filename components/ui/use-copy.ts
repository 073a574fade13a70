"use client";

import { useCallback, useState } from "react";

export type CopyStatus = "idle" | "copied" | "failed";

/** Copies text to the clipboard and says whether it worked (a denied clipboard is common). */
export function useCopy(): {
  status: CopyStatus;
  copy: (text: string) => Promise<void>;
  reset: () => void;
} {
  const [status, setStatus] = useState<CopyStatus>("idle");
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }, []);
  const reset = useCallback(() => setStatus("idle"), []);
  return { status, copy, reset };
}
