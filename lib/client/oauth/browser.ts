// The browser's side of signing in: the steps go to /api/oauth/*, the authorization page opens in
// a popup, and the app's callback page hands the code back over a BroadcastChannel (a popup that
// went through another origin has lost its opener). Everything read back is checked with zod.
import { z } from "zod";
import type { OAuthSession } from "@/lib/domain/oauth/session";
import { oauthSessionSchema } from "@/lib/domain/oauth/session-schema";
import { STEP_KINDS } from "@/lib/domain/oauth/steps";
import { readRouteError, unreachableError } from "@/lib/client/api/route-error";

export const OAUTH_CHANNEL = "mcp-playground-oauth";

const stepSchema = z.object({
  kind: z.enum(STEP_KINDS),
  title: z.string(),
  method: z.string().optional(),
  url: z.string().optional(),
  status: z.number().optional(),
  ok: z.boolean(),
  durationMs: z.number().optional(),
  requestHeaders: z.record(z.string().max(100), z.string().max(500)).optional(),
  responseHeaders: z.record(z.string().max(100), z.string().max(500)).optional(),
  detail: z.unknown().optional(),
  note: z.string().optional(),
});
const outcomeSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("redirect"),
    authorizationUrl: z.url(),
    session: oauthSessionSchema,
    steps: z.array(stepSchema),
  }),
  z.object({
    status: z.literal("authorized"),
    session: oauthSessionSchema,
    steps: z.array(stepSchema),
  }),
  z.object({
    status: z.literal("failed"),
    step: z.string(),
    message: z.string(),
    session: oauthSessionSchema,
    steps: z.array(stepSchema),
  }),
]);
export type BrowserFlowOutcome = z.infer<typeof outcomeSchema>;

export const callbackMessageSchema = z.object({
  type: z.literal("mcp-oauth-callback"),
  code: z.string().max(8000).nullable(),
  state: z.string().max(200).nullable(),
  error: z.string().max(200).nullable(),
  errorDescription: z.string().max(2000).nullable(),
});
export type CallbackMessage = z.infer<typeof callbackMessageSchema>;

/** The callback page's query string, as the message it broadcasts. */
export function callbackMessageFrom(search: string): CallbackMessage {
  const params = new URLSearchParams(search);
  return {
    type: "mcp-oauth-callback",
    code: params.get("code"),
    state: params.get("state"),
    error: params.get("error"),
    errorDescription: params.get("error_description"),
  };
}

export type OAuthPost = (
  action: "begin" | "complete" | "refresh",
  body: Record<string, unknown>,
) => Promise<BrowserFlowOutcome>;

/** One step through the app's server; failures of the route itself read as a failed step. */
export const postOAuth: OAuthPost = async (action, body) => {
  const failed = (message: string): BrowserFlowOutcome => ({
    status: "failed",
    step: "The playground's server",
    message,
    session: (body.session ?? {}) as OAuthSession,
    steps: [],
  });
  let response: Response;
  try {
    response = await fetch(`/api/oauth/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return failed(unreachableError(error, false).message);
  }
  if (!response.ok) return failed((await readRouteError(response)).message);
  const parsed = outcomeSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) return parsed.data;
  return failed("The sign-in step's answer could not be read.");
};

/** A popup the sign-in drives: navigated once the authorization URL is known, closed at the end. */
export interface SignInWindow {
  closed: boolean;
  close(): void;
  location: { href: string };
}

export type WaitForCallback = (
  state: string,
  popup: SignInWindow,
  signal: AbortSignal,
) => Promise<CallbackMessage>;

/** Waits for the callback page's message for this sign-in's state; gives up if the popup closes. */
export const waitForCallback: WaitForCallback = (state, popup, signal) =>
  new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(OAUTH_CHANNEL);
    const finish = (outcome: () => void) => {
      clearInterval(poll);
      clearTimeout(limit);
      channel.close();
      signal.removeEventListener("abort", onAbort);
      outcome();
    };
    channel.onmessage = (event: MessageEvent) => {
      const message = callbackMessageSchema.safeParse(event.data);
      // Another sign-in's callback (or anything else) is not ours.
      if (message.success && message.data.state === state) finish(() => resolve(message.data));
    };
    const poll = setInterval(() => {
      if (popup.closed)
        finish(() => reject(new Error("The sign-in window was closed before it finished.")));
    }, 500);
    const limit = setTimeout(
      () => finish(() => reject(new Error("No answer from the sign-in window within 5 minutes."))),
      5 * 60_000,
    );
    const onAbort = () => finish(() => reject(new Error("The sign-in was cancelled.")));
    signal.addEventListener("abort", onAbort, { once: true });
  });
