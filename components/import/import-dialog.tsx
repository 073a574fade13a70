"use client";

import { useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectComposer } from "@/lib/client/store/selectors";
import { Button } from "@/components/ui/button";
import { CloseDialogButton, Dialog, type LazyDialogProps } from "@/components/ui/dialog";
import { describeImported, importRequest } from "@/lib/domain/import/import-request";
import { defaultNewId } from "@/lib/client/store/app-store";
import { looksLikeCollectionFile } from "@/lib/domain/workspace/collection-file";
import { importCollectionFile } from "@/lib/client/workspace/workspace-client";

/**
 * The Import dialog (loaded on first use, with the importers and their schemas). A clean import
 * closes it; one with migration notes stays open so they can be read.
 */
export default function ImportDialog({ open, onClose }: LazyDialogProps) {
  const replaceComposer = useAppStore((s) => s.replaceComposer);
  const composer = useAppStore(selectComposer);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[] | null>(null);
  // What the last import brought in, in a line (shown with its notes).
  const [summary, setSummary] = useState<string | null>(null);
  const [openedAt, setOpenedAt] = useState(open);
  const [busy, setBusy] = useState(false);

  // Each opening starts without the last one's verdict (the text stays, for another try).
  if (open !== openedAt) {
    setOpenedAt(open);
    if (open) {
      setError(null);
      setNotes(null);
    }
  }

  async function importCollection() {
    setBusy(true);
    const answer = await importCollectionFile(text);
    setBusy(false);
    if (!answer.ok) {
      setError(`The collection was not imported: ${answer.error.message}`);
      setNotes(null);
      return;
    }
    setError(null);
    setSummary(null);
    setNotes([
      `${answer.data.imported} request${answer.data.imported === 1 ? "" : "s"} saved in a new collection, “${answer.data.name}” (open Collections to load one; tokens are asked for when it opens).`,
      ...answer.data.notes,
    ]);
  }

  function runImport() {
    if (looksLikeCollectionFile(text)) {
      void importCollection();
      return;
    }
    const result = importRequest(text, defaultNewId, composer);
    if (!result.success) {
      // The composer is untouched; the pasted text stays for fixing.
      setError(result.error);
      setNotes(null);
      return;
    }
    replaceComposer(result.data.state);
    setError(null);
    setSummary(describeImported(result.data.state));
    if (result.data.notes.length === 0) {
      setText("");
      onClose();
      return;
    }
    setNotes(result.data.notes);
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      id="import"
      title="Import a request"
      className="w-[min(44rem,calc(100vw-2rem))]"
    >
      <p className="mb-2 text-xs text-muted">
        A Messages request (JSON or curl, the deprecated mcp-client-2025-04-04 shape migrated), an
        mcpServers config from Claude Desktop, Claude Code, Cursor or VS Code, or an OpenAI
        Responses request or tool list with mcp tools, or a collection file (YAML or JSON,
        docs/formats.md). A request replaces the composer; a config replaces its servers; a
        collection file becomes a new collection. Every change is listed.
      </p>
      <div className="mb-1 flex items-center justify-between gap-2">
        <label htmlFor="import-text" className="block text-xs font-medium text-muted">
          Request to import
        </label>
        <label className="cursor-pointer text-xs text-accent underline">
          Open a file…
          <input
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/plain"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              if (file.size > 2_000_000) {
                setError(`${file.name} is over 2 MB: a collection file this large is not read.`);
                return;
              }
              void file.text().then((content) => {
                setText(content);
                setError(null);
                setNotes(null);
              });
            }}
          />
        </label>
      </div>
      <textarea
        id="import-text"
        rows={12}
        value={text}
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          // New text is a new import: its verdict is still to come.
          setNotes(null);
        }}
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
          role="status"
          data-testid="import-notes"
          className="mt-2 rounded-md border border-ok/30 bg-ok-soft px-3 py-2 text-sm"
        >
          <p className="font-medium" data-testid="import-summary">
            Imported{summary ? `: ${summary}` : ""}. What changed:
          </p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-3 flex justify-end gap-2">
        {notes ? (
          // Imported: the one thing left to do is to close (editing the text starts over).
          <CloseDialogButton onClose={onClose} />
        ) : (
          <>
            <CloseDialogButton onClose={onClose} variant="secondary">
              Cancel
            </CloseDialogButton>
            <Button variant="primary" onClick={runImport} disabled={!text.trim() || busy}>
              {busy
                ? "Importing…"
                : looksLikeCollectionFile(text)
                  ? "Import collection"
                  : "Import request"}
            </Button>
          </>
        )}
      </div>
    </Dialog>
  );
}
