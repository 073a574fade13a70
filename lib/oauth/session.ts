// What an MCP client keeps between the steps of signing in to one server — client registration,
// PKCE verifier, state, discovery results, tokens — as one plain object the browser holds (tab
// memory; saved only under "Remember tokens") and hands to the server's OAuth route with each
// step. The route trusts nothing in it: it is checked here first.
import { z } from "zod";

const url = z
  .string()
  .max(4000)
  .refine((value) => URL.canParse(value), "not a URL");

export const oauthSessionSchema = z.object({
  serverUrl: url,
  redirectUrl: url,
  /** An https URL of this app's client metadata document, when the app is served over https. */
  clientMetadataUrl: url.optional(),
  clientName: z.string().max(200),
  clientInformation: z
    .looseObject({
      client_id: z.string().max(4000),
      client_secret: z.string().max(4000).optional(),
      issuer: z.string().max(4000).optional(),
    })
    .optional(),
  /** Entered by the person: the client is registered out of band (no DCR, no CIMD). */
  preRegistered: z.boolean().optional(),
  tokens: z
    .looseObject({
      access_token: z.string().max(20_000),
      token_type: z.string().max(100),
      expires_in: z.number().optional(),
      refresh_token: z.string().max(20_000).optional(),
      scope: z.string().max(2000).optional(),
      issuer: z.string().max(4000).optional(),
    })
    .optional(),
  /** When the tokens arrived (epoch ms), for their expiry. */
  tokensAt: z.number().optional(),
  codeVerifier: z.string().max(200).optional(),
  state: z.string().max(200).optional(),
  /** The scope asked for in the current sign-in. */
  scope: z.string().max(2000).optional(),
  discovery: z
    .looseObject({
      authorizationServerUrl: z.string().max(4000),
      resourceMetadataUrl: z.string().max(4000).optional(),
      resourceMetadata: z.looseObject({}).optional(),
      authorizationServerMetadata: z.looseObject({}).optional(),
    })
    .optional(),
});

export type OAuthSession = z.infer<typeof oauthSessionSchema>;

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
