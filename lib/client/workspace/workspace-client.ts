// The browser's side of the workspace routes: every answer checked (zod) before it is used, every
// failure a RouteError in words. Loaded with the Collections panel and the short-link parts.
import { z } from "zod";
import {
  collectionListSchema,
  collectionSchema,
  createdLinkSchema,
  openedLinkSchema,
  savedRequestPageSchema,
  savedRequestSchema,
  importedCollectionSchema,
  type ImportedCollection,
  type CollectionChanges,
  type CollectionSummary,
  type CreatedLink,
  type SavedRequest,
  type SavedRequestPage,
} from "@/lib/domain/workspace/wire";
import { readRouteError, unreachableError, type RouteError } from "@/lib/client/api/route-error";
import { storableEnvironment, storableVariable } from "@/lib/domain/workspace/variable-names";

export type Answer<T> = { ok: true; data: T } | { ok: false; error: RouteError };

async function call<T>(
  path: string,
  schema: z.ZodType<T>,
  init: { method?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? {} : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch (error) {
    return { ok: false, error: unreachableError(error, false) };
  }
  if (!response.ok) return { ok: false, error: await readRouteError(response) };
  const json: unknown = await response.json().catch(() => null);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        status: response.status,
        type: "http_error",
        message: `The server's answer to ${path.split("?")[0]} is not what this playground expects.`,
        kind: "bad_answer",
        requestId: null,
        fields: {},
      },
    };
  }
  return { ok: true, data: parsed.data };
}

/** Answers whose body says only that it worked. */
const okSchema = z.unknown();

export function createShortLink(state: string): Promise<Answer<CreatedLink>> {
  return call("/api/links", createdLinkSchema, { method: "POST", body: { state } });
}

export function openShortLink(id: string): Promise<Answer<z.infer<typeof openedLinkSchema>>> {
  return call(`/api/links/${encodeURIComponent(id)}`, openedLinkSchema);
}

export function revokeShortLink(id: string, revokeKey: string): Promise<Answer<unknown>> {
  return call(`/api/links/${encodeURIComponent(id)}`, okSchema, {
    method: "DELETE",
    body: { revokeKey },
  });
}

export async function listCollections(): Promise<Answer<CollectionSummary[]>> {
  const answer = await call("/api/collections", collectionListSchema);
  return answer.ok ? { ok: true, data: answer.data.collections } : answer;
}

export function createCollection(name: string): Promise<Answer<CollectionSummary>> {
  return call("/api/collections", collectionSchema, { method: "POST", body: { name } });
}

/** Renames a collection or replaces its variables and environments (secret values never sent). */
export function updateCollection(id: string, changes: CollectionChanges): Promise<Answer<unknown>> {
  const body: CollectionChanges = {
    ...changes,
    ...(changes.variables ? { variables: changes.variables.map(storableVariable) } : {}),
    ...(changes.environments
      ? { environments: changes.environments.map(storableEnvironment) }
      : {}),
  };
  return call(`/api/collections/${id}`, okSchema, { method: "PATCH", body });
}

export function deleteCollection(id: string): Promise<Answer<unknown>> {
  return call(`/api/collections/${id}`, okSchema, { method: "DELETE" });
}

export function listRequests(query: {
  collection: string;
  q: string;
  offset: number;
}): Promise<Answer<SavedRequestPage>> {
  const params = new URLSearchParams({
    collection: query.collection,
    q: query.q,
    offset: String(query.offset),
  });
  return call(`/api/requests?${params}`, savedRequestPageSchema);
}

export function getRequest(id: string): Promise<Answer<SavedRequest>> {
  return call(`/api/requests/${id}`, savedRequestSchema);
}

export interface RequestFields {
  collectionId: string;
  folder: string;
  name: string;
  description: string;
  state: string;
}

export function saveRequest(fields: RequestFields): Promise<Answer<SavedRequest>> {
  return call("/api/requests", savedRequestSchema, { method: "POST", body: fields });
}

export function updateRequest(
  id: string,
  changes: Partial<RequestFields> & { deleted?: false },
): Promise<Answer<SavedRequest>> {
  return call(`/api/requests/${id}`, savedRequestSchema, { method: "PATCH", body: changes });
}

export function deleteRequest(id: string): Promise<Answer<unknown>> {
  return call(`/api/requests/${id}`, okSchema, { method: "DELETE" });
}

export function importCollectionFile(file: string): Promise<Answer<ImportedCollection>> {
  return call("/api/collections/import", importedCollectionSchema, {
    method: "POST",
    body: { file },
  });
}

/** Where a collection downloads as one YAML file. */
export function collectionExportUrl(id: string): string {
  return `/api/collections/${encodeURIComponent(id)}/export`;
}
