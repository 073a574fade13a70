"use client";

import { useState, type ComponentType } from "react";
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
export function useDialogState() {
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
