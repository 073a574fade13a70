"use client";

import { Component, type ErrorInfo, type ReactNode } from "react";
import { lazyComponent } from "./lazy-component";
import { PaneFailureFrame, type PaneFailureProps } from "./pane-failure-frame";

/**
 * What a failed pane shows: its words at once, its actions (retry, download, reset) a moment
 * later — they load only when something has failed, not with every page.
 */
const PaneFailure = lazyComponent(
  () => import("./pane-failure").then((module) => module.PaneFailure),
  ({ name, message }: PaneFailureProps) => <PaneFailureFrame name={name} message={message} />,
);

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
