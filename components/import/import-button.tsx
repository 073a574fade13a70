"use client";

import { useRef, useState } from "react";
import { useComposer } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { CloseDialogButton, Dialog } from "@/components/ui/dialog";
import { importRequest } from "@/lib/import/import-request";
import { defaultNewId } from "@/lib/store/composer-store";

/** "Import": a JSON body, a curl command, or a deprecated-shape request, into the composer. */
export function ImportButton() {
  const replaceComposer = useComposer((s) => s.replaceComposer);
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[] | null>(null);

  function runImport() {
    const result = importRequest(text, defaultNewId);
    if (!result.success) {
      // The composer is untouched; the pasted text stays for fixing.
      setError(result.error);
      setNotes(null);
      return;
    }
    replaceComposer(result.data.state);
    setError(null);
    setNotes(result.data.notes);
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          setError(null);
          setNotes(null);
          dialog.current?.showModal();
        }}
      >
        Import
      </Button>
      <Dialog
        dialogRef={dialog}
        id="import"
        title="Import a request"
        className="w-[min(44rem,calc(100vw-2rem))]"
      >
        <p className="mb-2 text-xs text-muted">
          A JSON request body, a curl command, or a request in the deprecated mcp-client-2025-04-04
          shape (migrated to mcp_toolset). It replaces the composer.
        </p>
        <label htmlFor="import-text" className="mb-1 block text-xs font-medium text-muted">
          Request to import
        </label>
        <textarea
          id="import-text"
          rows={12}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          className="w-full rounded-md border border-line bg-sunken p-2 font-mono text-xs"
        />
        {error ? (
          <p
            role="alert"
            data-testid="import-error"
            className="mt-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm"
          >
            {error}
          </p>
        ) : null}
        {notes ? (
          <div
            data-testid="import-notes"
            className="mt-2 rounded-md border border-ok/30 bg-ok-soft px-3 py-2 text-sm"
          >
            <p className="font-medium">Imported.{notes.length ? " What changed:" : ""}</p>
            {notes.length ? (
              <ul className="mt-1 list-disc pl-5 text-xs">
                {notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="mt-3 flex justify-end gap-2">
          <CloseDialogButton dialogRef={dialog} variant="secondary">
            {notes ? "Done" : "Cancel"}
          </CloseDialogButton>
          <Button variant="primary" onClick={runImport} disabled={!text.trim()}>
            Import request
          </Button>
        </div>
      </Dialog>
    </>
  );
}
