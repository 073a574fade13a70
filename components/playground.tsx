"use client";

import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { ComposerPane } from "@/components/composer/composer-pane";
import { PreviewPane } from "@/components/preview/preview-pane";
import { PreviewProvider, usePreview } from "@/components/preview/use-preview";
import { prefetchResponsePath, ResponsePane } from "@/components/response/response-pane";
import { StoreProvider, useAppStore, useHydrated } from "@/components/store-provider";
import { selectIsSending } from "@/lib/client/store/selectors";
import { ThemeSwitch } from "@/components/theme-switch";
import { GetCodeButton } from "@/components/export/get-code-button";
import { ImportButton } from "@/components/import/import-button";
import { ShareButton } from "@/components/share/share-button";
import { CollectionsButton } from "@/components/collections/collections-button";
import { HistoryButton } from "@/components/history/history-button";
import { SharedLinkBanner } from "@/components/share/shared-link-banner";
import { lazyComponent } from "@/components/ui/lazy-component";
import { ApiKeyBar, TargetSwitch, useServerInfo } from "@/components/target-switch";
import { Button } from "@/components/ui/button";
import { PaneBoundary } from "@/components/ui/pane-boundary";
import { cn } from "@/components/ui/cn";

const PANES = ["composer", "preview", "response"] as const;
type Pane = (typeof PANES)[number];
const PANE_LABELS: Record<Pane, string> = {
  composer: "Composer",
  preview: "Preview",
  response: "Response",
};

const subscribeNever = () => () => undefined;

/**
 * The playground renders in the browser only: its state lives in localStorage and its example
 * points at this page's own origin, neither of which the server knows.
 */
export function Playground() {
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  if (!inBrowser) {
    return (
      <div className="grid h-dvh place-items-center text-sm text-muted" aria-busy="true">
        Loading the playground…
      </div>
    );
  }
  return (
    <PaneBoundary name="playground">
      <StoreProvider origin={window.location.origin}>
        <PreviewProvider>
          <PlaygroundLayout />
        </PreviewProvider>
      </StoreProvider>
    </PaneBoundary>
  );
}

function PlaygroundLayout() {
  // On narrow windows the three panes become tabs; on wide ones all three show and this is ignored.
  const [activePane, setActivePane] = useState<Pane>("composer");
  const hydrated = useHydrated();

  // A problem clicked in the preview asks for its field; the effect runs once the composer pane
  // is shown (on narrow windows it is a hidden tab until then), since a hidden field takes no focus.
  const [focusRequest, setFocusRequest] = useState<{ fieldId: string } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const element = document.getElementById(focusRequest.fieldId);
    const target =
      element instanceof HTMLFieldSetElement
        ? (element.querySelector<HTMLInputElement>("input:checked") ??
          element.querySelector("input"))
        : element;
    target?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [focusRequest]);

  const send = useAppStore((s) => s.send);
  const serverInfo = useServerInfo();
  function sendNow() {
    setActivePane("response");
    void send();
  }
  // Send is one keystroke away anywhere on the page.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        setActivePane("response");
        void send();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [send]);

  function focusField(fieldId: string) {
    setActivePane("composer");
    setFocusRequest({ fieldId });
  }

  return (
    <div className="flex h-dvh flex-col" data-hydrated={hydrated}>
      {/* First in the page: its "Skip to response" link is the first Tab stop. */}
      {hydrated ? <WorkbenchKeys onPane={setActivePane} /> : null}
      <Header onSend={sendNow} onShowResponse={() => setActivePane("response")} />
      <ApiKeyBar serverInfo={serverInfo} />
      <PaneBoundary name="shared link notice">
        <SharedLinkBanner />
        <SecretsPromptWhenAsked />
      </PaneBoundary>
      <RestoreNotice />
      <nav aria-label="Panes" className="border-b border-line bg-panel px-3 lg:hidden">
        <div role="tablist" className="flex gap-1">
          {PANES.map((pane) => (
            <PaneTab
              key={pane}
              pane={pane}
              active={activePane === pane}
              onSelect={() => setActivePane(pane)}
            />
          ))}
        </div>
      </nav>
      <main className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(22rem,1.05fr)_minmax(22rem,1fr)_minmax(18rem,0.85fr)]">
        <PaneFrame pane="composer" active={activePane === "composer"}>
          <ComposerPane onShowResponse={() => setActivePane("response")} />
        </PaneFrame>
        <PaneFrame pane="preview" active={activePane === "preview"}>
          <PreviewPane onFocusField={focusField} />
        </PaneFrame>
        <PaneFrame pane="response" active={activePane === "response"}>
          <ResponsePane />
        </PaneFrame>
      </main>
    </div>
  );
}

function PaneTab({
  pane,
  active,
  onSelect,
}: {
  pane: Pane;
  active: boolean;
  onSelect: () => void;
}) {
  const preview = usePreview();
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${pane}`}
      aria-selected={active}
      aria-controls={`pane-${pane}`}
      onClick={onSelect}
      className={cn(
        "-mb-px cursor-pointer border-b-2 px-3 py-2 text-sm",
        active
          ? "border-accent font-medium text-ink"
          : "border-transparent text-muted hover:text-ink",
      )}
    >
      {PANE_LABELS[pane]}
      {pane === "preview" && preview.errorCount > 0 ? (
        <span className="ml-1.5 rounded-full bg-danger px-1.5 text-[10px] font-bold text-panel">
          {preview.errorCount}
        </span>
      ) : null}
    </button>
  );
}

function PaneFrame({
  pane,
  active,
  children,
}: {
  pane: Pane;
  active: boolean;
  children: ReactNode;
}) {
  return (
    <section
      id={`pane-${pane}`}
      data-pane={pane}
      aria-label={PANE_LABELS[pane]}
      className={cn(
        "min-h-0 overflow-y-auto border-line p-4 lg:block lg:border-r last:lg:border-r-0",
        pane === "composer" ? "bg-canvas" : pane === "preview" ? "bg-canvas" : "bg-panel",
        active ? "block" : "hidden",
      )}
    >
      {/* The target of "Skip to response", F6 and Ctrl+1–3: on narrow windows the tab names it. */}
      <h2
        id={`pane-heading-${pane}`}
        tabIndex={-1}
        className="sr-only text-xs font-semibold tracking-wider text-muted uppercase focus-visible:outline-2 focus-visible:outline-accent lg:not-sr-only lg:mb-3 lg:block"
      >
        {PANE_LABELS[pane]}
      </h2>
      <PaneBoundary name={`${PANE_LABELS[pane].toLowerCase()} pane`}>{children}</PaneBoundary>
    </section>
  );
}

function Header({ onSend, onShowResponse }: { onSend: () => void; onShowResponse: () => void }) {
  const sending = useAppStore(selectIsSending);
  // Below md the secondary actions fold into a menu: the header stays two short rows.
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="relative flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-panel px-3 py-2 md:px-4 md:py-2.5">
      {/* Narrow: the title takes what row one leaves (cut short, never wrapped below). */}
      <div className="flex min-w-0 flex-1 basis-0 items-center gap-2 md:flex-none md:basis-auto">
        <span
          aria-hidden="true"
          className="grid h-6 w-6 shrink-0 place-items-center rounded-md bg-accent text-xs font-bold text-accent-ink"
        >
          M
        </span>
        <h1 className="truncate text-sm font-semibold">MCP Connector Playground</h1>
      </div>
      <div className="max-md:order-1 max-md:basis-full">
        <TargetSwitch />
      </div>
      <div className="ml-auto flex items-center gap-2">
        <Button
          variant="secondary"
          size="icon"
          className="md:hidden"
          aria-label="Menu"
          aria-expanded={menuOpen}
          aria-controls="header-actions"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">☰</span>
        </Button>
        {/* Keys and focus bubble up from its buttons: the container itself is not a control. */}
        {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
        <div
          id="header-actions"
          className={cn(
            "items-center gap-2 md:flex",
            menuOpen
              ? "absolute top-full right-3 z-30 mt-1 flex flex-col items-stretch rounded-lg border border-line bg-panel p-2 shadow-lg md:static md:mt-0 md:flex-row md:items-center md:border-0 md:p-0 md:shadow-none"
              : "hidden",
          )}
          // The menu closes when focus leaves it, or on Escape; it stays under a dialog it opened,
          // so closing that dialog gives focus back to its button.
          onBlur={(event) => {
            const next = event.relatedTarget;
            if (!event.currentTarget.contains(next) && !next?.closest("dialog")) setMenuOpen(false);
          }}
          onKeyDown={(event) => {
            const inDialog = event.target instanceof Element && event.target.closest("dialog");
            if (event.key === "Escape" && menuOpen && !inDialog) setMenuOpen(false);
          }}
        >
          <ThemeSwitch />
          <ImportButton />
          <GetCodeButton />
          <ShareButton />
          <CollectionsButton />
          <HistoryButton onShowResponse={onShowResponse} />
        </div>
        <Button
          variant="primary"
          className="md:min-w-[5.5rem]"
          onClick={onSend}
          onPointerEnter={prefetchResponsePath}
          onFocus={prefetchResponsePath}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title="Send (Ctrl/Cmd+Enter)"
        >
          {sending ? "Sending…" : "Send"}
        </Button>
      </div>
    </header>
  );
}

/** Undo/redo, pane keys, the shortcut list: loaded after the page. */
const WorkbenchKeys = lazyComponent(() =>
  import("@/components/keyboard/workbench-keys").then((module) => module.WorkbenchKeys),
);

const SecretsPrompt = lazyComponent(() =>
  import("@/components/share/secrets-prompt").then((module) => module.default),
);

/** The prompt for tokens a link or saved request left out; its code loads only when it asks. */
function SecretsPromptWhenAsked() {
  const asking = useAppStore((s) => s.secretsPrompt !== null);
  return asking ? <SecretsPrompt /> : null;
}

/** The notice that a saved composer could not be restored: its code loads only then. */
function RestoreNotice() {
  const failed = useAppStore((s) => s.restoreError !== null);
  return failed ? <RestoreNoticeBody /> : null;
}

const RestoreNoticeBody = lazyComponent(() =>
  import("@/components/restore-notice").then((module) => module.RestoreNotice),
);
