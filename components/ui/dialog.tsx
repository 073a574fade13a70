import type { ReactNode, RefObject } from "react";
import { cn } from "./cn";

/** A modal <dialog> (focus trap, Escape and backdrop come from the browser) with a titled frame. */
export function Dialog({
  dialogRef,
  id,
  title,
  className,
  children,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
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
