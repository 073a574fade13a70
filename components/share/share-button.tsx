"use client";

import { DialogButton, lazyDialog } from "@/components/ui/lazy-dialog";

const ShareDialog = lazyDialog(() => import("./share-dialog"));

/** "Share": the whole composer in the link's fragment (never sent to a server), tokens left out. */
export function ShareButton() {
  return (
    <DialogButton dialog={ShareDialog} dialogProps={{}}>
      Share
    </DialogButton>
  );
}
