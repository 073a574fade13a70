import type { ReactNode } from "react";

export interface PaneFailureProps {
  name: string;
  message: string;
  onRetry: () => void;
}

/** The failure's words, with whatever actions follow them. */
export function PaneFailureFrame({
  name,
  message,
  children,
}: {
  name: string;
  message: string;
  children?: ReactNode;
}) {
  return (
    <div
      role="alert"
      data-testid="pane-error"
      className="space-y-3 rounded-lg border-2 border-danger bg-danger-soft p-4 text-sm"
    >
      <p className="font-semibold text-danger">The {name} could not be shown.</p>
      <p className="break-words text-ink">{message.slice(0, 500)}</p>
      {children}
    </div>
  );
}
