"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";

export interface SaveFields {
  name: string;
  folder: string;
  description: string;
}

/** Save request: a name (required), a folder and a description; Save updates, Save as new copies. */
export function SaveRequestForm({
  busy,
  ready,
  initial,
  canUpdate,
  onSave,
  onCancel,
}: {
  busy: boolean;
  /** The collections have loaded (a save before then would have nowhere to go). */
  ready: boolean;
  initial: { name: string } | null;
  /** The composer came from a saved request in this collection: Save updates it. */
  canUpdate: boolean;
  onSave: (fields: SaveFields, asNew: boolean) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? "");
  const [folder, setFolder] = useState("");
  const [description, setDescription] = useState("");
  const [touched, setTouched] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  // After the dialog's own opening, which gives focus to its first control.
  useEffect(() => {
    const timer = setTimeout(() => nameRef.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);
  const missing = !name.trim();
  const fields = { name: name.trim(), folder: folder.trim(), description };

  return (
    <form
      aria-label="Save request"
      className="mt-3 grid gap-2 rounded-md border border-line bg-sunken p-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!missing && ready) onSave(fields, !canUpdate);
      }}
    >
      <Field
        id="request-name"
        label="Request name"
        hint={touched && missing ? "A saved request needs a name." : undefined}
      >
        <TextInput
          id="request-name"
          ref={nameRef}
          value={name}
          maxLength={200}
          aria-invalid={touched && missing}
          aria-describedby={touched && missing ? "request-name-hint" : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      {canUpdate ? null : (
        <Field id="request-folder" label="Folder (optional, a/b for a folder in a folder)">
          <TextInput
            id="request-folder"
            value={folder}
            maxLength={500}
            onChange={(event) => setFolder(event.target.value)}
          />
        </Field>
      )}
      <Field id="request-description" label="Description (optional)" className="sm:col-span-2">
        <TextInput
          id="request-description"
          value={description}
          maxLength={10_000}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
      <p className="text-xs text-muted sm:col-span-2">
        Tokens, API keys and URL credentials are never saved: whoever opens it is asked for them.
      </p>
      <div className="flex flex-wrap justify-end gap-2 sm:col-span-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        {canUpdate ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={busy || !ready}
            onClick={() => {
              setTouched(true);
              if (!missing) onSave(fields, true);
            }}
          >
            Save as new
          </Button>
        ) : null}
        <Button size="sm" variant="primary" type="submit" disabled={busy || !ready}>
          {busy ? "Saving…" : ready ? "Save" : "Loading…"}
        </Button>
      </div>
    </form>
  );
}
