// The Request JSON view, edited by hand: the text is read the way Import reads a pasted request,
// then laid over the composer as it stands, so what the JSON cannot hold survives the edit: each
// server's id (its discovery and sign-in stay), its hidden token, the stdio servers (not in the
// connector request) and the run's checks.
import type { NewId } from "@/lib/domain/request/composer";
import { REDACTED_TOKEN } from "@/lib/domain/request/build-request";
import type { ComposerState, ServerDraft } from "@/lib/domain/request/types";
import { importRequest } from "./import-request";

export type RequestEditResult =
  { success: true; state: ComposerState; notes: string[] } | { success: false; error: string };

export function applyRequestEdit(
  text: string,
  current: ComposerState,
  newId: NewId,
): RequestEditResult {
  const imported = importRequest(text, newId, current);
  if (!imported.success) return imported;
  const notes = imported.data.notes;
  const edited = imported.data.state;
  const unclaimed = current.servers.filter((server) => !server.stdio);
  const servers = edited.servers.map((server) => {
    // The same server is the one of that name (a rename is a new server: its tokens stay behind).
    const index = unclaimed.findIndex((candidate) => candidate.name === server.name);
    const before = index === -1 ? undefined : unclaimed.splice(index, 1)[0];
    return before ? carryOver(server, before) : withoutHiddenToken(server);
  });
  return {
    success: true,
    state: {
      ...edited,
      servers: [...servers, ...current.servers.filter((server) => server.stdio)],
      ...(current.checks ? { checks: current.checks } : {}),
    },
    notes,
  };
}

function carryOver(edited: ServerDraft, before: ServerDraft): ServerDraft {
  const hidden = isHidden(edited.authorizationToken);
  return {
    ...edited,
    id: before.id,
    authorizationToken: hidden ? before.authorizationToken : edited.authorizationToken,
    ...(before.keepUrlSecrets ? { keepUrlSecrets: true } : {}),
    ...(before.readOnlyAllowlist && !edited.readOnlyAllowlist ? { readOnlyAllowlist: true } : {}),
  };
}

function withoutHiddenToken(server: ServerDraft): ServerDraft {
  return isHidden(server.authorizationToken) ? { ...server, authorizationToken: "" } : server;
}

/** The view shows a token as REDACTED_TOKEN: left so, it means "the token the composer holds". */
function isHidden(token: string): boolean {
  return token === REDACTED_TOKEN;
}
