"use client";

import { useEffect, useId, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { lazyComponent } from "@/components/ui/lazy-component";
import { lazyDialog } from "@/components/ui/lazy-dialog";
import { Select } from "@/components/ui/field";
import type { ToolInfo } from "@/lib/domain/request/types";
import { useNow } from "@/components/ui/use-now";
import { ProtocolLog } from "@/components/protocol/protocol-log";
import { selectDiscovery, selectResolvedComposer } from "@/lib/client/store/selectors";
import type { ServerDraft } from "@/lib/domain/request/types";

const DEBOUNCE_MS = 600;

/** Try: call one tool by hand (the dialog and its form load on the first click). */
const TryToolDialog = lazyDialog(() => import("@/components/tool-call/try-tool-dialog"));

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

  const log =
    current?.status === "ok"
      ? current.result.log
      : current?.status === "error"
        ? current.log
        : undefined;
  return (
    <div className="flex items-start gap-2 text-xs">
      <div className="min-w-0 flex-1 pt-1 break-words">
        <p>{status}</p>
        {log ? (
          <ProtocolLog entries={log} label={`Protocol log of ${server.name || "this server"}`} />
        ) : null}
        {current?.status === "ok" && current.result.tools.length ? (
          <TryFromCard
            serverId={written.id}
            serverName={written.name}
            tools={current.result.tools}
          />
        ) : null}
      </div>
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

/** The card's way to Try a tool: pick one of the discovered tools, then Try. */
function TryFromCard({
  serverId,
  serverName,
  tools,
}: {
  serverId: string;
  serverName: string;
  tools: readonly ToolInfo[];
}) {
  const id = useId();
  const [chosen, setChosen] = useState(tools[0]?.name ?? "");
  const [open, setOpen] = useState<string | null>(null);
  const tool = tools.find((candidate) => candidate.name === (open ?? chosen));
  return (
    <div className="mt-1 flex items-center gap-1.5">
      <label htmlFor={id} className="text-muted">
        Call a tool by hand
      </label>
      <Select
        id={id}
        className="w-auto max-w-[12rem] py-0.5 text-xs"
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
      >
        {tools.slice(0, 2000).map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.name}
          </option>
        ))}
      </Select>
      <Button
        size="sm"
        variant="secondary"
        onPointerEnter={TryToolDialog.prefetch}
        onClick={() => setOpen(chosen)}
        disabled={!chosen}
      >
        Try
      </Button>
      {open && tool ? (
        <TryToolDialog
          key={open}
          open
          onClose={() => setOpen(null)}
          serverId={serverId}
          serverName={serverName}
          tool={tool}
        />
      ) : null}
    </div>
  );
}
