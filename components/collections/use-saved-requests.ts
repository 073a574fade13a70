"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CollectionSummary, SavedRequestSummary } from "@/lib/domain/workspace/wire";
import {
  createCollection as createCollectionRoute,
  deleteRequest,
  getRequest,
  listCollections,
  listRequests,
  saveRequest,
  updateRequest,
  type Answer,
  type RequestFields,
} from "@/lib/client/workspace/workspace-client";

const SEARCH_DELAY_MS = 200;

/**
 * The Collections panel's lists: the collections, the chosen one's saved requests (searched on the
 * server, a page at a time), and the edits that change them. A failure is kept as words for the
 * panel to show; the lists stay as they were.
 */
export function useSavedRequests(open: boolean, preferredCollection: string | null) {
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [requests, setRequests] = useState<SavedRequestSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!open) return;
    let current = true;
    void listCollections().then((answer) => {
      if (!current) return;
      if (!answer.ok) {
        setError(`The collections could not be loaded: ${answer.error.message}`);
        return;
      }
      setCollections(answer.data);
      setCollectionId((chosen) =>
        chosen && answer.data.some((c) => c.id === chosen)
          ? chosen
          : ((answer.data.find((c) => c.id === preferredCollection) ?? answer.data[0])?.id ?? null),
      );
    });
    return () => {
      current = false;
    };
  }, [open, preferredCollection, version]);

  const loadPage = useCallback(
    async (offset: number) => {
      if (!collectionId) return;
      const call = ++latest.current;
      setLoading(true);
      const answer = await listRequests({ collection: collectionId, q: query, offset });
      if (call !== latest.current) return;
      setLoading(false);
      if (!answer.ok) {
        setError(`The saved requests could not be listed: ${answer.error.message}`);
        return;
      }
      setError(null);
      setTotal(answer.data.total);
      setRequests((shown) =>
        offset === 0 ? answer.data.requests : [...shown, ...answer.data.requests],
      );
    },
    [collectionId, query],
  );

  useEffect(() => {
    if (!open || !collectionId) return;
    const timer = setTimeout(() => void loadPage(0), query ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [open, collectionId, query, loadPage, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);

  function after<T>(answer: Answer<T>): Answer<T> {
    if (answer.ok) reload();
    return answer;
  }

  return {
    collections,
    collectionId,
    query,
    requests,
    total,
    loading,
    error,
    reload,
    choose: (id: string) => setCollectionId(id),
    search: (text: string) => setQuery(text),
    more: () => void loadPage(requests.length),
    update: async (id: string, changes: Partial<RequestFields>) =>
      after(await updateRequest(id, changes)),
    remove: async (id: string) => after(await deleteRequest(id)),
    restore: async (id: string) => after(await updateRequest(id, { deleted: false })),
    duplicate: async (request: SavedRequestSummary) => {
      const full = await getRequest(request.id);
      if (!full.ok) return full;
      const { collectionId: target, folder, description, state } = full.data;
      return after(
        await saveRequest({
          collectionId: target,
          folder,
          description,
          state,
          name: `${request.name} (copy)`.slice(0, 200),
        }),
      );
    },
    createCollection: async (name: string) => {
      const answer = await createCollectionRoute(name);
      if (answer.ok) {
        setCollectionId(answer.data.id);
        reload();
      }
      return answer;
    },
  };
}
