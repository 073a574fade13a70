// What the importers share: the error that names where a pasted text is wrong, how a token that
// is only a reference (`${VAR}`, `$VAR`, `${input:id}`, `<TOKEN>`, `{{VAR}}`) is told from a token, and how
// headers map onto the connector (a Bearer Authorization is the token; nothing else carries over).
import type { ServerDraft } from "@/lib/domain/request/types";
import { isObject } from "@/lib/domain/toolset/problems";

export { isObject, type JsonObject } from "@/lib/domain/toolset/problems";

/** An import that cannot go on: its message says where and what, and the composer is untouched. */
export class ImportError extends Error {}

// `{{NAME}}` is a collection file's placeholder (docs/formats.md).
const REFERENCE = /^(\$\{[^}]+\}|\$[A-Z_][A-Z0-9_]*|<[^>]+>|\{\{[A-Za-z_][A-Za-z0-9_]*\}\})$/;

/** A reference to a secret kept elsewhere, not the secret itself. */
export function isSecretReference(token: string): boolean {
  return REFERENCE.test(token.trim());
}

// What documentation puts where a token goes: YOUR_TOKEN, <token>, your-api-key-here, xxxx, ….
const PLACEHOLDER =
  /^(<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\}|x{3,}|\*{3,}|\.{3}|(your|my)[-_ ]?[\w-]*|[\w-]*[-_](here|goes[-_]here)|(bearer[-_ ]?)?(token|api[-_]?key|secret|access[-_]?token))$/i;

/** A docs placeholder in place of a token: flagged, never imported as one. */
export function isPlaceholderToken(token: string): boolean {
  return PLACEHOLDER.test(token.trim());
}

/** Says what to do about a token that was only a reference. */
export type ReferenceNote = (reference: string) => string;

/**
 * The Authorization Bearer header as the server's token (a reference becomes a note); every other
 * header a note: the connector has no custom headers.
 */
export function readHeaders(
  server: ServerDraft,
  headers: unknown,
  notes: string[],
  referenceNote: ReferenceNote,
): void {
  if (!isObject(headers)) return;
  for (const [header, value] of Object.entries(headers)) {
    const bearer = typeof value === "string" ? /^Bearer\s+(.+)$/i.exec(value.trim()) : null;
    if (header.toLowerCase() === "authorization" && bearer) {
      readToken(server, bearer[1]!, notes, referenceNote);
      continue;
    }
    notes.push(
      `${server.name}: header ${header} was left out — the connector sends no custom headers, only authorization_token as a Bearer token.`,
    );
  }
}

/** A token, or a note that it was a reference to fill in on the card. */
export function readToken(
  server: ServerDraft,
  token: string,
  notes: string[],
  referenceNote: ReferenceNote,
): void {
  if (isSecretReference(token)) notes.push(referenceNote(token.trim()));
  else server.authorizationToken = token;
}
