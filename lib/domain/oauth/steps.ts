// The sign-in flow as a list of steps a person can inspect like a debugger: every request the
// OAuth client made (which metadata URL, what it said, the registration, the token response) and
// the authorization URL's parameters — with every secret masked.
import { maskHeaders } from "@/lib/domain/protocol/log";

export const STEP_KINDS = [
  "protected-resource-metadata",
  "authorization-server-metadata",
  "client-registration",
  "client-id-metadata-document",
  "pre-registered-client",
  "authorization-request",
  "authorization-response",
  "token-exchange",
  "token-refresh",
  "request",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_TITLES: Record<StepKind, string> = {
  "protected-resource-metadata": "Protected resource metadata (RFC 9728)",
  "authorization-server-metadata": "Authorization server metadata (RFC 8414 / OpenID)",
  "client-registration": "Dynamic client registration (RFC 7591)",
  "client-id-metadata-document": "Client ID metadata document",
  "pre-registered-client": "Pre-registered client",
  "authorization-request": "Authorization request (PKCE S256)",
  "authorization-response": "Authorization response",
  "token-exchange": "Token request (authorization code)",
  "token-refresh": "Token refresh",
  request: "Request",
};

export interface OAuthStep {
  kind: StepKind;
  title: string;
  method?: string;
  url?: string;
  status?: number;
  ok: boolean;
  durationMs?: number;
  /** The headers that matter, each secret one masked (lib/domain/protocol/log.ts). */
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  /** What was sent or said, masked: parameters, or the JSON answer. */
  detail?: unknown;
  note?: string;
}

/** Keys whose values are secrets in OAuth requests and answers. */
const SECRET_KEYS = new Set([
  "access_token",
  "refresh_token",
  "id_token",
  "client_secret",
  "code",
  "code_verifier",
  "assertion",
  "client_assertion",
]);

export function maskSecret(value: string): string {
  return value.length <= 8 ? "•••" : `${value.slice(0, 4)}… (${value.length} characters, masked)`;
}

/** A JSON value with every secret-named field masked, deeply. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEYS.has(key) && typeof inner === "string" ? maskSecret(inner) : maskSecrets(inner),
    ]),
  );
}

function maskForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    out[key] = SECRET_KEYS.has(key) ? maskSecret(value) : value;
  }
  return out;
}

function classify(url: URL, method: string, body: string | null): StepKind {
  const path = url.pathname;
  if (path.includes("/.well-known/oauth-protected-resource")) return "protected-resource-metadata";
  if (
    path.includes("/.well-known/oauth-authorization-server") ||
    path.includes("/.well-known/openid-configuration")
  )
    return "authorization-server-metadata";
  if (method === "POST" && body) {
    const grant = new URLSearchParams(body).get("grant_type");
    if (grant === "authorization_code") return "token-exchange";
    if (grant === "refresh_token") return "token-refresh";
    if (body.trimStart().startsWith("{") && body.includes("redirect_uris"))
      return "client-registration";
  }
  return "request";
}

/** The authorization URL as a step: its parameters, the state and challenge shown, nothing secret. */
export function authorizationRequestStep(authorizationUrl: URL): OAuthStep {
  return {
    kind: "authorization-request",
    title: STEP_TITLES["authorization-request"],
    method: "GET",
    url: `${authorizationUrl.origin}${authorizationUrl.pathname}`,
    ok: true,
    detail: Object.fromEntries(authorizationUrl.searchParams),
    note: "Opened in a popup; the server sends the browser back to this app's callback page.",
  };
}

/**
 * A fetch that records each request as a step. `onStep` sees each as it ends, so a failure can be
 * named by the step it happened in.
 */
export function recordingFetch(
  base: typeof fetch,
  steps: OAuthStep[],
  now: () => number = () => performance.now(),
): typeof fetch {
  return async (input, init) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    const method = (init?.method ?? "GET").toUpperCase();
    const body =
      typeof init?.body === "string"
        ? init.body
        : init?.body instanceof URLSearchParams
          ? init.body.toString()
          : null;
    const kind = classify(url, method, body);
    const started = now();
    const step: OAuthStep = {
      kind,
      title: STEP_TITLES[kind],
      method,
      url: url.href,
      ok: false,
      requestHeaders: maskHeaders(new Headers(init?.headers)),
    };
    steps.push(step);
    if (body)
      step.detail = {
        sent: body.trimStart().startsWith("{") ? maskSecrets(safeJson(body)) : maskForm(body),
      };
    try {
      const response = await base(input, init);
      step.status = response.status;
      step.ok = response.ok;
      step.responseHeaders = maskHeaders(response.headers);
      step.durationMs = Math.round(now() - started);
      const text = await response
        .clone()
        .text()
        .catch(() => "");
      const parsed = safeJson(text);
      step.detail = {
        ...(step.detail as object | undefined),
        received: parsed === undefined ? text.slice(0, 2000) : maskSecrets(parsed),
      };
      return response;
    } catch (error) {
      step.durationMs = Math.round(now() - started);
      step.note = error instanceof Error ? error.message : String(error);
      throw error;
    }
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
