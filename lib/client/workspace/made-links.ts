// The short links this browser made, with the keys that revoke them: kept in this browser only
// (the server holds a hash of each key), checked when read, newest first, at most 50.
import { z } from "zod";

export const MADE_LINKS_KEY = "mcp-playground:short-links";
const MAX_KEPT = 50;

const madeLinkSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{24}$/),
  path: z.string().regex(/^\/s\/[A-Za-z0-9_-]{24}$/),
  revokeKey: z.string().min(16).max(200),
  createdAt: z.string().max(40),
  expiresAt: z.string().max(40),
  /** What the link held, for the list: its servers' names. */
  summary: z.string().max(300),
  revokedAt: z.string().max(40).optional(),
});
export type MadeLink = z.infer<typeof madeLinkSchema>;

type LinkStorage = Pick<Storage, "getItem" | "setItem">;

/** What is stored, each entry checked; a damaged entry is dropped, never shown. */
export function readMadeLinks(storage: LinkStorage): MadeLink[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(MADE_LINKS_KEY) ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = madeLinkSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

function write(storage: LinkStorage, links: MadeLink[]): MadeLink[] {
  const kept = links.slice(0, MAX_KEPT);
  try {
    storage.setItem(MADE_LINKS_KEY, JSON.stringify(kept));
  } catch {
    // A full or refused storage: the list lasts this page only.
  }
  return kept;
}

export function rememberMadeLink(storage: LinkStorage, link: MadeLink): MadeLink[] {
  return write(storage, [link, ...readMadeLinks(storage).filter((entry) => entry.id !== link.id)]);
}

export function markMadeLinkRevoked(storage: LinkStorage, id: string, at: string): MadeLink[] {
  return write(
    storage,
    readMadeLinks(storage).map((entry) => (entry.id === id ? { ...entry, revokedAt: at } : entry)),
  );
}
