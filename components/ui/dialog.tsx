"use client";

import {
  useEffect,
  useRef,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { Button } from "./button";
import { cn } from "./cn";

// The dialog frame loads with each dialog (lazy-dialog.tsx opens them), not with the page.

/**
 * A modal <dialog>, open while `open` is true (focus trap, Escape, backdrop and giving focus back
 * to the opener come from the browser), with a titled frame. Closing by Escape or a button calls
 * `onClose`.
 */
export function Dialog({
  open,
  onClose,
  dialogRef: givenRef,
  id,
  title,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  dialogRef?: RefObject<HTMLDialogElement | null>;
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const dialogRef = givenRef ?? ownRef;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open, dialogRef]);
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      data-testid={`dialog-${id}`}
      // Escape fires `cancel` at once and `close` a task later: the state follows the first, so
      // an opener clicked right after Escape opens it again, and a `close` arriving once it has
      // opened again is not taken for a new close.
      onCancel={onClose}
      onClose={() => {
        if (!dialogRef.current?.open) onClose();
      }}
      onKeyDown={keepFocusInside}
      className={cn(
        "m-auto rounded-lg border border-line bg-panel p-4 text-ink shadow-xl backdrop:bg-black/40",
        className,
      )}
    >
      <h2 id={`${id}-title`} className="mb-2 text-sm font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), summary';

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last: a modal
 * <dialog> makes the page behind it inert, but the browser still lets focus leave for its own UI.
 */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.offsetParent !== null || element === document.activeElement,
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** The button that closes its dialog: "Done" unless told otherwise. */
export function CloseDialogButton({
  onClose,
  children = "Done",
  ...props
}: {
  onClose: () => void;
  children?: ReactNode;
} & Omit<ComponentProps<typeof Button>, "onClick" | "children">) {
  return (
    <Button variant="primary" onClick={onClose} {...props}>
      {children}
    </Button>
  );
}

export type { LazyDialogProps } from "./lazy-dialog";
