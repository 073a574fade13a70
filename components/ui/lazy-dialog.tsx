"use client";

import { useState, type ComponentType, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Button } from "./button";
import { lazyComponent } from "./lazy-component";

export interface LazyDialogProps {
  open: boolean;
  onClose: () => void;
}

/**
 * A dialog whose code loads when it is first wanted, not with the page: `preload` on the opener's
 * hover or focus fetches it early, so the first open rarely waits. Once opened it stays mounted,
 * so what was typed in it survives closing.
 */
export function lazyDialog<Props extends LazyDialogProps>(
  load: () => Promise<{ default: ComponentType<Props> }>,
) {
  return lazyComponent(() => load().then((module) => module.default));
}

/** Opening state of a lazy dialog: `mounted` from the first open on, `open` while shown. */
function useDialogState() {
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  return {
    open,
    mounted,
    show: () => {
      setMounted(true);
      setOpen(true);
    },
    close: () => setOpen(false),
  };
}

type LazyDialog<Props extends LazyDialogProps> = ReturnType<typeof lazyDialog<Props>>;

/**
 * A header button that opens a lazy dialog: its code is fetched on hover or focus, and the dialog
 * is mounted from the first click on. `dialogProps` are the dialog's own props beyond open/close.
 */
export function DialogButton<Props extends LazyDialogProps>({
  dialog: Dialog,
  dialogProps,
  children,
}: {
  dialog: LazyDialog<Props>;
  dialogProps: Omit<Props, keyof LazyDialogProps>;
  children: ReactNode;
}) {
  const state = useDialogState();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onPointerEnter={Dialog.prefetch}
        onFocus={Dialog.prefetch}
        onClick={state.show}
      >
        {children}
      </Button>
      {/* In a portal: the header's folded menu (display: none) must not hide an open dialog. */}
      {state.mounted
        ? createPortal(
            <Dialog {...(dialogProps as Props)} open={state.open} onClose={state.close} />,
            document.body,
          )
        : null}
    </>
  );
}
