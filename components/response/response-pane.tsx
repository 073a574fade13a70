"use client";

import { useEffect } from "react";
import { useAppStore } from "@/components/store-provider";
import { lazyComponent } from "@/components/ui/lazy-component";
import { ConversationView } from "@/components/composer/lazy-conversation";
import { prefetchSender } from "@/lib/client/store/run-slice";
import { preloadMarkdown } from "./blocks/text-block";

// The outcome and the blocks load with the first Send (while the request is on its way).
const Outcome = lazyComponent(
  () => import("./response-outcome").then((module) => module.Outcome),
  () => <p className="text-sm text-muted">Showing the response…</p>,
);
const ResponseBlocks = lazyComponent(() =>
  import("./response-blocks").then((module) => module.ResponseBlocks),
);
// The progress line (its timer and Cancel) and the one-sentence announcement: with the blocks.
const Waiting = lazyComponent(
  () => import("./response-progress").then((module) => module.Waiting),
  () => <p className="text-sm text-muted">Waiting for the response…</p>,
);
/** What the pane says before the first Send (a frame after the page, at its own height). */
const EmptyResponse = lazyComponent(
  () => import("./response-progress").then((module) => module.EmptyResponse),
  () => <div className="min-h-48" />,
);
const Announcement = lazyComponent(() =>
  import("./response-progress").then((module) => module.Announcement),
);

/** A pointer on Send (or focus on it): what the Send will need starts loading. */
export function prefetchResponsePath(): void {
  prefetchSender();
  preloadResponseView().catch(() => undefined);
}

/**
 * Loads what shows a response, and the conversation a Reply makes of it: a Send calls it, and
 * tests that render responses.
 */
export function preloadResponseView(): Promise<unknown> {
  return Promise.all([
    Outcome.preload(),
    ResponseBlocks.preload(),
    Waiting.preload(),
    preloadMarkdown(),
    ConversationView.preload(),
  ]);
}

export function ResponsePane() {
  const run = useAppStore((s) => s.run);
  const cancel = useAppStore((s) => s.cancel);
  const snapshot = run.status === "sending" ? run.snapshot : null;
  const answering = run.status !== "idle";
  useEffect(() => {
    if (answering) void preloadResponseView();
  }, [answering]);
  return (
    <div data-testid="response" aria-busy={run.status === "sending"} className="space-y-3">
      <p data-testid="response-announcer" role="status" aria-live="polite" className="sr-only">
        {run.status === "done" ? <Announcement outcome={run.outcome} /> : ""}
      </p>
      {run.status === "idle" ? <EmptyResponse /> : null}
      {run.status === "sending" ? (
        <>
          <Waiting
            startedAt={run.startedAt}
            onCancel={cancel}
            streamedBlocks={snapshot?.message ? snapshot.message.content.length : null}
          />
          {snapshot?.message ? (
            <ResponseBlocks
              content={snapshot.message.content}
              streaming={{ open: snapshot.open, partialInput: snapshot.partialInput }}
            />
          ) : null}
        </>
      ) : null}
      {run.status === "done" ? <Outcome outcome={run.outcome} /> : null}
    </div>
  );
}
