"use client";

import { useAppStore } from "@/components/store-provider";

export function RestoreNotice() {
  const restoreError = useAppStore((s) => s.restoreError);
  const dismiss = useAppStore((s) => s.dismissRestoreError);
  if (!restoreError) return null;
  return (
    <div
      role="alert"
      className="flex items-center gap-3 border-b border-warn/30 bg-warn-soft px-4 py-2 text-sm text-warn"
    >
      <span className="flex-1">{restoreError}</span>
      <button type="button" className="cursor-pointer underline" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
