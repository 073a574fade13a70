"use client";

import { useEffect } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy-component";
import { useNow } from "@/components/ui/use-now";
import { selectDiscovery, selectResolvedComposer } from "@/lib/client/store/selectors";
import type { ServerDraft } from "@/lib/domain/request/types";

const DEBOUNCE_MS = 600;

/** Rare (a server listing malformed entries): its code loads only then. */
const MalformedNote = lazyComponent(() =>
  import("./malformed-note").then((module) => module.MalformedNote),
);

function looksReachable(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

/** "Discover tools" for one server: run by hand, and again (debounced) whenever its url or token changes. */
export function DiscoveryStatus({ server: written }: { server: ServerDraft }) {
  const current = useAppStore(selectDiscovery(written.id));
  const discover = useAppStore((s) => s.discover);
  // Discovered as sent: with the active environment's values in its URL and token.
  const server =
    useAppStore((s) =>
      selectResolvedComposer(s).state.servers.find((candidate) => candidate.id === written.id),
    ) ?? written;

  useEffect(() => {
    if (!looksReachable(server.url)) return;
    const timer = setTimeout(() => void discover(server.id), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Re-run only when what the discovery depends on changes: the url and the token.
  }, [discover, server.id, server.url, server.authorizationToken]);

  const now = useNow(5000);
  let status: React.ReactNode;
  if (!looksReachable(server.url))
    status = (
      <span className="text-muted">
        {server.url.includes("{{")
          ? "A {{NAME}} in the URL has no value."
          : "Enter a URL to discover this server's tools."}
      </span>
    );
  else if (!current || current.status === "loading")
    status = (
      <span className="text-muted" data-testid="discovery-loading">
        Discovering tools…
      </span>
    );
  else if (current.status === "error")
    status = (
      <span
        role="alert"
        data-testid="discovery-error"
        data-kind={current.kind}
        className="text-danger"
      >
        {current.message}
      </span>
    );
  else {
    const { result } = current;
    status = (
      <span data-testid="discovery-ok" className="text-muted">
        <strong className="font-medium text-ink">
          {result.tools.length.toLocaleString("en-US")} tools
        </strong>{" "}
        · {result.transport === "sse" ? "SSE" : "Streamable HTTP"}
        {result.server ? ` · ${result.server.name} ${result.server.version}` : ""} ·{" "}
        {formatAge(now - current.at)}
        {result.malformed.length ? (
          <>
            <MalformedNote entries={result.malformed.filter((entry) => !entry.kept)} skipped />
            <MalformedNote
              entries={result.malformed.filter((entry) => entry.kept)}
              skipped={false}
            />
          </>
        ) : null}
      </span>
    );
  }

  return (
    <div className="flex items-start gap-2 text-xs">
      <p className="min-w-0 flex-1 pt-1 break-words">{status}</p>
      <Button
        size="sm"
        variant="secondary"
        disabled={!looksReachable(server.url)}
        onClick={() => void discover(server.id)}
        aria-label={`${current?.status === "ok" ? "Refresh tools of" : "Discover tools of"} ${server.name || "this server"}`}
      >
        {current?.status === "ok" ? "Refresh" : "Discover tools"}
      </Button>
    </div>
  );
}

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  return `${Math.round(seconds / 60)} min ago`;
}
