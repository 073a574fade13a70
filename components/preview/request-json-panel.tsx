"use client";

import { useEffect, useRef, useState } from "react";
import { useAppStore, useStoreApi } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { defaultNewId } from "@/lib/client/store/app-store";
import { applyRequestEdit } from "@/lib/domain/import/request-edit";
import {
  buildRequest,
  redactRequest,
  type MessagesRequest,
} from "@/lib/domain/request/build-request";
import { JsonBlock } from "./request-json";

/** How long typing pauses before an edit is applied (one apply per pause, not per key). */
const APPLY_AFTER_MS = 400;

type EditStatus =
  { kind: "unchanged" } | { kind: "applied"; notes: string[] } | { kind: "invalid"; error: string };

/**
 * The Request JSON: shown as sent (placeholders resolved, tokens hidden), or edited by hand.
 * An edit that reads is applied to the composer (so the problems list checks it like any other
 * change); one that does not is kept as typed and marked, and the composer stays as it was.
 */
export function RequestJsonPanel({ request }: { request: MessagesRequest }) {
  const store = useStoreApi();
  const replaceComposer = useAppStore((s) => s.replaceComposer);
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState<EditStatus>({ kind: "unchanged" });
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editing = draft !== null;

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useEffect(() => {
    if (editing) editorRef.current?.focus();
  }, [editing]);

  /** The written composer's request (placeholders as written, not resolved), tokens hidden. */
  function writtenJson(): string {
    return JSON.stringify(redactRequest(buildRequest(store.getState().composer)), null, 2);
  }

  function apply(text: string): EditStatus {
    const result = applyRequestEdit(text, store.getState().composer, defaultNewId);
    if (!result.success) return { kind: "invalid", error: result.error };
    replaceComposer(result.state);
    return { kind: "applied", notes: result.notes };
  }

  function edit(text: string) {
    setDraft(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      setStatus(apply(text));
    }, APPLY_AFTER_MS);
  }

  function finish() {
    // Done applies an edit still waiting for its pause; one already applied is not applied again.
    const pending = timer.current !== null && draft !== null;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const verdict = pending ? apply(draft) : status;
    setStatus(verdict);
    // An edit that does not read stays open: closing would hide (and so lose) what was typed.
    if (verdict.kind !== "invalid") {
      setDraft(null);
      setStatus({ kind: "unchanged" });
    }
  }

  function discard() {
    if (timer.current) clearTimeout(timer.current);
    setDraft(null);
    setStatus({ kind: "unchanged" });
  }

  if (!editing)
    return (
      <div className="space-y-1.5">
        <div className="flex justify-end">
          <Button size="sm" variant="secondary" onClick={() => setDraft(writtenJson())}>
            Edit JSON
          </Button>
        </div>
        <JsonBlock value={redactRequest(request)} label="Request JSON" testId="request-json" />
      </div>
    );

  const invalid = status.kind === "invalid";
  return (
    <div className="space-y-2" data-testid="request-json-editor">
      <p className="text-xs text-muted" id="request-json-edit-help">
        Edits apply to the composer as you type; the Problems list checks them. Tokens show as
        hidden: leave them so to keep the composer&apos;s, or type a new one.
      </p>
      <TextArea
        ref={editorRef}
        value={draft}
        spellCheck={false}
        aria-label="Request JSON (editable)"
        aria-invalid={invalid}
        aria-describedby="request-json-edit-help request-json-edit-status"
        rows={24}
        className="font-mono text-xs"
        onChange={(event) => edit(event.target.value)}
      />
      <div
        id="request-json-edit-status"
        role="status"
        data-testid="request-json-edit-status"
        data-status={status.kind}
        className={invalid ? "text-sm text-danger" : "text-xs text-muted"}
      >
        {status.kind === "invalid" ? (
          <>
            <strong>Not applied:</strong> {status.error} Your text is kept; the composer is as it
            was.
          </>
        ) : status.kind === "applied" ? (
          <>
            Applied to the composer.
            {status.notes.length ? (
              <ul className="mt-1 list-disc pl-5">
                {status.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          "No change yet."
        )}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={discard}>
          {status.kind === "applied" ? "Close editor" : "Discard edit"}
        </Button>
        <Button size="sm" variant="primary" onClick={finish}>
          Done
        </Button>
      </div>
    </div>
  );
}
