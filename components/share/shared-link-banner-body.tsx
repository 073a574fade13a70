"use client";

import { useEffect, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import type { DecodedShare } from "@/lib/domain/share/codec";
import { readShareFragment } from "@/lib/domain/share/fragment";
import { readShortLinkPath } from "@/lib/domain/workspace/short-link-path";
import { defaultNewId } from "@/lib/client/store/app-store";

/** Where the configuration comes from: the fragment itself, or the server behind a short link. */
export type IncomingLink = { kind: "fragment"; value: string } | { kind: "short"; id: string };

type Incoming =
  | { kind: "reading"; link: IncomingLink }
  | { kind: "offer"; decoded: DecodedShare }
  | { kind: "error"; message: string };

/** A short link's configuration, from the server; its failure (revoked, expired, unknown) in words. */
async function fetchShortLink(id: string): Promise<{ value: string } | { error: string }> {
  const { openShortLink } = await import("@/lib/client/workspace/workspace-client");
  const answer = await openShortLink(id);
  return answer.ok ? { value: answer.data.state } : { error: answer.error.message };
}

/** The codec (and its schemas) load only when the page was opened from a share link. */
async function decodeIncoming(link: IncomingLink): Promise<Incoming> {
  try {
    const { decodeShareState, MAX_STORED_CHARS } = await import("@/lib/domain/share/codec");
    let value: string;
    if (link.kind === "short") {
      const fetched = await fetchShortLink(link.id);
      if ("error" in fetched) return { kind: "error", message: fetched.error };
      value = fetched.value;
    } else {
      value = link.value;
    }
    const result = decodeShareState(
      value,
      defaultNewId,
      link.kind === "short" ? { maxChars: MAX_STORED_CHARS } : {},
    );
    return result.success
      ? { kind: "offer", decoded: result.data }
      : { kind: "error", message: result.error };
  } catch {
    return { kind: "error", message: "The share link could not be read: reload the page." };
  }
}

/**
 * Opens a share link: asks before replacing the composer, then has the prompt under the header ask
 * for the tokens the link left out (components/share/secrets-prompt.tsx). A broken link is explained and the composer is left as it was. The fragment is removed from
 * the address bar either way. Loaded only when the page was opened from a share link.
 */
export default function SharedLinkBannerBody({ link }: { link: IncomingLink }) {
  const replaceComposer = useAppStore((s) => s.replaceComposer);
  const askForSecrets = useAppStore((s) => s.askForSecrets);
  // Applying waits for a click, by which time the saved state has long been restored and cannot
  // overwrite it.
  const [incoming, setIncoming] = useState<Incoming | null>({ kind: "reading", link });

  const reading = incoming?.kind === "reading" ? incoming.link : null;
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
    // The link has been read; keep the address bar clean (and a reload from asking again). A
    // short link's page becomes the playground's own address.
    if (readShortLinkPath(window.location.pathname) !== null) {
      history.replaceState(null, "", `/${window.location.search}`);
    } else if (readShareFragment(window.location.hash) !== null) {
      history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
    }
  }, []);

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
            askForSecrets({
              tokenServerIds: incoming.decoded.serversNeedingToken,
              urlPartServerIds: incoming.decoded.serversMissingUrlParts,
            });
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
  return null;
}
