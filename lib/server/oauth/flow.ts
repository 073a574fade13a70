import "server-only";
// Signing in to one MCP server, as the MCP authorization spec describes, with the MCP SDK's own
// client (`auth()` and an OAuthClientProvider): protected-resource metadata, authorization-server
// metadata, a client id (metadata document, dynamic registration, or one entered by the person),
// authorization code with PKCE and the resource indicator, refresh. Each call takes the session
// the client holds and returns the updated one, with the steps it took — so it runs the same on
// the app's server (for a browser) and in a script (the conformance client).
import {
  auth,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
} from "@modelcontextprotocol/sdk/client/auth.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import type { OAuthSession } from "@/lib/domain/oauth/session";
import {
  authorizationRequestStep,
  maskSecret,
  recordingFetch,
  STEP_TITLES,
  type OAuthStep,
} from "@/lib/domain/oauth/steps";

export type FlowOutcome =
  | { status: "redirect"; authorizationUrl: string; session: OAuthSession; steps: OAuthStep[] }
  | { status: "authorized"; session: OAuthSession; steps: OAuthStep[] }
  | { status: "failed"; step: string; message: string; session: OAuthSession; steps: OAuthStep[] };

export interface FlowOptions {
  /** The fetch every request goes through (the address guard in the app). */
  fetch: typeof fetch;
  now?: () => number;
  /** A random `state`; crypto by default. */
  createState?: () => string;
}

/** The SDK's provider interface over a session object, which it updates in place. */
class SessionProvider implements OAuthClientProvider {
  authorizationUrl: URL | null = null;

  constructor(
    readonly session: OAuthSession,
    private readonly createState: () => string,
  ) {}

  get redirectUrl(): string {
    return this.session.redirectUrl;
  }

  get clientMetadataUrl(): string | undefined {
    return this.session.clientMetadataUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.session.clientName,
      redirect_uris: [this.session.redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  state(): string {
    this.session.state = this.createState();
    return this.session.state;
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.session.clientInformation;
  }

  // Dynamic registration is only offered when the person did not enter a client of their own.
  get saveClientInformation() {
    if (this.session.preRegistered) return undefined;
    return (information: OAuthClientInformationMixed) => {
      this.session.clientInformation = information;
    };
  }

  tokens(): OAuthTokens | undefined {
    return this.session.tokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.session.tokens = tokens;
  }

  redirectToAuthorization(authorizationUrl: URL): void {
    this.authorizationUrl = authorizationUrl;
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.session.codeVerifier = codeVerifier;
  }

  codeVerifier(): string {
    if (!this.session.codeVerifier)
      throw new Error("No PKCE code verifier: start the sign-in again.");
    return this.session.codeVerifier;
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.session.discovery = state as OAuthSession["discovery"];
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.session.discovery as OAuthDiscoveryState | undefined;
  }

  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery"): void {
    if (scope === "all" || scope === "tokens") delete this.session.tokens;
    if (scope === "all" || scope === "verifier") delete this.session.codeVerifier;
    if (scope === "all" || scope === "discovery") delete this.session.discovery;
    if ((scope === "all" || scope === "client") && !this.session.preRegistered)
      delete this.session.clientInformation;
  }
}

function randomState(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (char) =>
    char === "+" ? "-" : char === "/" ? "_" : "",
  );
}

function failure(
  error: unknown,
  steps: OAuthStep[],
  session: OAuthSession,
  fallbackStep: string,
): FlowOutcome {
  const last = steps.at(-1);
  const failedStep = last && !last.ok ? last.title : fallbackStep;
  const message = error instanceof Error ? error.message : String(error);
  return { status: "failed", step: failedStep, message, session, steps };
}

function secretsOf(session: OAuthSession): string[] {
  return [
    session.tokens?.access_token,
    session.tokens?.refresh_token,
    session.codeVerifier,
    session.clientInformation?.client_secret,
  ].filter((value): value is string => !!value && value.length >= 8);
}

/**
 * The outcome with every secret the sessions hold masked wherever it appears in the steps or the
 * message: servers echo what they were sent, under names the step recorder cannot know.
 */
function scrubbed(start: OAuthSession, outcome: FlowOutcome): FlowOutcome {
  const secrets = [...new Set([...secretsOf(start), ...secretsOf(outcome.session)])];
  if (secrets.length === 0) return outcome;
  const scrub = (text: string) =>
    secrets.reduce((out, secret) => out.replaceAll(secret, maskSecret(secret)), text);
  const steps = JSON.parse(scrub(JSON.stringify(outcome.steps))) as OAuthStep[];
  return outcome.status === "failed"
    ? { ...outcome, steps, message: scrub(outcome.message) }
    : { ...outcome, steps };
}

/** Which client-identification path the flow took, as a step of its own (it makes no request). */
function clientStep(before: OAuthSession, after: OAuthSession, steps: OAuthStep[]): void {
  if (before.clientInformation || !after.clientInformation) {
    if (before.preRegistered && before.clientInformation) {
      steps.push({
        kind: "pre-registered-client",
        title: STEP_TITLES["pre-registered-client"],
        ok: true,
        detail: { client_id: before.clientInformation.client_id },
        note: "Entered by you: no registration request.",
      });
    }
    return;
  }
  if (after.clientInformation.client_id === after.clientMetadataUrl) {
    steps.push({
      kind: "client-id-metadata-document",
      title: STEP_TITLES["client-id-metadata-document"],
      ok: true,
      detail: { client_id: after.clientMetadataUrl },
      note: "The authorization server supports URL client ids: this app's metadata document is the client id.",
    });
  }
}

/**
 * Starts a sign-in: discovery, a client id, then the authorization URL to open. Tokens already
 * held are set aside first, so "sign in again" really asks (e.g. for a larger scope).
 */
async function beginSignInUnscrubbed(
  start: OAuthSession,
  options: FlowOptions & { scope?: string; resourceMetadataUrl?: string },
): Promise<FlowOutcome> {
  const session: OAuthSession = structuredClone(start);
  delete session.tokens;
  delete session.tokensAt;
  delete session.codeVerifier;
  session.scope = options.scope;
  const steps: OAuthStep[] = [];
  const provider = new SessionProvider(session, options.createState ?? randomState);
  try {
    const result = await auth(provider, {
      serverUrl: session.serverUrl,
      scope: options.scope,
      resourceMetadataUrl: options.resourceMetadataUrl
        ? new URL(options.resourceMetadataUrl)
        : undefined,
      fetchFn: recordingFetch(options.fetch, steps),
    });
    clientStep(start, session, steps);
    if (result === "AUTHORIZED" || !provider.authorizationUrl) {
      session.tokensAt = (options.now ?? Date.now)();
      return { status: "authorized", session, steps };
    }
    steps.push(authorizationRequestStep(provider.authorizationUrl));
    return { status: "redirect", authorizationUrl: provider.authorizationUrl.href, session, steps };
  } catch (error) {
    return failure(error, steps, session, STEP_TITLES["authorization-request"]);
  }
}

/** Finishes a sign-in with what the authorization server sent back to the callback page. */
async function completeSignInUnscrubbed(
  start: OAuthSession,
  response: {
    code?: string | null;
    state?: string | null;
    error?: string | null;
    errorDescription?: string | null;
  },
  options: FlowOptions,
): Promise<FlowOutcome> {
  const session: OAuthSession = structuredClone(start);
  const steps: OAuthStep[] = [];
  const responseStep: OAuthStep = {
    kind: "authorization-response",
    title: STEP_TITLES["authorization-response"],
    ok: false,
    detail: {
      code: response.code ? "(received, masked)" : null,
      state: response.state ?? null,
      ...(response.error
        ? { error: response.error, error_description: response.errorDescription }
        : {}),
    },
  };
  steps.push(responseStep);
  if (response.error) {
    return {
      status: "failed",
      step: responseStep.title,
      message: `The authorization server said ${response.error}${response.errorDescription ? `: ${response.errorDescription}` : ""}.`,
      session,
      steps,
    };
  }
  if (!session.state || response.state !== session.state) {
    return {
      status: "failed",
      step: responseStep.title,
      message:
        "The state sent back does not match the one this sign-in sent: refused (it may be a forged or stale callback).",
      session,
      steps,
    };
  }
  if (!response.code) {
    return {
      status: "failed",
      step: responseStep.title,
      message: "No authorization code came back.",
      session,
      steps,
    };
  }
  responseStep.ok = true;
  const provider = new SessionProvider(session, options.createState ?? randomState);
  try {
    await auth(provider, {
      serverUrl: session.serverUrl,
      authorizationCode: response.code,
      scope: session.scope,
      fetchFn: recordingFetch(options.fetch, steps),
    });
    delete session.codeVerifier;
    delete session.state;
    session.tokensAt = (options.now ?? Date.now)();
    return { status: "authorized", session, steps };
  } catch (error) {
    return failure(error, steps, session, STEP_TITLES["token-exchange"]);
  }
}

/** A new access token from the refresh token; "redirect" means the person must sign in again. */
async function refreshSignInUnscrubbed(
  start: OAuthSession,
  options: FlowOptions,
): Promise<FlowOutcome> {
  const session: OAuthSession = structuredClone(start);
  const steps: OAuthStep[] = [];
  if (!session.tokens?.refresh_token) {
    return {
      status: "failed",
      step: STEP_TITLES["token-refresh"],
      message: "There is no refresh token: sign in again.",
      session,
      steps,
    };
  }
  const provider = new SessionProvider(session, options.createState ?? randomState);
  const before = session.tokens.access_token;
  try {
    const result = await auth(provider, {
      serverUrl: session.serverUrl,
      scope: session.scope,
      fetchFn: recordingFetch(options.fetch, steps),
    });
    if (result === "REDIRECT" || session.tokens?.access_token === before) {
      return {
        status: "failed",
        step: STEP_TITLES["token-refresh"],
        message: "The refresh token was not accepted (expired or revoked): sign in again.",
        session,
        steps,
      };
    }
    session.tokensAt = (options.now ?? Date.now)();
    return { status: "authorized", session, steps };
  } catch (error) {
    return failure(error, steps, session, STEP_TITLES["token-refresh"]);
  }
}

/** Starts a sign-in (see beginSignInUnscrubbed); secrets in its steps and errors are masked. */
export async function beginSignIn(
  start: OAuthSession,
  options: FlowOptions & { scope?: string; resourceMetadataUrl?: string },
): Promise<FlowOutcome> {
  return scrubbed(start, await beginSignInUnscrubbed(start, options));
}

/** Finishes a sign-in (see completeSignInUnscrubbed), secrets masked. */
export async function completeSignIn(
  start: OAuthSession,
  response: Parameters<typeof completeSignInUnscrubbed>[1],
  options: FlowOptions,
): Promise<FlowOutcome> {
  return scrubbed(start, await completeSignInUnscrubbed(start, response, options));
}

export async function refreshSignIn(
  start: OAuthSession,
  options: FlowOptions,
): Promise<FlowOutcome> {
  return scrubbed(start, await refreshSignInUnscrubbed(start, options));
}
