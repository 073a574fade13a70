"use client";

import { useCallback, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { selectComposer, selectHasUnsavedChanges } from "@/lib/client/store/selectors";
import { defaultNewId } from "@/lib/client/store/app-store";
import type { CollectionSummary, SavedRequestSummary } from "@/lib/domain/workspace/wire";
import { composerFingerprint } from "@/lib/domain/workspace/fingerprint";
import { useSavedRequests } from "./use-saved-requests";
import { SaveRequestForm, type SaveFields } from "./save-request-form";
import { SavedRequestRow, type RowChanges } from "./saved-request-row";
import { EnvironmentsEditor } from "./environments-editor";
import { openSavedRequest, saveComposer } from "@/lib/client/workspace/saved-request-actions";
import { collectionExportUrl } from "@/lib/client/workspace/workspace-client";
import { lazyComponent } from "@/components/ui/lazy-component";

/** Run collection's panel and its runner client load when it is first opened. */
const CollectionRunPanel = lazyComponent(
  () => import("./collection-run-panel").then((module) => module.default),
  () => <p className="mt-3 text-xs text-muted">Loading Run collection…</p>,
);

export interface CollectionsDialogProps {
  open: boolean;
  onClose: () => void;
  /** Grows each time Save request (or Ctrl/Cmd+S) asks for the save form. */
  saveRequests: number;
}

type Toast = { message: string; undo?: () => void; error?: boolean } | null;

/**
 * The Collections panel: collections of saved requests (folders inside), searchable and paged;
 * Save request stores the composer (tokens never leave the browser), a click loads one back.
 * Loaded on first use.
 */
export default function CollectionsDialog({ open, onClose, saveRequests }: CollectionsDialogProps) {
  const composer = useAppStore(selectComposer);
  const openRequest = useAppStore((s) => s.openRequest);
  const setOpenRequest = useAppStore((s) => s.setOpenRequest);
  const replaceComposer = useAppStore((s) => s.replaceComposer);
  const askForSecrets = useAppStore((s) => s.askForSecrets);
  const list = useSavedRequests(open, openRequest?.collectionId ?? null);
  const [saving, setSaving] = useState<"closed" | "form" | "busy">("closed");
  const [toast, setToast] = useState<Toast>(null);
  const [newCollection, setNewCollection] = useState<string | null>(null);
  const [editingEnvironments, setEditingEnvironments] = useState(false);
  const [runningCollection, setRunningCollection] = useState(false);
  const currentCollection = list.collections.find((entry) => entry.id === list.collectionId);

  // Each opening starts without the last one's message (state adjusted while rendering).
  const [openedAt, setOpenedAt] = useState(open);
  if (open !== openedAt) {
    setOpenedAt(open);
    if (open) setToast(null);
  }

  // Each Save request / Ctrl+S from outside opens the form (state adjusted while rendering).
  const [seenSaveRequests, setSeenSaveRequests] = useState(0);
  if (saveRequests !== seenSaveRequests) {
    setSeenSaveRequests(saveRequests);
    if (saveRequests > 0) setSaving("form");
  }

  const say = useCallback((message: string, extra: Omit<NonNullable<Toast>, "message"> = {}) => {
    setToast({ message, ...extra });
  }, []);

  async function save(fields: SaveFields, asNew: boolean) {
    if (!list.collectionId) return;
    setSaving("busy");
    const outcome = await saveComposer({
      composer,
      fields,
      collectionId: list.collectionId,
      openRequestId: asNew ? null : (openRequest?.id ?? null),
    });
    if (!outcome.ok) {
      setSaving("form");
      say(`Not saved: ${outcome.message}`, { error: true });
      return;
    }
    setOpenRequest({
      id: outcome.saved.id,
      collectionId: outcome.saved.collectionId,
      name: outcome.saved.name,
      fingerprint: composerFingerprint(composer),
    });
    setSaving("closed");
    say(`Saved “${outcome.saved.name}”.`);
    list.reload();
  }

  async function load(request: SavedRequestSummary) {
    const outcome = await openSavedRequest(request.id, composer, defaultNewId);
    if (!outcome.ok) {
      say(outcome.message, { error: true });
      return;
    }
    replaceComposer(outcome.state);
    askForSecrets({
      tokenServerIds: outcome.stillNeedingToken,
      urlPartServerIds: outcome.missingUrlParts,
    });
    setOpenRequest({
      id: request.id,
      collectionId: request.collectionId,
      name: request.name,
      fingerprint: composerFingerprint(outcome.state),
    });
    onClose();
  }

  async function change(request: SavedRequestSummary, changes: RowChanges) {
    const answer = await list.update(request.id, changes);
    if (!answer.ok) return say(`Not changed: ${answer.error.message}`, { error: true });
    if (openRequest?.id === request.id && changes.name) {
      setOpenRequest({ ...openRequest, name: changes.name });
    }
    say(
      changes.collectionId && changes.collectionId !== request.collectionId
        ? `Moved “${request.name}”.`
        : `Changed “${changes.name ?? request.name}”.`,
    );
  }

  async function duplicate(request: SavedRequestSummary) {
    const answer = await list.duplicate(request);
    say(
      answer.ok
        ? `Duplicated as “${answer.data.name}”.`
        : `Not duplicated: ${answer.error.message}`,
      {
        error: !answer.ok,
      },
    );
  }

  async function remove(request: SavedRequestSummary) {
    const answer = await list.remove(request.id);
    if (!answer.ok) return say(`Not deleted: ${answer.error.message}`, { error: true });
    if (openRequest?.id === request.id) setOpenRequest(null);
    say(`Deleted “${request.name}”.`, {
      undo: () => {
        void list.restore(request.id).then((restored) => {
          say(
            restored.ok ? `Restored “${request.name}”.` : `Not restored: ${restored.error.message}`,
            {
              error: !restored.ok,
            },
          );
        });
      },
    });
  }

  async function addCollection(name: string) {
    const answer = await list.createCollection(name);
    if (!answer.ok) return say(`No collection made: ${answer.error.message}`, { error: true });
    setNewCollection(null);
  }

  const dirty = useAppStore(selectHasUnsavedChanges);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      id="collections"
      title="Collections"
      className="w-[min(48rem,calc(100vw-1rem))] max-h-[calc(100dvh-2rem)] overflow-y-auto"
    >
      <div className="flex flex-wrap items-end gap-2">
        <Field id="collection-choice" label="Collection" className="min-w-40 flex-1">
          <Select
            id="collection-choice"
            value={list.collectionId ?? ""}
            onChange={(event) => list.choose(event.target.value)}
          >
            {list.collections.map((collection: CollectionSummary) => (
              <option key={collection.id} value={collection.id}>
                {collection.name} ({collection.requestCount})
              </option>
            ))}
          </Select>
        </Field>
        {newCollection === null ? (
          <Button size="sm" variant="secondary" onClick={() => setNewCollection("")}>
            New collection
          </Button>
        ) : (
          <form
            className="flex items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (newCollection.trim()) void addCollection(newCollection.trim());
            }}
          >
            <Field id="new-collection-name" label="New collection's name">
              <TextInput
                id="new-collection-name"
                value={newCollection}
                maxLength={200}
                onChange={(event) => setNewCollection(event.target.value)}
              />
            </Field>
            <Button size="sm" variant="primary" type="submit">
              Create
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setNewCollection(null)}>
              Cancel
            </Button>
          </form>
        )}
        {list.collectionId ? (
          <a
            href={collectionExportUrl(list.collectionId)}
            download
            className="inline-flex h-7 items-center rounded-md border border-line bg-panel px-2 text-xs font-medium hover:bg-sunken"
          >
            Export collection
          </a>
        ) : null}
        <Button
          size="sm"
          variant="secondary"
          aria-pressed={runningCollection}
          disabled={!currentCollection || currentCollection.requestCount === 0}
          title={
            currentCollection?.requestCount === 0
              ? "Save a request here first"
              : "Run every saved request with its checks"
          }
          onClick={() => setRunningCollection((shown) => !shown)}
        >
          Run collection
        </Button>
        <Button
          size="sm"
          variant="secondary"
          aria-pressed={editingEnvironments}
          disabled={!currentCollection}
          onClick={() => setEditingEnvironments((shown) => !shown)}
        >
          Environments
          {currentCollection?.environments.length
            ? ` (${currentCollection.environments.length})`
            : ""}
        </Button>
        <Button
          size="sm"
          variant="primary"
          aria-keyshortcuts="Control+S Meta+S"
          title="Save request (Ctrl/Cmd+S)"
          onClick={() => setSaving("form")}
        >
          Save request
        </Button>
      </div>

      {openRequest ? (
        <p data-testid="open-request" className="mt-2 text-xs text-muted">
          The composer holds “{openRequest.name}”
          {dirty ? <span className="font-medium text-warn"> · unsaved changes</span> : " · saved"}.
        </p>
      ) : null}

      {saving !== "closed" ? (
        <SaveRequestForm
          key={`${openRequest?.id ?? "new"}-${saveRequests}`}
          busy={saving === "busy"}
          ready={list.collectionId !== null}
          initial={openRequest ? { name: openRequest.name } : null}
          canUpdate={openRequest !== null && openRequest.collectionId === list.collectionId}
          onSave={(fields, asNew) => void save(fields, asNew)}
          onCancel={() => setSaving("closed")}
        />
      ) : null}

      {toast ? (
        <div
          role={toast.error ? "alert" : "status"}
          data-testid="collections-toast"
          className={`mt-3 flex items-center gap-2 rounded-md px-2 py-1.5 text-xs ${toast.error ? "bg-danger-soft text-danger" : "bg-sunken"}`}
        >
          <span className="flex-1">{toast.message}</span>
          {toast.undo ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                toast.undo?.();
                setToast(null);
              }}
            >
              Undo
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" aria-label="Dismiss" onClick={() => setToast(null)}>
            ×
          </Button>
        </div>
      ) : null}

      {runningCollection && currentCollection ? (
        <CollectionRunPanel key={currentCollection.id} collection={currentCollection} />
      ) : null}

      {editingEnvironments && currentCollection ? (
        <div id="environments-editor">
          <EnvironmentsEditor
            key={`${currentCollection.id}-${currentCollection.updatedAt}`}
            collection={currentCollection}
            say={(message, error) => say(message, { error })}
            onSaved={list.reload}
          />
        </div>
      ) : null}

      <div className="mt-3">
        <label htmlFor="saved-request-search" className="sr-only">
          Search saved requests
        </label>
        <TextInput
          id="saved-request-search"
          type="search"
          placeholder="Search by name, folder or description"
          value={list.query}
          onChange={(event) => list.search(event.target.value)}
        />
      </div>

      {list.error ? (
        <p role="alert" className="mt-3 rounded-md bg-danger-soft px-2 py-1.5 text-xs text-danger">
          {list.error}
        </p>
      ) : null}

      <ul aria-label="Saved requests" className="mt-2 space-y-1" data-testid="saved-requests">
        {list.requests.map((request, index) => {
          const previous = list.requests[index - 1];
          const folderStarts = request.folder && request.folder !== previous?.folder;
          return (
            <li key={request.id}>
              {folderStarts ? (
                <p className="mt-2 mb-1 text-xs font-semibold text-muted">{request.folder}/</p>
              ) : null}
              <SavedRequestRow
                request={request}
                collections={list.collections}
                isOpen={openRequest?.id === request.id}
                onLoad={() => void load(request)}
                onChange={(changes) => void change(request, changes)}
                onDuplicate={() => void duplicate(request)}
                onDelete={() => void remove(request)}
              />
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-muted" role="status">
        {list.loading
          ? "Loading…"
          : list.total === 0
            ? list.query
              ? "No saved request matches."
              : "No saved requests yet: Save request keeps the composer here."
            : `${list.requests.length} of ${list.total} shown.`}
      </p>
      {list.requests.length < list.total ? (
        <Button size="sm" variant="secondary" className="mt-1" onClick={list.more}>
          Show more
        </Button>
      ) : null}
      <div className="mt-3 flex justify-end">
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      </div>
    </Dialog>
  );
}
