import "server-only";
// Collections and their saved requests. A deleted request stays restorable (Undo) until purged;
// lists are paged and searched in the database, so a collection of thousands answers at once.
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/server/db/connect";
import { collections, savedRequests } from "@/lib/server/db/schema";
import {
  environmentsSchema,
  variablesSchema,
  type CollectionChanges,
  type CollectionSummary,
  type SavedRequest,
  type SavedRequestPage,
  type SavedRequestSummary,
} from "@/lib/domain/workspace/wire";
import { storableEnvironment, storableVariable } from "@/lib/domain/workspace/variable-names";
import type { Environment, Variable } from "@/lib/domain/workspace/variables";
import { encodedFromStorage, type StoredState } from "./stored-state";

/** The collection a workspace starts with, made when the first list finds none. */
export const FIRST_COLLECTION_NAME = "My requests";
/**
 * Its id is fixed, so two first lists at once (two tabs, two instances) make one collection, not
 * two of the same name.
 */
const FIRST_COLLECTION_ID = "00000000-0000-4000-8000-000000000001";

export async function listCollections(db: Database): Promise<CollectionSummary[]> {
  const rows = await db
    .select({
      id: collections.id,
      name: collections.name,
      updatedAt: collections.updatedAt,
      variables: collections.variables,
      environments: collections.environments,
      requestCount: sql<number>`count(${savedRequests.id})::int`,
    })
    .from(collections)
    .leftJoin(
      savedRequests,
      and(eq(savedRequests.collectionId, collections.id), isNull(savedRequests.deletedAt)),
    )
    .groupBy(collections.id)
    .orderBy(asc(collections.name), asc(collections.id));
  if (rows.length === 0) {
    const now = new Date();
    await db
      .insert(collections)
      .values({
        id: FIRST_COLLECTION_ID,
        name: FIRST_COLLECTION_NAME,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    return listCollections(db);
  }
  return rows.map((row) => ({
    ...row,
    updatedAt: row.updatedAt.toISOString(),
    // Checked on the way out too: a row altered in the database is emptied, not served.
    variables: storedVariables(row.variables),
    environments: storedEnvironments(row.environments),
  }));
}

/** A collection's variables as read back (or about to be written): checked, secrets blanked. */
export function storedVariables(value: unknown): Variable[] {
  const parsed = variablesSchema.safeParse(value);
  return parsed.success ? parsed.data.map(storableVariable) : [];
}

export function storedEnvironments(value: unknown): Environment[] {
  const parsed = environmentsSchema.safeParse(value);
  return parsed.success ? parsed.data.map(storableEnvironment) : [];
}

export async function createCollection(
  db: Database,
  name: string,
  values: { variables?: Variable[]; environments?: Environment[] } = {},
): Promise<CollectionSummary> {
  const id = randomUUID();
  const now = new Date();
  const variables = storedVariables(values.variables ?? []);
  const environments = storedEnvironments(values.environments ?? []);
  await db
    .insert(collections)
    .values({ id, name, variables, environments, createdAt: now, updatedAt: now });
  return { id, name, requestCount: 0, updatedAt: now.toISOString(), variables, environments };
}

/** Renames a collection or replaces its variables and environments (secret values dropped). */
export async function updateCollection(
  db: Database,
  id: string,
  changes: CollectionChanges,
): Promise<boolean> {
  const rows = await db
    .update(collections)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.variables ? { variables: storedVariables(changes.variables) } : {}),
      ...(changes.environments ? { environments: storedEnvironments(changes.environments) } : {}),
      updatedAt: new Date(),
    })
    .where(eq(collections.id, id))
    .returning({ id: collections.id });
  return rows.length > 0;
}

export async function deleteCollection(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .delete(collections)
    .where(eq(collections.id, id))
    .returning({ id: collections.id });
  return rows.length > 0;
}

async function collectionExists(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: collections.id })
    .from(collections)
    .where(eq(collections.id, id))
    .limit(1);
  return !!row;
}

type RequestRow = typeof savedRequests.$inferSelect;

function summaryOf(row: RequestRow, servers: string[]): SavedRequestSummary {
  return {
    id: row.id,
    collectionId: row.collectionId,
    folder: row.folder,
    name: row.name,
    description: row.description,
    servers,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `%`, `_` and `\` are LIKE's own: a search for them means the characters. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function listRequests(
  db: Database,
  {
    collection,
    q,
    offset,
    limit,
  }: { collection: string; q: string; offset: number; limit: number },
): Promise<SavedRequestPage> {
  const conditions = [eq(savedRequests.collectionId, collection), isNull(savedRequests.deletedAt)];
  const query = q.trim();
  if (query) {
    const pattern = likePattern(query);
    conditions.push(
      or(
        ilike(savedRequests.name, pattern),
        ilike(savedRequests.folder, pattern),
        ilike(savedRequests.description, pattern),
      )!,
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(savedRequests)
      .where(where)
      .orderBy(asc(savedRequests.folder), asc(savedRequests.name), asc(savedRequests.id))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(savedRequests).where(where),
  ]);
  return {
    requests: rows.map((row) => {
      const state = encodedFromStorage(row.state);
      return summaryOf(row, state.ok ? state.payload.s.map((server) => server.n) : []);
    }),
    total: total?.value ?? 0,
    offset,
  };
}

export type RequestRead = { found: true; request: SavedRequest } | { found: false; damaged?: true };

export async function getRequest(db: Database, id: string): Promise<RequestRead> {
  const [row] = await db
    .select()
    .from(savedRequests)
    .where(and(eq(savedRequests.id, id), isNull(savedRequests.deletedAt)))
    .limit(1);
  if (!row) return { found: false };
  const state = encodedFromStorage(row.state);
  if (!state.ok) return { found: false, damaged: true };
  return {
    found: true,
    request: {
      ...summaryOf(
        row,
        state.payload.s.map((server) => server.n),
      ),
      state: state.encoded,
    },
  };
}

export interface NewRequest {
  collectionId: string;
  folder: string;
  name: string;
  description: string;
  state: StoredState;
}

/** null when the collection is not there. */
export async function saveRequest(db: Database, input: NewRequest): Promise<string | null> {
  if (!(await collectionExists(db, input.collectionId))) return null;
  const id = randomUUID();
  const now = new Date();
  await db.insert(savedRequests).values({ id, ...input, createdAt: now, updatedAt: now });
  await db
    .update(collections)
    .set({ updatedAt: now })
    .where(eq(collections.id, input.collectionId));
  return id;
}

export interface RequestChanges {
  collectionId?: string;
  folder?: string;
  name?: string;
  description?: string;
  state?: StoredState;
  deleted?: false;
}

export type UpdateOutcome = "updated" | "not_found" | "no_collection";

export async function updateRequest(
  db: Database,
  id: string,
  { deleted, ...changes }: RequestChanges,
): Promise<UpdateOutcome> {
  if (changes.collectionId && !(await collectionExists(db, changes.collectionId))) {
    return "no_collection";
  }
  const rows = await db
    .update(savedRequests)
    .set({ ...changes, updatedAt: new Date(), ...(deleted === false ? { deletedAt: null } : {}) })
    // Only a restore reaches a deleted request.
    .where(
      deleted === false
        ? eq(savedRequests.id, id)
        : and(eq(savedRequests.id, id), isNull(savedRequests.deletedAt)),
    )
    .returning({ id: savedRequests.id });
  return rows.length > 0 ? "updated" : "not_found";
}

export async function deleteRequest(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .update(savedRequests)
    .set({ deletedAt: new Date() })
    .where(and(eq(savedRequests.id, id), isNull(savedRequests.deletedAt)))
    .returning({ id: savedRequests.id });
  return rows.length > 0;
}
