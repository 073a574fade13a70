"use client";

import { useAppStore } from "@/components/store-provider";
import { DialogButton, lazyDialog } from "@/components/ui/lazy-dialog";

const HistoryDialog = lazyDialog(() => import("./history-dialog"));

/** "History": every run kept in this browser, newest first; open one, or compare two. */
export function HistoryButton({ onShowResponse }: { onShowResponse: () => void }) {
  const runs = useAppStore((s) => s.history.length);
  return (
    <DialogButton dialog={HistoryDialog} dialogProps={{ onShowResponse }}>
      History
      {runs ? (
        <span className="rounded-full bg-sunken px-1.5 text-[10px] text-muted">{runs}</span>
      ) : null}
    </DialogButton>
  );
}
