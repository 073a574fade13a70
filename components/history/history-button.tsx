"use client";

import { useComposer } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { lazyDialog, useDialogState } from "@/components/ui/lazy-dialog";

const HistoryDialog = lazyDialog(() => import("./history-dialog"));

/** "History": every run kept in this browser, newest first; open one, or compare two. */
export function HistoryButton({ onShowResponse }: { onShowResponse: () => void }) {
  const runs = useComposer((s) => s.history.length);
  const dialog = useDialogState();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onPointerEnter={HistoryDialog.prefetch}
        onFocus={HistoryDialog.prefetch}
        onClick={dialog.show}
      >
        History
        {runs ? (
          <span className="rounded-full bg-sunken px-1.5 text-[10px] text-muted">{runs}</span>
        ) : null}
      </Button>
      {dialog.mounted ? (
        <HistoryDialog open={dialog.open} onClose={dialog.close} onShowResponse={onShowResponse} />
      ) : null}
    </>
  );
}
