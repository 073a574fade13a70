import "server-only";
// The demo authorization server's tokens, codes and client ids: self-contained, HMAC-signed JSON
// with a kind and an expiry. The signing key is derived from the storage key
// (PLAYGROUND_STORAGE_KEY, or the data directory's key file), so every instance that shares it
// verifies what another issued, and a restart keeps tokens valid; revoked families and spent codes
// live in the database, for every instance alike.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { inArray, lt } from "drizzle-orm";
import { databaseTargetFromEnv, processDatabase } from "@/lib/server/db/connect";
import { demoOAuthSpent } from "@/lib/server/db/schema";
import { storageKey } from "@/lib/server/db/sealing";

export const TOKEN_KINDS = ["code", "access", "refresh", "client"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

const KEY_SLOT = Symbol.for("mcp-playground.demo-oauth-key");
/** How long a revocation is kept when the token says no expiry (clients): a year. */
const FOREVER_MS = 365 * 24 * 60 * 60 * 1000;

/** The signing key: one per storage key (kept on globalThis: route bundles share it). */
function signingKey(): Buffer {
  const slot = globalThis as unknown as Record<symbol, Buffer | undefined>;
  if (!slot[KEY_SLOT]) {
    const target = databaseTargetFromEnv();
    const { key } = storageKey(target.kind === "pglite" ? { dataDir: target.dataDir } : {});
    slot[KEY_SLOT] = createHmac("sha256", key).update("demo-oauth signing v1").digest();
  }
  return slot[KEY_SLOT];
}

function mac(text: string): string {
  return createHmac("sha256", signingKey()).update(text).digest("base64url");
}

/** A signed token of `kind` carrying `claims`, valid for `ttlSeconds` (0: no expiry). */
export function signToken(
  kind: TokenKind,
  claims: Record<string, unknown>,
  ttlSeconds: number,
  nowMs: number,
): string {
  const body = Buffer.from(
    JSON.stringify({
      ...claims,
      kind,
      jti: randomBytes(9).toString("base64url"),
      iat: Math.floor(nowMs / 1000),
      ...(ttlSeconds > 0 ? { exp: Math.floor(nowMs / 1000) + ttlSeconds } : {}),
    }),
  ).toString("base64url");
  const head = `demo-${kind}.${body}`;
  return `${head}.${mac(head)}`;
}

export type Verified =
  | { ok: true; claims: Record<string, unknown> & { jti: string; exp?: number } }
  | { ok: false; reason: "malformed" | "expired" | "revoked" };

export async function verifyToken(
  kind: TokenKind,
  token: string,
  nowMs: number,
): Promise<Verified> {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== `demo-${kind}`) return { ok: false, reason: "malformed" };
  const head = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(mac(head));
  const given = Buffer.from(parts[2] ?? "");
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "malformed" };
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims.jti !== "string" || claims.kind !== kind)
    return { ok: false, reason: "malformed" };
  if (typeof claims.exp === "number" && claims.exp * 1000 <= nowMs)
    return { ok: false, reason: "expired" };
  const family = typeof claims.family === "string" ? claims.family : claims.jti;
  const { db } = await processDatabase();
  const revoked = await db
    .select({ jti: demoOAuthSpent.jti })
    .from(demoOAuthSpent)
    .where(inArray(demoOAuthSpent.jti, [`revoked:${claims.jti}`, `revoked:${family}`]))
    .limit(1);
  if (revoked.length) return { ok: false, reason: "revoked" };
  return { ok: true, claims: claims as Record<string, unknown> & { jti: string } };
}

function keptUntil(claims: { exp?: unknown }, nowMs: number, atLeastMs = 0): Date {
  const exp = typeof claims.exp === "number" ? claims.exp * 1000 : nowMs + FOREVER_MS;
  return new Date(Math.max(exp, nowMs + atLeastMs));
}

/**
 * Revokes a token and, for a refresh token, every access token issued from it (its family: kept
 * as long as a refresh token lives, a year for one without expiry).
 */
export async function revokeToken(
  claims: { jti: string; family?: unknown; exp?: unknown },
  nowMs: number,
): Promise<void> {
  const family = typeof claims.family === "string" ? claims.family : claims.jti;
  const { db } = await processDatabase();
  const until = keptUntil(claims, nowMs, FOREVER_MS / 12);
  await db
    .insert(demoOAuthSpent)
    .values([
      { jti: `revoked:${family}`, kind: "revoked", expiresAt: until },
      { jti: `revoked:${claims.jti}`, kind: "revoked", expiresAt: until },
    ])
    .onConflictDoNothing();
  // What has expired need not be remembered.
  await db.delete(demoOAuthSpent).where(lt(demoOAuthSpent.expiresAt, new Date(nowMs)));
}

/** Marks a code used; false when it already was, on any instance (codes are single-use). */
export async function spendCode(
  claims: { jti: string; exp?: unknown },
  nowMs: number,
): Promise<boolean> {
  const { db } = await processDatabase();
  const inserted = await db
    .insert(demoOAuthSpent)
    .values({ jti: `code:${claims.jti}`, kind: "code", expiresAt: keptUntil(claims, nowMs) })
    .onConflictDoNothing()
    .returning({ jti: demoOAuthSpent.jti });
  return inserted.length > 0;
}
