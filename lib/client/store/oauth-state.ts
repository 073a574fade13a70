// The sign-in slice's shape and its one pure rule (which tokens are due for a refresh): shared by
// the slice (oauth-slice.ts) and the flows it loads on first use (oauth-actions.ts).
import type { OAuthPost, SignInWindow, WaitForCallback } from "@/lib/client/oauth/browser";
import { tokenExpiring, type OAuthSession } from "@/lib/domain/oauth/session";
import type { OAuthStep } from "@/lib/domain/oauth/steps";
import type { ComposerState, ServerDraft } from "@/lib/domain/request/types";

export type SignInStatus = "signing-in" | "refreshing" | "signed-in" | "failed";

export interface ServerSignIn {
  status: SignInStatus;
  /** What the client holds for this server; null before the first step came back. */
  session: OAuthSession | null;
  /** The steps of the last flow (sign-in or refresh), for the inspector. */
  steps: OAuthStep[];
  failure: { step: string; message: string } | null;
}

export interface SignInOptions {
  popup: SignInWindow;
  /** The scope to ask for: from the server's challenge, or larger for a step-up. */
  scope?: string;
  resourceMetadataUrl?: string;
  /** A client registered out of band, entered by the person. */
  clientId?: string;
  clientSecret?: string;
}

export interface OAuthSlice {
  signIns: Record<string, ServerSignIn>;
  signIn: (serverId: string, options: SignInOptions) => Promise<void>;
  cancelSignIn: (serverId: string) => void;
  /** A new access token from the refresh token; false when it could not be had. */
  refreshSignIn: (serverId: string) => Promise<boolean>;
  signOut: (serverId: string) => void;
  /** Refreshes every signed-in server's token that has run out or is about to. */
  ensureFreshTokens: (serverIds?: readonly string[]) => Promise<void>;
}

export interface OAuthDependencies {
  post: OAuthPost;
  waitForCallback: WaitForCallback;
  now: () => number;
}

export interface OAuthHost {
  composer: ComposerState;
  updateServer: (serverId: string, patch: Partial<Omit<ServerDraft, "id">>) => void;
}

export type OAuthActions = Omit<OAuthSlice, "signIns" | "signOut">;

/**
 * The signed-in servers whose token has run out or is about to. A token the person typed over
 * the signed-in one is theirs: it is left alone.
 */
export function serversDueForRefresh(
  store: Pick<OAuthSlice, "signIns"> & Pick<OAuthHost, "composer">,
  nowMs: number,
  serverIds?: readonly string[],
): string[] {
  return Object.entries(store.signIns).flatMap(([serverId, signIn]) => {
    if (serverIds && !serverIds.includes(serverId)) return [];
    const session = signIn.session;
    const typed = store.composer.servers.find(
      (server) => server.id === serverId,
    )?.authorizationToken;
    if (!session?.tokens || typed !== session.tokens.access_token) return [];
    return tokenExpiring(session, nowMs) ? [serverId] : [];
  });
}
