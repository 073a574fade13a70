import type { ComponentProps, ReactNode, RefObject } from "react";
import { Button } from "./button";
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

/** The button that closes its dialog: "Done" unless told otherwise. */
export function CloseDialogButton({
  dialogRef,
  children = "Done",
  ...props
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  children?: ReactNode;
} & Omit<ComponentProps<typeof Button>, "onClick" | "children">) {
  return (
    <Button variant="primary" onClick={() => dialogRef.current?.close()} {...props}>
      {children}
    </Button>
  );
}
