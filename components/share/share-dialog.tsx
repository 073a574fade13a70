"use client";

import { useEffect, useMemo } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectComposer } from "@/lib/client/store/selectors";
import { CloseDialogButton, Dialog, type LazyDialogProps } from "@/components/ui/dialog";
import { useCopy } from "@/components/ui/use-copy";
import { buildShareUrl, MAX_LINK_CHARS, shareLinkOpens } from "@/lib/domain/share/codec";
import { shareUrlNotes } from "@/lib/domain/share/url-notes";
import { ShortLinks } from "./short-links";

/** The Share dialog (loaded on first use, with the link codec): the link, copied as it opens. */
export default function ShareDialog({ open, onClose }: LazyDialogProps) {
  const composer = useAppStore(selectComposer);
  const { status: copied, copy, reset } = useCopy();
  // The composer cannot change while the modal is open: the link is the state it opened on.
  const link = useMemo(
    () =>
      open ? buildShareUrl(`${window.location.origin}${window.location.pathname}`, composer) : null,
    [open, composer],
  );
  useEffect(() => {
    if (link) void copy(link);
    else reset();
  }, [link, copy, reset]);
  const withTokens = composer.servers
    .filter((server) => server.authorizationToken)
    .map((server) => server.name);
  const urlNotes = shareUrlNotes(composer.servers);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      id="share"
      title="Share this configuration"
      className="w-[min(36rem,calc(100vw-2rem))]"
    >
      <label htmlFor="share-link" className="mb-1 block text-xs font-medium text-muted">
        Share link
      </label>
      <textarea
        id="share-link"
        readOnly
        rows={4}
        value={link ?? ""}
        onFocus={(event) => event.currentTarget.select()}
        className="w-full resize-none rounded-md border border-line bg-sunken p-2 font-mono text-xs break-all"
      />
      <p className="mt-2 text-xs text-muted" role="status">
        {copied === "copied"
          ? "Copied to the clipboard. "
          : copied === "failed"
            ? "Copy it from the box above. "
            : ""}
        {link ? `${link.length} characters. ` : ""}
        Tokens are never in the link
        {withTokens.length
          ? `: whoever opens it is asked for the token of ${withTokens.join(", ")}.`
          : "."}
      </p>
      {urlNotes.length ? (
        <ul data-testid="share-url-notes" className="mt-2 space-y-1 text-xs">
          {urlNotes.map((note) => (
            <li
              key={note.text}
              role={note.warning ? "alert" : undefined}
              className={
                note.warning ? "rounded-md bg-warn-soft px-2 py-1.5 text-warn" : "text-muted"
              }
            >
              {note.text}
            </li>
          ))}
        </ul>
      ) : null}
      {link && !shareLinkOpens(link) ? (
        <p role="alert" className="mt-2 rounded-md bg-warn-soft px-2 py-1.5 text-xs text-warn">
          This link is too long to open: its configuration is over {MAX_LINK_CHARS.toLocaleString()}{" "}
          characters, most likely the conversation&apos;s tool results. Remove earlier turns (or
          &ldquo;Start over&rdquo;) and share again.
        </p>
      ) : null}
      <ShortLinks composer={composer} />
      <div className="mt-3 flex justify-end">
        <CloseDialogButton onClose={onClose} />
      </div>
    </Dialog>
  );
}
