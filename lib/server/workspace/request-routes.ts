import "server-only";
// Collections and saved requests: /api/collections[/<id>] and /api/requests[/<id>]. Every one
// needs the workspace's access; every configuration is stripped of secrets before it is written.
import type { z } from "zod";
import { describeIssue } from "@/lib/domain/blocks/schema";
import {
  collectionBodySchema,
  importCollectionBodySchema,
  listRequestsQuerySchema,
  saveRequestBodySchema,
  updateCollectionBodySchema,
  updateRequestBodySchema,
} from "@/lib/domain/workspace/wire";
import { errorResponse } from "@/lib/server/http/error-response";
import {
  createCollection,
  deleteCollection,
  deleteRequest,
  getRequest,
  listCollections,
  listRequests,
  updateCollection,
  saveRequest,
  updateRequest,
  type RequestChanges,
} from "./saved-requests";
import { exportCollection, importCollection } from "./collection-files";
import { stateForStorage } from "./stored-state";
import {
  badRequest,
  checkedId,
  json,
  notFound,
  readWorkspaceBody,
  withDatabase,
  workspaceRefusal,
} from "./workspace-route";

const NO_COLLECTION = "That collection is not in this workspace (it may have been deleted).";
const NO_REQUEST = "That saved request is not in this workspace (it may have been deleted).";

export async function handleCollections(request: Request): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  if (request.method === "GET") {
    return withDatabase(async (db) => json({ collections: await listCollections(db) }));
  }
  const body = await readWorkspaceBody(request, collectionBodySchema);
  if (!body.ok) return body.response;
  return withDatabase(async (db) => json(await createCollection(db, body.data.name), 201));
}

export async function handleCollection(request: Request, rawId: string): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  const id = checkedId(rawId);
  if (!id) return notFound(NO_COLLECTION);
  if (request.method === "DELETE") {
    return withDatabase(async (db) =>
      (await deleteCollection(db, id)) ? json({ ok: true }) : notFound(NO_COLLECTION),
    );
  }
  const body = await readWorkspaceBody(request, updateCollectionBodySchema);
  if (!body.ok) return body.response;
  return withDatabase(async (db) =>
    (await updateCollection(db, id, body.data)) ? json({ ok: true }) : notFound(NO_COLLECTION),
  );
}

export async function handleRequests(request: Request): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  if (request.method === "GET") {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const query = listRequestsQuerySchema.safeParse(params);
    if (!query.success)
      return badRequest(`The list's query is not right (${describeIssue(query.error)}).`);
    return withDatabase(async (db) => json(await listRequests(db, query.data)));
  }
  const body = await readWorkspaceBody(request, saveRequestBodySchema);
  if (!body.ok) return body.response;
  const state = stateForStorage(body.data.state);
  if (!state.ok) return badRequest(state.message);
  return withDatabase(async (db) => {
    const id = await saveRequest(db, { ...body.data, state: state.stored });
    if (!id) return notFound(NO_COLLECTION);
    const saved = await getRequest(db, id);
    return saved.found ? json(saved.request, 201) : notFound(NO_REQUEST);
  });
}

type UpdateBody = z.infer<typeof updateRequestBodySchema>;

export async function handleRequest(request: Request, rawId: string): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  const id = checkedId(rawId);
  if (!id) return notFound(NO_REQUEST);
  if (request.method === "GET") {
    return withDatabase(async (db) => {
      const read = await getRequest(db, id);
      if (read.found) return json(read.request);
      return read.damaged
        ? errorResponse(500, "This saved request is damaged in the database and was not opened.", {
            fields: { kind: "request_damaged" },
          })
        : notFound(NO_REQUEST);
    });
  }
  if (request.method === "DELETE") {
    return withDatabase(async (db) =>
      (await deleteRequest(db, id)) ? json({ ok: true }) : notFound(NO_REQUEST),
    );
  }
  const body = await readWorkspaceBody<UpdateBody>(request, updateRequestBodySchema);
  if (!body.ok) return body.response;
  const { state: encoded, ...rest } = body.data;
  const changes: RequestChanges = { ...rest };
  if (encoded !== undefined) {
    const state = stateForStorage(encoded);
    if (!state.ok) return badRequest(state.message);
    changes.state = state.stored;
  }
  return withDatabase(async (db) => {
    const outcome = await updateRequest(db, id, changes);
    if (outcome === "no_collection") return notFound(NO_COLLECTION);
    if (outcome === "not_found") return notFound(NO_REQUEST);
    const saved = await getRequest(db, id);
    return saved.found ? json(saved.request) : notFound(NO_REQUEST);
  });
}

/** GET /api/collections/<id>/export: the collection as one YAML file, to keep in git. */
export async function handleExportCollection(request: Request, rawId: string): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  const id = checkedId(rawId);
  if (!id) return notFound(NO_COLLECTION);
  return withDatabase(async (db) => {
    const exported = await exportCollection(db, id);
    if (!exported.ok) return notFound(NO_COLLECTION);
    const filename = `${exported.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "collection"}.yaml`;
    return new Response(exported.yaml, {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  });
}

/** POST /api/collections/import {file}: a collection file (YAML or JSON) as a new collection. */
export async function handleImportCollection(request: Request): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  const body = await readWorkspaceBody(request, importCollectionBodySchema);
  if (!body.ok) return body.response;
  return withDatabase(async (db) => {
    const outcome = await importCollection(db, body.data.file);
    if (!outcome.ok) return badRequest(outcome.message);
    return json(
      {
        collectionId: outcome.collectionId,
        name: outcome.name,
        imported: outcome.imported,
        notes: outcome.notes,
      },
      201,
    );
  });
}
