"use client";

import { Button } from "@/components/ui/button";
import { lazyDialog, useDialogState } from "@/components/ui/lazy-dialog";

const GetCodeDialog = lazyDialog(() => import("./get-code-dialog"));

/** "Get code": the request Send would send, as curl, TypeScript, Python or a JSON body. */
export function GetCodeButton() {
  const dialog = useDialogState();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onPointerEnter={GetCodeDialog.prefetch}
        onFocus={GetCodeDialog.prefetch}
        onClick={dialog.show}
      >
        Get code
      </Button>
      {dialog.mounted ? <GetCodeDialog open={dialog.open} onClose={dialog.close} /> : null}
    </>
  );
}
