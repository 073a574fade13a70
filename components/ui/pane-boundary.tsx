"use client";

import { Component, type ErrorInfo, type ReactNode } from "react";
import { lazyComponent } from "./lazy-component";

export interface PaneFailureProps {
  name: string;
  message: string;
  onRetry: () => void;
}

/**
 * What a failed pane shows: its words at once, its actions (retry, download, reset) a moment
 * later — they load only when something has failed, not with every page.
 */
const PaneFailure = lazyComponent(
  () => import("./pane-failure").then((module) => module.PaneFailure),
  ({ name, message }: PaneFailureProps) => <PaneFailureFrame name={name} message={message} />,
);

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

/**
 * Keeps one pane's failure from taking the page down: the rest stays usable, and the fallback
 * offers a retry, a download of what the browser saved, then a reset of it.
 */
export class PaneBoundary extends Component<
  { name: string; children: ReactNode },
  { error: Error | null }
> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // The message only: the state it came from may hold what a person typed.
    console.error(
      `[${this.props.name}] could not be shown:`,
      error.message,
      info.componentStack?.split("\n")[1]?.trim(),
    );
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <PaneFailure
        name={this.props.name}
        message={this.state.error.message}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}
