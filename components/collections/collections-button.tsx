"use client";

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { lazyDialog } from "@/components/ui/lazy-dialog";
import { selectHasUnsavedChanges } from "@/lib/client/store/selectors";
import type { CollectionsDialogProps } from "./collections-dialog";

const CollectionsDialog = lazyDialog<CollectionsDialogProps>(() => import("./collections-dialog"));

/**
 * "Collections" in the header, marked when the composer has unsaved changes to the saved request
 * it came from. Ctrl/Cmd+S opens it at its save form from anywhere on the page.
 */
export function CollectionsButton() {
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const [saveRequests, setSaveRequests] = useState(0);
  const openRequest = useAppStore((s) => s.openRequest);
  const dirty = useAppStore(selectHasUnsavedChanges);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        setMounted(true);
        setOpen(true);
        setSaveRequests((count) => count + 1);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onPointerEnter={CollectionsDialog.prefetch}
        onFocus={CollectionsDialog.prefetch}
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
        aria-keyshortcuts="Control+S Meta+S"
        aria-describedby={dirty ? "unsaved-changes" : undefined}
      >
        Collections
        {dirty ? <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full bg-warn" /> : null}
      </Button>
      {dirty ? (
        <span id="unsaved-changes" className="sr-only">
          The composer has unsaved changes to “{openRequest?.name}”.
        </span>
      ) : null}
      {/* In a portal: the header's folded menu (display: none) must not hide the dialog. */}
      {mounted
        ? createPortal(
            <CollectionsDialog
              open={open}
              onClose={() => setOpen(false)}
              saveRequests={saveRequests}
            />,
            document.body,
          )
        : null}
    </>
  );
}
