"use client";

import { useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectServers } from "@/lib/client/store/selectors";
import { Button } from "@/components/ui/button";
import { serverFieldId } from "@/lib/domain/request/field-ids";
import { lazyComponent } from "@/components/ui/lazy-component";
import { RequestFields } from "./request-fields";
import { ServerCard } from "./server-card";

/** Loaded only once an environment is in use: most sessions never need its code. */
const EnvironmentBar = lazyComponent(() =>
  import("@/components/collections/environment-bar").then((module) => module.default),
);

/** Checks evaluate with the tool search's regex engine: their code loads after the page. */
const ChecksSection = lazyComponent(() =>
  import("./checks-section").then((module) => module.default),
);

/** The demo servers' menu: its list loads on the first open. */
const DemoServerMenu = lazyComponent(() =>
  import("./demo-server-menu").then((module) => module.DemoServerMenu),
);

function DemoServerButton() {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button
        variant="ghost"
        size="sm"
        aria-expanded={open}
        aria-controls="demo-server-menu"
        onPointerEnter={DemoServerMenu.prefetch}
        onClick={() => setOpen(!open)}
      >
        + Demo server <span aria-hidden="true">▾</span>
      </Button>
      {open ? <DemoServerMenu onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

/** `onShowResponse`: a re-run from a turn sends, so the response pane is brought forward. */
export function ComposerPane({ onShowResponse }: { onShowResponse: () => void }) {
  const servers = useAppStore(selectServers);
  const addServer = useAppStore((s) => s.addServer);
  const loadDeferredToolsDemo = useAppStore((s) => s.loadDeferredToolsDemo);
  const rememberTokens = useAppStore((s) => s.rememberTokens);
  const setRememberTokens = useAppStore((s) => s.setRememberTokens);
  const resetComposer = useAppStore((s) => s.resetComposer);
  const usesEnvironment = useAppStore((s) => s.activeEnvironment !== null);

  return (
    <div className="space-y-5">
      {usesEnvironment ? <EnvironmentBar /> : null}
      <RequestFields onShowResponse={onShowResponse} />
      <section aria-labelledby="servers-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="servers-heading" className="text-sm font-semibold">
            MCP servers <span className="font-normal text-muted">({servers.length})</span>
          </h2>
          <label className="flex items-center gap-1.5 text-xs text-muted">
            <input
              type="checkbox"
              className="accent-accent"
              checked={rememberTokens}
              aria-describedby="remember-tokens-hint"
              onChange={(event) => setRememberTokens(event.target.checked)}
            />
            Remember tokens on this device
          </label>
        </div>
        {rememberTokens ? (
          <p id="remember-tokens-hint" className="-mt-2 text-right text-[11px] text-muted">
            Kept in plain text in this browser&apos;s storage.
          </p>
        ) : (
          <p id="remember-tokens-hint" className="sr-only">
            If ticked, tokens are kept in plain text in this browser&apos;s storage.
          </p>
        )}
        {servers.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line p-4 text-center text-sm text-muted">
            No MCP server yet. Add one to give the model its tools.
          </p>
        ) : null}
        {servers.map((server, index) => (
          <ServerCard key={server.id} server={server} index={index} count={servers.length} />
        ))}
        {/* The demo servers' list opens across this row: inside the pane, whatever the width. */}
        <div className="relative flex flex-wrap items-center justify-between gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              const serverId = addServer();
              requestAnimationFrame(() =>
                document.getElementById(serverFieldId(serverId, "url"))?.focus(),
              );
            }}
          >
            <span aria-hidden="true">+</span> Add server
          </Button>
          <DemoServerButton />
          <Button
            variant="ghost"
            size="sm"
            title="500 tools deferred behind BM25 tool search, and a message that needs a search"
            onClick={() => void loadDeferredToolsDemo()}
          >
            Deferred tools demo
          </Button>
          <Button variant="ghost" size="sm" onClick={resetComposer}>
            Reset to example
          </Button>
        </div>
      </section>
      <ChecksSection onShowResponse={onShowResponse} />
    </div>
  );
}
