// A collection as one git-friendly file (YAML or JSON; docs/formats.md, docs/collection.schema.json):
// `version: 1`, a name, variables and environments, and requests — each the Messages API params
// as Send builds them (with `betas`), tokens written as `{{MCP_TOKEN_<SERVER>}}` placeholders,
// never values, and optional checks. The object model and its checks are here; YAML text is
// read and written on the server.
import { z } from "zod";
import { describeIssue } from "@/lib/domain/blocks/schema";
import { envName } from "@/lib/domain/export/secrets";
import { storableVariable, VARIABLE_NAME } from "./variable-names";
import type { Environment, Variable } from "./variables";
import { importRequest } from "@/lib/domain/import/import-request";
import { buildRequest } from "@/lib/domain/request/build-request";
import type { NewId } from "@/lib/domain/request/composer";
import { withoutUrlSecrets } from "@/lib/domain/request/url-secrets";
import type { ComposerState } from "@/lib/domain/request/types";

export const COLLECTION_FILE_VERSION = 1;

const variablesSchema = z
  .record(
    z.string().regex(VARIABLE_NAME, "a variable name is letters, digits and _"),
    z.string().max(100_000),
  )
  .refine((variables) => Object.keys(variables).length <= 500, "at most 500 variables");

export const collectionRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  folder: z.string().max(500).optional(),
  description: z.string().max(10_000).optional(),
  /** The Messages API params, `betas` included: read by the same importer as a pasted request. */
  request: z.record(z.string(), z.unknown()),
  /** Checks over each run (issue M's runner); kept as written. */
  checks: z.array(z.record(z.string(), z.unknown())).max(200).optional(),
  /** With `--repeat N`: the share of runs that must pass (1 by default). */
  pass_rate: z.number().min(0).max(1).optional(),
});

export const collectionFileSchema = z.strictObject({
  version: z.literal(COLLECTION_FILE_VERSION),
  name: z.string().trim().min(1).max(200),
  variables: variablesSchema.optional(),
  environments: z
    .record(z.string().min(1).max(100), variablesSchema)
    .refine((environments) => Object.keys(environments).length <= 50, "at most 50 environments")
    .optional(),
  requests: z.array(collectionRequestSchema).max(10_000),
});
export type CollectionFile = z.infer<typeof collectionFileSchema>;
export type CollectionFileRequest = z.infer<typeof collectionRequestSchema>;

/** A collection's variables as a file holds them: names to values, secret ones left out. */
export function fileVariables(variables: readonly Variable[]): Record<string, string> | undefined {
  const plain = variables.filter((variable) => !variable.secret);
  return plain.length
    ? Object.fromEntries(plain.map((variable) => [variable.name, variable.value]))
    : undefined;
}

/** The names of every secret variable, for the file's header (their values are set elsewhere). */
export function secretVariableNames(
  variables: readonly Variable[],
  environments: readonly Environment[],
): string[] {
  const all = [...variables, ...environments.flatMap((environment) => environment.variables)];
  return [...new Set(all.filter((variable) => variable.secret).map((variable) => variable.name))];
}

/**
 * A file's variables and environments as a collection keeps them. A value under a name that
 * looks secret (TOKEN, KEY, SECRET, PASSWORD…) is not kept: files are shared, so the note asks
 * for it to be set in the browser or the environment instead.
 */
export function importVariables(file: CollectionFile): {
  variables: Variable[];
  environments: Environment[];
  notes: string[];
} {
  const notes: string[] = [];
  const read = (record: Record<string, string> | undefined, where: string) =>
    Object.entries(record ?? {}).map(([name, value]) => {
      const kept = storableVariable({ name, value, secret: false });
      if (kept.secret && value)
        notes.push(
          `${where} ${name} looks like a secret: its value was not kept; set it in the browser.`,
        );
      return kept;
    });
  return {
    variables: read(file.variables, "variable"),
    environments: Object.entries(file.environments ?? {}).map(([name, record]) => ({
      name,
      variables: read(record, `environment ${name}:`),
    })),
    notes,
  };
}

/** `{{MCP_TOKEN_CALENDAR}}`: where a server's token goes in a collection file. */
export function tokenPlaceholder(serverName: string): string {
  return `{{${envName("MCP_TOKEN", serverName)}}}`;
}

export interface RequestToExport {
  name: string;
  folder: string;
  description: string;
  state: ComposerState;
  /** Ids of the servers that had a token (none is known here: each becomes a placeholder). */
  serversWithToken: readonly string[];
}

/** One saved request as the file holds it: built as Send builds it, tokens as placeholders. */
export function exportRequest(entry: RequestToExport): CollectionFileRequest {
  const withTokens = new Set(entry.serversWithToken);
  const placeholderState: ComposerState = {
    ...entry.state,
    servers: entry.state.servers.map((server) => ({
      ...server,
      url: withoutUrlSecrets(server.url),
      authorizationToken: withTokens.has(server.id) ? tokenPlaceholder(server.name) : "",
    })),
  };
  const request = buildRequest(placeholderState);
  return {
    name: entry.name,
    ...(entry.folder ? { folder: entry.folder } : {}),
    ...(entry.description ? { description: entry.description } : {}),
    request: JSON.parse(JSON.stringify(request)) as Record<string, unknown>,
    ...(entry.state.checks?.length
      ? { checks: entry.state.checks.map((check) => structuredClone(check.spec)) }
      : {}),
  };
}

export type FileResult =
  { success: true; data: CollectionFile } | { success: false; error: string };

/** Checks what a YAML or JSON parser read; the error names the field. */
export function parseCollectionFile(raw: unknown): FileResult {
  if (
    typeof raw === "object" &&
    raw !== null &&
    "version" in raw &&
    typeof raw.version === "number" &&
    raw.version > COLLECTION_FILE_VERSION
  ) {
    return {
      success: false,
      error: `This collection file is format ${raw.version}, from a newer playground; this one reads format ${COLLECTION_FILE_VERSION}.`,
    };
  }
  const parsed = collectionFileSchema.safeParse(raw);
  return parsed.success
    ? { success: true, data: parsed.data }
    : {
        success: false,
        error: `This is not a collection file this playground reads (${describeIssue(parsed.error)}).`,
      };
}

export interface ImportedCollectionRequest {
  name: string;
  folder: string;
  description: string;
  state: ComposerState;
  notes: string[];
}

/**
 * Each request of a file into a composer state, by the pasted-request importer. A token that is a
 * placeholder stays a placeholder in the state (so whoever opens the saved request is asked for
 * it); a literal token in a file is refused, since files are shared.
 */
export function importCollectionRequests(
  file: CollectionFile,
  newId: NewId,
): { success: true; data: ImportedCollectionRequest[] } | { success: false; error: string } {
  const out: ImportedCollectionRequest[] = [];
  for (const [index, entry] of file.requests.entries()) {
    const servers = Array.isArray(entry.request.mcp_servers) ? entry.request.mcp_servers : [];
    const placeholders = new Map<string, string>();
    for (const [serverIndex, server] of servers.entries()) {
      const token = (server as { authorization_token?: unknown } | null)?.authorization_token;
      if (typeof token !== "string" || !token) continue;
      if (!/^\{\{[A-Za-z_][A-Za-z0-9_]*\}\}$/.test(token)) {
        return {
          success: false,
          error: `requests.${index}.request.mcp_servers.${serverIndex}.authorization_token: a collection file holds placeholders such as {{MCP_TOKEN_NAME}}, never a token; nothing was imported.`,
        };
      }
      placeholders.set(String((server as { name?: unknown }).name), token);
    }
    const imported = importRequest(JSON.stringify(entry.request), newId);
    if (!imported.success)
      return { success: false, error: `requests.${index} (${entry.name}): ${imported.error}` };
    const state: ComposerState = {
      ...imported.data.state,
      servers: imported.data.state.servers.map((server) => {
        const placeholder = placeholders.get(server.name);
        return placeholder ? { ...server, authorizationToken: placeholder } : server;
      }),
      ...(entry.checks?.length
        ? { checks: entry.checks.map((spec) => ({ id: newId(), spec })) }
        : {}),
    };
    out.push({
      name: entry.name,
      folder: entry.folder ?? "",
      description: entry.description ?? "",
      state,
      // The placeholders are asked for when the request is opened.
      notes: imported.data.notes.filter((note) => !/the token was the variable \{\{/.test(note)),
    });
  }
  return { success: true, data: out };
}

/**
 * Whether pasted text is meant as a collection file (the Import dialog sends it to the server,
 * which reads YAML): a top-level `version:` and `requests:` in YAML, or both keys in a JSON object.
 */
export function looksLikeCollectionFile(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return (
        typeof parsed === "object" && parsed !== null && "version" in parsed && "requests" in parsed
      );
    } catch {
      return false;
    }
  }
  return /^version\s*:/m.test(trimmed) && /^requests\s*:/m.test(trimmed);
}
