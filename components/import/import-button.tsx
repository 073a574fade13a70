"use client";

import { Button } from "@/components/ui/button";
import { lazyDialog, useDialogState } from "@/components/ui/lazy-dialog";

const ImportDialog = lazyDialog(() => import("./import-dialog"));

/** "Import": a JSON body, a curl command, or a deprecated-shape request, into the composer. */
export function ImportButton() {
  const dialog = useDialogState();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onPointerEnter={ImportDialog.prefetch}
        onFocus={ImportDialog.prefetch}
        onClick={dialog.show}
      >
        Import
      </Button>
      {dialog.mounted ? <ImportDialog open={dialog.open} onClose={dialog.close} /> : null}
    </>
  );
}
