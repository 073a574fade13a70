"use client";

import { useEffect, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectServers } from "@/lib/client/store/selectors";
import { Button } from "@/components/ui/button";
import type { DecodedShare } from "@/lib/domain/share/codec";
import { readShareFragment } from "@/lib/domain/share/fragment";
import { defaultNewId } from "@/lib/client/store/app-store";

type Incoming =
  | { kind: "reading"; value: string }
  | { kind: "offer"; decoded: DecodedShare }
  | { kind: "error"; message: string };

/** The codec (and its schemas) load only when the page was opened from a share link. */
async function decodeIncoming(value: string): Promise<Incoming> {
  try {
    const { decodeShareState } = await import("@/lib/domain/share/codec");
    const result = decodeShareState(value, defaultNewId);
    return result.success
      ? { kind: "offer", decoded: result.data }
      : { kind: "error", message: result.error };
  } catch {
    return { kind: "error", message: "The share link could not be read: reload the page." };
  }
}

/**
 * Opens a share link: asks before replacing the composer, then asks for the tokens the link left
 * out. A broken link is explained and the composer is left as it was. The fragment is removed from
 * the address bar either way. Loaded only when the page was opened from a share link.
 */
export default function SharedLinkBannerBody({ value }: { value: string }) {
  const replaceComposer = useAppStore((s) => s.replaceComposer);
  const servers = useAppStore(selectServers);
  const updateServer = useAppStore((s) => s.updateServer);
  // Applying waits for a click, by which time the saved state has long been restored and cannot
  // overwrite it.
  const [incoming, setIncoming] = useState<Incoming | null>({ kind: "reading", value });
  const [tokenIds, setTokenIds] = useState<string[]>([]);
  const [urlPartIds, setUrlPartIds] = useState<string[]>([]);

  const reading = incoming?.kind === "reading" ? incoming.value : null;
  useEffect(() => {
    if (reading === null) return;
    let current = true;
    void decodeIncoming(reading).then((decoded) => {
      if (current) setIncoming(decoded);
    });
    return () => {
      current = false;
    };
  }, [reading]);

  useEffect(() => {
    // The link has been read; keep the address bar clean (and a reload from asking again).
    if (readShareFragment(window.location.hash) !== null) {
      history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
    }
  }, []);

  const needingToken = servers.filter(
    (server) => tokenIds.includes(server.id) && !server.authorizationToken,
  );
  const missingUrlParts = servers.filter((server) => urlPartIds.includes(server.id));

  if (incoming?.kind === "error") {
    return (
      <div
        role="alert"
        data-testid="share-error"
        className="flex items-center gap-3 border-b border-danger/30 bg-danger-soft px-4 py-2 text-sm"
      >
        <span className="flex-1">{incoming.message} Your composer was left as it was.</span>
        <Button size="sm" variant="ghost" onClick={() => setIncoming(null)}>
          Dismiss
        </Button>
      </div>
    );
  }
  if (incoming?.kind === "offer") {
    const count = incoming.decoded.state.servers.length;
    return (
      <div
        role="alert"
        data-testid="share-offer"
        className="flex flex-wrap items-center gap-3 border-b border-accent/30 bg-accent-soft px-4 py-2 text-sm"
      >
        <span className="flex-1">
          This link holds a shared configuration ({count} MCP server{count === 1 ? "" : "s"}). Open
          it? It replaces your composer.
        </span>
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            replaceComposer(incoming.decoded.state);
            setTokenIds(incoming.decoded.serversNeedingToken);
            setUrlPartIds(incoming.decoded.serversMissingUrlParts);
            setIncoming(null);
          }}
        >
          Open shared configuration
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setIncoming(null)}>
          Keep mine
        </Button>
      </div>
    );
  }
  const urlPartsNote =
    missingUrlParts.length > 0 ? (
      <div
        role="status"
        data-testid="share-url-parts"
        className="flex flex-wrap items-center gap-3 border-b border-warn/30 bg-warn-soft px-4 py-2 text-sm"
      >
        <span className="flex-1">
          The sender left the credentials or query string out of the URL of{" "}
          {missingUrlParts.map((server) => server.name || "an unnamed server").join(", ")} (they
          often hold a key). Complete the URL in its card if the server needs them.
        </span>
        <Button size="sm" variant="ghost" onClick={() => setUrlPartIds([])}>
          Dismiss
        </Button>
      </div>
    ) : null;
  if (needingToken.length === 0) return urlPartsNote;
  return (
    <>
      {urlPartsNote}
      <div
        data-testid="share-tokens"
        className="space-y-1.5 border-b border-warn/30 bg-warn-soft px-4 py-2 text-sm"
      >
        <p>
          The shared configuration had authorization tokens, which links never carry. Enter yours:
        </p>
        <div className="flex flex-wrap gap-3">
          {needingToken.map((server) => (
            <label key={server.id} className="flex items-center gap-1.5 text-xs">
              <span>Token for {server.name || "unnamed server"}</span>
              <input
                type="password"
                autoComplete="off"
                className="rounded border border-line bg-panel px-2 py-1 font-mono"
                onBlur={(event) => {
                  if (event.target.value)
                    updateServer(server.id, { authorizationToken: event.target.value });
                }}
                onKeyDown={(event) => {
                  if (event.key === "Enter" && event.currentTarget.value) {
                    updateServer(server.id, { authorizationToken: event.currentTarget.value });
                  }
                }}
              />
            </label>
          ))}
          <Button size="sm" variant="ghost" onClick={() => setTokenIds([])}>
            Skip
          </Button>
        </div>
      </div>
    </>
  );
}
