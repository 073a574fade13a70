"use client";

import { DialogButton, lazyDialog } from "@/components/ui/lazy-dialog";

const ImportDialog = lazyDialog(() => import("./import-dialog"));

/** "Import": a request, a curl command, an mcpServers config or an OpenAI request, into the composer. */
export function ImportButton() {
  return (
    <DialogButton dialog={ImportDialog} dialogProps={{}}>
      Import
    </DialogButton>
  );
}
