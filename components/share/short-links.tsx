"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useCopy } from "@/components/ui/use-copy";
import type { ComposerState } from "@/lib/domain/request/types";
import { encodeShareState } from "@/lib/domain/share/codec";
import {
  markMadeLinkRevoked,
  readMadeLinks,
  rememberMadeLink,
  type MadeLink,
} from "@/lib/client/workspace/made-links";
import { createShortLink, revokeShortLink } from "@/lib/client/workspace/workspace-client";

type Creating =
  | { status: "idle" }
  | { status: "creating" }
  | { status: "made"; url: string }
  | { status: "failed"; message: string };

function summaryOf(composer: ComposerState): string {
  const names = composer.servers.map((server) => server.name || "unnamed").join(", ");
  return (names ? `${composer.model} · ${names}` : composer.model).slice(0, 300);
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Short links: the configuration stored on the server behind /s/<id>, for links too long to paste
 * or that must be withdrawn later. This browser keeps each link's revoke key.
 */
export function ShortLinks({ composer }: { composer: ComposerState }) {
  const [creating, setCreating] = useState<Creating>({ status: "idle" });
  const [links, setLinks] = useState<MadeLink[]>(() => readMadeLinks(localStorage));
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const { status: copied, copy } = useCopy();

  async function create() {
    setCreating({ status: "creating" });
    const answer = await createShortLink(encodeShareState(composer));
    if (!answer.ok) {
      setCreating({
        status: "failed",
        message: `No short link was made: ${answer.error.message}`,
      });
      return;
    }
    const url = `${window.location.origin}${answer.data.path}`;
    setLinks(
      rememberMadeLink(localStorage, {
        id: answer.data.id,
        path: answer.data.path,
        revokeKey: answer.data.revokeKey,
        createdAt: new Date().toISOString(),
        expiresAt: answer.data.expiresAt,
        summary: summaryOf(composer),
      }),
    );
    setCreating({ status: "made", url });
    void copy(url);
  }

  async function revoke(link: MadeLink) {
    setRevokeError(null);
    const answer = await revokeShortLink(link.id, link.revokeKey);
    // A link the server no longer knows is as good as revoked.
    if (answer.ok || answer.error.kind === "link_unknown") {
      setLinks(markMadeLinkRevoked(localStorage, link.id, new Date().toISOString()));
    } else {
      setRevokeError(`The link was not revoked: ${answer.error.message}`);
    }
  }

  return (
    <section aria-labelledby="short-links-title" className="mt-4 border-t border-line pt-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="short-links-title" className="flex-1 text-xs font-semibold">
          Short link
        </h3>
        <Button
          size="sm"
          variant="secondary"
          disabled={creating.status === "creating"}
          onClick={() => void create()}
        >
          {creating.status === "creating" ? "Creating…" : "Create short link"}
        </Button>
      </div>
      <p className="mt-1 text-xs text-muted">
        Kept on this playground&apos;s server (without tokens or URL credentials) until it expires
        or you revoke it. Anyone with the link can open it.
      </p>
      {creating.status === "made" ? (
        <div className="mt-2 flex items-center gap-2">
          <label htmlFor="short-link" className="sr-only">
            Short link
          </label>
          <input
            id="short-link"
            readOnly
            value={creating.url}
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClass} font-mono text-xs`}
          />
          <Button size="sm" variant="secondary" onClick={() => void copy(creating.url)}>
            {copied === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
      ) : null}
      {creating.status === "failed" ? (
        <p role="alert" className="mt-2 rounded-md bg-danger-soft px-2 py-1.5 text-xs text-danger">
          {creating.message}
        </p>
      ) : null}
      {links.length ? (
        <div className="mt-3">
          <h4 className="text-xs font-medium text-muted">Links made in this browser</h4>
          <ul data-testid="made-links" className="mt-1 max-h-48 space-y-1 overflow-y-auto text-xs">
            {links.map((link) => (
              <li key={link.id} className="flex items-center gap-2 rounded-md bg-sunken px-2 py-1">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-mono">{link.path}</span>
                  <span className="block truncate text-muted">
                    {link.summary} ·{" "}
                    {link.revokedAt
                      ? `revoked ${day(link.revokedAt)}`
                      : `expires ${day(link.expiresAt)}`}
                  </span>
                </span>
                {link.revokedAt ? (
                  <span className="text-muted">Revoked</span>
                ) : (
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={`Revoke ${link.path}`}
                    onClick={() => void revoke(link)}
                  >
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {revokeError ? (
        <p role="alert" className="mt-2 rounded-md bg-danger-soft px-2 py-1.5 text-xs text-danger">
          {revokeError}
        </p>
      ) : null}
    </section>
  );
}
