"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import type { CollectionSummary, SavedRequestSummary } from "@/lib/domain/workspace/wire";

export interface RowChanges {
  name?: string;
  folder?: string;
  collectionId?: string;
}

/** One saved request: its name loads it; Edit renames or moves it; Duplicate; Delete (with Undo). */
export function SavedRequestRow({
  request,
  collections,
  isOpen,
  onLoad,
  onChange,
  onDuplicate,
  onDelete,
}: {
  request: SavedRequestSummary;
  collections: CollectionSummary[];
  isOpen: boolean;
  onLoad: () => void;
  onChange: (changes: RowChanges) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(request.name);
  const [folder, setFolder] = useState(request.folder);
  const [collectionId, setCollectionId] = useState(request.collectionId);

  if (editing) {
    return (
      <form
        aria-label={`Edit ${request.name}`}
        className="flex flex-wrap items-center gap-2 rounded-md border border-line p-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          onChange({ name: name.trim(), folder: folder.trim(), collectionId });
          setEditing(false);
        }}
      >
        <TextInput
          aria-label="Name"
          className="min-w-40 flex-1"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
        <TextInput
          aria-label="Folder"
          className="w-36"
          placeholder="folder"
          value={folder}
          maxLength={500}
          onChange={(event) => setFolder(event.target.value)}
        />
        <Select
          aria-label="Move to collection"
          className="w-40"
          value={collectionId}
          onChange={(event) => setCollectionId(event.target.value)}
        >
          {collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name}
            </option>
          ))}
        </Select>
        <Button size="sm" variant="primary" type="submit">
          Apply
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </form>
    );
  }
  return (
    <div
      className={`flex flex-wrap items-center gap-x-2 rounded-md px-2 py-1 hover:bg-sunken ${isOpen ? "bg-accent-soft" : ""}`}
    >
      <button
        type="button"
        onClick={onLoad}
        className="min-w-0 flex-1 basis-full cursor-pointer text-left sm:basis-0"
        title={request.description || undefined}
      >
        <span className="block truncate text-sm font-medium">{request.name}</span>
        <span className="block truncate text-xs text-muted">
          {request.servers.length ? request.servers.join(", ") : "no MCP servers"} · saved{" "}
          {request.updatedAt.slice(0, 16).replace("T", " ")}
          {request.description ? ` · ${request.description}` : ""}
        </span>
      </button>
      {/* Below the name in a narrow window, beside it in a wide one. */}
      <div className="ml-auto flex gap-1">
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Edit ${request.name}`}
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Duplicate ${request.name}`}
          onClick={onDuplicate}
        >
          Duplicate
        </Button>
        <Button size="sm" variant="danger" aria-label={`Delete ${request.name}`} onClick={onDelete}>
          Delete
        </Button>
      </div>
    </div>
  );
}
