import "server-only";
// Short links: a stored configuration behind an unguessable id, answered at /s/<id> until it
// expires or the browser that made it revokes it (with a key only that browser was given).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { coalesce, perDatabase } from "@/lib/server/db/coalesce";
import type { Database } from "@/lib/server/db/connect";
import { shortLinks } from "@/lib/server/db/schema";
import { encodedFromStorage, type StoredState } from "./stored-state";

const DAY_MS = 24 * 60 * 60 * 1000;

/** 18 random bytes: 144 bits, 24 base64url characters. */
export function newShortLinkId(): string {
  return randomBytes(18).toString("base64url");
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

export interface CreatedShortLink {
  id: string;
  revokeKey: string;
  expiresAt: Date;
}

export async function createShortLink(
  db: Database,
  stored: StoredState,
  { ttlDays, now = new Date() }: { ttlDays: number; now?: Date },
): Promise<CreatedShortLink> {
  const id = newShortLinkId();
  const revokeKey = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  await insertLink(db, {
    id,
    state: stored,
    revokeHash: hashKey(revokeKey),
    createdAt: now,
    expiresAt,
  });
  return { id, revokeKey, expiresAt };
}

type LinkRow = typeof shortLinks.$inferSelect;

/** Links created together are inserted together. */
const insertLink = perDatabase((db: Database) =>
  coalesce(async (rows: (typeof shortLinks.$inferInsert)[]) => {
    await db.insert(shortLinks).values(rows);
    return rows.map(() => undefined);
  }),
);

/** Links opened together are read together. */
const selectLink = perDatabase((db: Database) =>
  coalesce(async (ids: string[]) => {
    const rows = await db
      .select()
      .from(shortLinks)
      .where(inArray(shortLinks.id, [...new Set(ids)]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id): LinkRow | undefined => byId.get(id));
  }),
);

export type OpenedShortLink =
  | { status: "open"; encoded: string; createdAt: Date; expiresAt: Date }
  | { status: "unknown" }
  | { status: "revoked"; revokedAt: Date }
  | { status: "expired"; expiresAt: Date }
  | { status: "damaged" };

export async function openShortLink(
  db: Database,
  id: string,
  now: Date = new Date(),
): Promise<OpenedShortLink> {
  const row = await selectLink(db, id);
  if (!row) return { status: "unknown" };
  if (row.revokedAt) return { status: "revoked", revokedAt: row.revokedAt };
  if (row.expiresAt.getTime() <= now.getTime())
    return { status: "expired", expiresAt: row.expiresAt };
  const state = encodedFromStorage(row.state);
  if (!state.ok) return { status: "damaged" };
  return {
    status: "open",
    encoded: state.encoded,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export type RevokeOutcome = "revoked" | "unknown" | "wrong_key";

export async function revokeShortLink(
  db: Database,
  id: string,
  revokeKey: string,
  now: Date = new Date(),
): Promise<RevokeOutcome> {
  const [row] = await db
    .select({ revokeHash: shortLinks.revokeHash, revokedAt: shortLinks.revokedAt })
    .from(shortLinks)
    .where(eq(shortLinks.id, id))
    .limit(1);
  if (!row) return "unknown";
  const given = Buffer.from(hashKey(revokeKey));
  const expected = Buffer.from(row.revokeHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "wrong_key";
  if (!row.revokedAt) {
    await db.update(shortLinks).set({ revokedAt: now }).where(eq(shortLinks.id, id));
  }
  return "revoked";
}
