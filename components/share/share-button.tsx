"use client";

import { Button } from "@/components/ui/button";
import { lazyDialog, useDialogState } from "@/components/ui/lazy-dialog";

const ShareDialog = lazyDialog(() => import("./share-dialog"));

/** "Share": the whole composer in the link's fragment (never sent to a server), tokens left out. */
export function ShareButton() {
  const dialog = useDialogState();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onPointerEnter={ShareDialog.prefetch}
        onFocus={ShareDialog.prefetch}
        onClick={dialog.show}
      >
        Share
      </Button>
      {dialog.mounted ? <ShareDialog open={dialog.open} onClose={dialog.close} /> : null}
    </>
  );
}
