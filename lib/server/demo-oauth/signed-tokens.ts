import "server-only";
// The demo authorization server's tokens, codes and client ids: self-contained, HMAC-signed JSON
// with a kind and an expiry, so the demo needs no database. The key is made once per process and
// kept on globalThis (Next.js may load this module once per route bundle); tokens do not outlive
// the process. Revocations are remembered in the same place, bounded.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_KINDS = ["code", "access", "refresh", "client"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

interface DemoAuthState {
  key: Buffer;
  revoked: Set<string>;
  usedCodes: Set<string>;
}

const STATE_KEY = Symbol.for("mcp-playground.demo-oauth");
const MAX_REMEMBERED = 10_000;

function state(): DemoAuthState {
  const store = globalThis as unknown as Record<symbol, DemoAuthState | undefined>;
  return (store[STATE_KEY] ??= {
    key: randomBytes(32),
    revoked: new Set(),
    usedCodes: new Set(),
  });
}

function remember(set: Set<string>, value: string): void {
  if (set.size >= MAX_REMEMBERED) set.delete(set.values().next().value as string);
  set.add(value);
}

function mac(text: string): string {
  return createHmac("sha256", state().key).update(text).digest("base64url");
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

export function verifyToken(kind: TokenKind, token: string, nowMs: number): Verified {
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
  const family = typeof claims.family === "string" ? claims.family : claims.jti;
  if (state().revoked.has(claims.jti) || state().revoked.has(family))
    return { ok: false, reason: "revoked" };
  if (typeof claims.exp === "number" && claims.exp * 1000 <= nowMs)
    return { ok: false, reason: "expired" };
  return { ok: true, claims: claims as Record<string, unknown> & { jti: string } };
}

/** Revokes a token and, for a refresh token, every access token issued from it. */
export function revokeToken(claims: { jti: string; family?: unknown }): void {
  remember(state().revoked, typeof claims.family === "string" ? claims.family : claims.jti);
  remember(state().revoked, claims.jti);
}

/** Marks a code used; false when it already was (codes are single-use). */
export function spendCode(jti: string): boolean {
  if (state().usedCodes.has(jti)) return false;
  remember(state().usedCodes, jti);
  return true;
}
