// What an MCP client keeps between the steps of signing in to one server — client registration,
// PKCE verifier, state, discovery results, tokens — as one plain object the browser holds (tab
// memory; saved only under "Remember tokens") and hands to the server's OAuth route with each
// step. The route trusts nothing in it: it is checked here first.
import type { OAuthSession } from "./session-schema";

export type { OAuthSession };

/** When the access token expires (epoch ms), if the server said. */
export function tokenExpiresAt(session: OAuthSession): number | null {
  const seconds = session.tokens?.expires_in;
  if (seconds === undefined || session.tokensAt === undefined) return null;
  return session.tokensAt + seconds * 1000;
}

/**
 * Whether the access token is expired, or will be within the margin: 15 s, or a fifth of its
 * lifetime for short-lived tokens (a 10 s token is not "expiring" the moment it arrives).
 */
export function tokenExpiring(session: OAuthSession, nowMs: number, marginMs = 15_000): boolean {
  const expiresAt = tokenExpiresAt(session);
  if (expiresAt === null || session.tokensAt === undefined) return false;
  const margin = Math.min(marginMs, (expiresAt - session.tokensAt) / 5);
  return expiresAt - margin <= nowMs;
}

/** What the card shows about a signed-in server: who issued the token, for what, until when. */
export function describeSignIn(session: OAuthSession): {
  issuer: string | null;
  scopes: string[];
  expiresAt: number | null;
  canRefresh: boolean;
} {
  return {
    issuer: session.tokens?.issuer ?? session.discovery?.authorizationServerUrl ?? null,
    scopes: (session.tokens?.scope ?? session.scope ?? "").split(" ").filter(Boolean),
    expiresAt: tokenExpiresAt(session),
    canRefresh: !!session.tokens?.refresh_token,
  };
}
