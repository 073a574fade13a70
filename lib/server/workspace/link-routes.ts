import "server-only";
// POST /api/links {state} → a short link; GET /api/links/<id> → its configuration (or why not);
// DELETE /api/links/<id> {revokeKey} → revoked. Opening needs only the link; making one needs
// the workspace's access.
import {
  createLinkBodySchema,
  revokeLinkBodySchema,
  SHORT_LINK_ID,
  shortLinkPath,
} from "@/lib/domain/workspace/wire";
import { errorResponse } from "@/lib/server/http/error-response";
import { linkTtlDays } from "@/lib/server/settings";
import { createShortLink, openShortLink, revokeShortLink } from "./short-links";
import { stateForStorage } from "./stored-state";
import {
  badRequest,
  json,
  notFound,
  readWorkspaceBody,
  withDatabase,
  workspaceRefusal,
} from "./workspace-route";

const UNKNOWN_LINK =
  "This link is not known here: check that it was copied whole, or ask for a new one.";

export async function handleCreateLink(request: Request): Promise<Response> {
  const refusal = workspaceRefusal(request);
  if (refusal) return refusal;
  const body = await readWorkspaceBody(request, createLinkBodySchema);
  if (!body.ok) return body.response;
  const state = stateForStorage(body.data.state);
  if (!state.ok) return badRequest(state.message);
  return withDatabase(async (db) => {
    const link = await createShortLink(db, state.stored, { ttlDays: linkTtlDays() });
    return json(
      {
        id: link.id,
        path: shortLinkPath(link.id),
        expiresAt: link.expiresAt.toISOString(),
        revokeKey: link.revokeKey,
      },
      201,
    );
  });
}

export async function handleOpenLink(id: string): Promise<Response> {
  if (!SHORT_LINK_ID.test(id)) return notFound(UNKNOWN_LINK, "link_unknown");
  return withDatabase(async (db) => {
    const link = await openShortLink(db, id);
    switch (link.status) {
      case "open":
        return json({
          state: link.encoded,
          createdAt: link.createdAt.toISOString(),
          expiresAt: link.expiresAt.toISOString(),
        });
      case "unknown":
        return notFound(UNKNOWN_LINK, "link_unknown");
      case "revoked":
        return errorResponse(410, "This link was revoked by the person who made it.", {
          fields: { kind: "link_revoked" },
        });
      case "expired":
        return errorResponse(
          410,
          `This link expired on ${link.expiresAt.toISOString().slice(0, 10)}: ask for a new one.`,
          { fields: { kind: "link_expired" } },
        );
      case "damaged":
        return errorResponse(
          500,
          "This link's stored configuration is damaged and was not opened.",
          { fields: { kind: "link_damaged" } },
        );
    }
  });
}

export async function handleRevokeLink(request: Request, id: string): Promise<Response> {
  const body = await readWorkspaceBody(request, revokeLinkBodySchema);
  if (!body.ok) return body.response;
  if (!SHORT_LINK_ID.test(id)) return notFound(UNKNOWN_LINK, "link_unknown");
  return withDatabase(async (db) => {
    const outcome = await revokeShortLink(db, id, body.data.revokeKey);
    if (outcome === "unknown") return notFound(UNKNOWN_LINK, "link_unknown");
    if (outcome === "wrong_key") {
      return errorResponse(403, "Only the browser that made this link can revoke it.", {
        fields: { kind: "wrong_revoke_key" },
      });
    }
    return json({ ok: true });
  });
}
