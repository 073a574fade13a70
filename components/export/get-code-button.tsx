"use client";

import { DialogButton, lazyDialog } from "@/components/ui/lazy-dialog";

const GetCodeDialog = lazyDialog(() => import("./get-code-dialog"));

/** "Get code": the request (or its servers) in every form it can leave in: code, batch, configs. */
export function GetCodeButton() {
  return (
    <DialogButton dialog={GetCodeDialog} dialogProps={{}}>
      Get code
    </DialogButton>
  );
}
