import "server-only";
// Collection files on the server: a collection out as YAML (every saved request built as Send
// builds it, tokens as placeholders) and a file in as a new collection. YAML is read with aliases
// bounded (no billion laughs) and unique keys; JSON is YAML too.
import { and, asc, eq, isNull } from "drizzle-orm";
import { stringify } from "yaml";
import { decodeShareState, encodeShareState, MAX_STORED_CHARS } from "@/lib/domain/share/codec";
import {
  COLLECTION_FILE_VERSION,
  exportRequest,
  fileVariables,
  importCollectionRequests,
  importVariables,
  secretVariableNames,
  parseCollectionFile,
  type CollectionFile,
} from "@/lib/domain/workspace/collection-file";
import type { Database } from "@/lib/server/db/connect";
import { collections, savedRequests } from "@/lib/server/db/schema";
import {
  createCollection,
  saveRequest,
  storedEnvironments,
  storedVariables,
} from "./saved-requests";
import { parseCollectionYaml } from "./collection-text";
import { encodedFromStorage, stateForStorage } from "./stored-state";

let counter = 0;
const newId = () => `r${(++counter).toString(36)}`;

export type ExportOutcome = { ok: true; name: string; yaml: string } | { ok: false };

/** A collection as its file holds it (what Export writes and Run collection runs). */
export async function collectionFileOf(
  db: Database,
  collectionId: string,
): Promise<{ ok: true; file: CollectionFile; secrets: string[] } | { ok: false }> {
  const [collection] = await db
    .select({
      name: collections.name,
      variables: collections.variables,
      environments: collections.environments,
    })
    .from(collections)
    .where(eq(collections.id, collectionId))
    .limit(1);
  if (!collection) return { ok: false };
  const rows = await db
    .select()
    .from(savedRequests)
    .where(and(eq(savedRequests.collectionId, collectionId), isNull(savedRequests.deletedAt)))
    .orderBy(asc(savedRequests.folder), asc(savedRequests.name), asc(savedRequests.id));
  const requests = rows.flatMap((row) => {
    const stored = encodedFromStorage(row.state);
    if (!stored.ok) return [];
    const decoded = decodeShareState(stored.encoded, newId, { maxChars: MAX_STORED_CHARS });
    if (!decoded.success) return [];
    return [
      exportRequest({
        name: row.name,
        folder: row.folder,
        description: row.description,
        state: decoded.data.state,
        serversWithToken: decoded.data.serversNeedingToken,
      }),
    ];
  });
  const variables = storedVariables(collection.variables);
  const environments = storedEnvironments(collection.environments);
  const fileEnvironments = Object.fromEntries(
    environments.map((environment) => [
      environment.name,
      fileVariables(environment.variables) ?? {},
    ]),
  );
  const file: CollectionFile = {
    version: COLLECTION_FILE_VERSION,
    name: collection.name,
    ...(fileVariables(variables) ? { variables: fileVariables(variables) } : {}),
    ...(environments.length ? { environments: fileEnvironments } : {}),
    requests,
  };
  return { ok: true, file, secrets: secretVariableNames(variables, environments) };
}

export async function exportCollection(db: Database, collectionId: string): Promise<ExportOutcome> {
  const found = await collectionFileOf(db, collectionId);
  if (!found.ok) return found;
  const { file, secrets } = found;
  const collection = file;
  const header = [
    `# ${collection.name}: a collection of MCP Connector Playground requests (docs/formats.md).`,
    "# Tokens are {{MCP_TOKEN_<SERVER>}} placeholders: set them in the environment, never here.",
    ...(secrets.length
      ? [`# Secret variables, left out here (set them in the environment): ${secrets.join(", ")}.`]
      : []),
    "",
  ].join("\n");
  return { ok: true, name: collection.name, yaml: `${header}${stringify(file, { lineWidth: 0 })}` };
}

export type ImportOutcome =
  | { ok: true; collectionId: string; name: string; imported: number; notes: string[] }
  | { ok: false; message: string };

/** Reads a file's text (YAML or JSON) into a collection file, or says where it is wrong. */
export function readCollectionText(
  text: string,
): { ok: true; file: CollectionFile } | { ok: false; message: string } {
  const read = parseCollectionYaml(text);
  if (!read.ok) return read;
  const raw = read.raw;
  const parsed = parseCollectionFile(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, message: parsed.error };
}

export async function importCollection(db: Database, text: string): Promise<ImportOutcome> {
  const read = readCollectionText(text);
  if (!read.ok) return read;
  const requests = importCollectionRequests(read.file, newId);
  if (!requests.success) return { ok: false, message: requests.error };
  // Every request is checked and stripped before anything is written.
  const stored = [];
  for (const request of requests.data) {
    const state = stateForStorage(encodeShareState(request.state));
    if (!state.ok) return { ok: false, message: `${request.name}: ${state.message}` };
    stored.push({ ...request, stored: state.stored });
  }
  const values = importVariables(read.file);
  const collection = await createCollection(db, read.file.name, values);
  for (const request of stored) {
    await saveRequest(db, {
      collectionId: collection.id,
      folder: request.folder,
      name: request.name,
      description: request.description,
      state: request.stored,
    });
  }
  return {
    ok: true,
    collectionId: collection.id,
    name: collection.name,
    imported: stored.length,
    notes: [
      ...values.notes,
      ...stored.flatMap((request) => request.notes.map((note) => `${request.name}: ${note}`)),
    ],
  };
}
