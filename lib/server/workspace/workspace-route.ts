import "server-only";
// What every workspace route does before and around its work: who may (on a local run everyone;
// on a deployment, whoever has the access token — short links open for anyone with the link),
// and the database, whose failure is a 503 that says why and that nothing was written.
import type { z } from "zod";
import { describeIssue } from "@/lib/domain/blocks/schema";
import { workspaceIdSchema } from "@/lib/domain/workspace/wire";
import { DatabaseUnavailableError, processDatabase, type Database } from "@/lib/server/db/connect";
import { DataDirInUseError } from "@/lib/server/db/data-dir-lock";
import { hasAccess, ACCESS_HEADER } from "@/lib/server/http/access";
import { bodyRefusal, errorResponse } from "@/lib/server/http/error-response";
import { readJsonBody } from "@/lib/server/http/read-body";
import { isLocalUse, siteSettingsFromEnv } from "@/lib/server/http/site-settings";

/** Bodies of workspace routes: a stored configuration, or a collection file, and a little around it. */
export const WORKSPACE_BODY_BYTES = 2_100_000;

/** null when this request may read and write the workspace; otherwise the refusal. */
export function workspaceRefusal(request: Request): Response | null {
  const settings = siteSettingsFromEnv();
  if (isLocalUse(request, settings) || hasAccess(request, settings)) return null;
  return errorResponse(
    401,
    settings.accessToken
      ? `Saved requests and collections on this deployment need its access token: open /access and enter it (scripts send it as '${ACCESS_HEADER}').`
      : "Saved requests and collections are only open on localhost here: this deployment's operator can set PLAYGROUND_ACCESS_TOKEN to open them to people who have that token.",
    { fields: { kind: "workspace_access" } },
  );
}

function databaseFailure(error: unknown): Response {
  const cause =
    error instanceof DataDirInUseError || error instanceof DatabaseUnavailableError
      ? error.message
      : new DatabaseUnavailableError(error).message;
  console.error(`Workspace database: ${cause}`);
  return errorResponse(
    503,
    `The workspace database is unavailable (${cause}). Nothing was saved; the composer is as it was.`,
    { fields: { kind: "database_unavailable" } },
  );
}

/** Runs `work` on this process's database; a database that cannot be opened or fails is a 503. */
export async function withDatabase(work: (db: Database) => Promise<Response>): Promise<Response> {
  let db: Database;
  try {
    db = (await processDatabase()).db;
  } catch (error) {
    return databaseFailure(error);
  }
  try {
    return await work(db);
  } catch (error) {
    return databaseFailure(error);
  }
}

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function readWorkspaceBody<T>(
  request: Request,
  schema: z.ZodType<T>,
): Promise<ParsedBody<T>> {
  const body = await readJsonBody(request, WORKSPACE_BODY_BYTES);
  if (!body.ok) return { ok: false, response: bodyRefusal(body, WORKSPACE_BODY_BYTES) };
  const parsed = schema.safeParse(body.json);
  if (!parsed.success) {
    return {
      ok: false,
      response: badRequest(
        `The request body is not what this route takes (${describeIssue(parsed.error)}).`,
      ),
    };
  }
  return { ok: true, data: parsed.data };
}

export function badRequest(message: string): Response {
  return errorResponse(400, message, { fields: { kind: "bad_request" } });
}

export function notFound(message: string, kind = "not_found"): Response {
  return errorResponse(404, message, { fields: { kind } });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** An id from a path, when it has the shape of ours (anything else is answered as not found). */
export function checkedId(id: string): string | null {
  return workspaceIdSchema.safeParse(id).success ? id : null;
}
