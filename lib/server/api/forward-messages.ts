import "server-only";
// POST /api/messages: the browser's request goes through here so the API key stays on the server.
// The body is checked with zod (1 MiB at most), sent with the official SDK to the real API or to
// the built-in emulator, and the answer — success or API error — is passed back unchanged.
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";
import { isHeaderSafe, redactSecrets } from "@/lib/domain/api/redact";
import { z } from "zod";
import {
  handleEmulatorCountTokens,
  handleEmulatorRequest,
  readTestHooks,
} from "@/lib/server/emulator/handler";
import { serverKeyPermission } from "@/lib/server/http/access";
import { errorResponse } from "@/lib/server/http/error-response";
import { clientKey } from "@/lib/server/http/rate-limit";
import { readJsonBody } from "@/lib/server/http/read-body";
import {
  requestOrigin,
  siteSettingsFromEnv,
  type SiteSettings,
} from "@/lib/server/http/site-settings";
import { TARGETS, type Target } from "@/lib/domain/request/targets";

export const MAX_REQUEST_BYTES = 1024 * 1024;
export const TARGET_HEADER = "x-playground-target";
export const BROWSER_KEY_HEADER = "x-playground-api-key";
const EMULATOR_BASE_URL = "http://emulator.internal/api/emulator";

/** The outer shape of `client.beta.messages.create` params; the API itself judges the rest. */
export const messagesParamsSchema = z.looseObject({
  model: z.string().min(1, "model: a model id is required"),
  max_tokens: z.number().int().positive("max_tokens: must be at least 1"),
  messages: z
    .array(z.looseObject({ role: z.enum(["user", "assistant", "system"]) }))
    .min(1, "messages: at least one message"),
  betas: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
});

export interface ForwardEnvironment {
  apiKey?: string;
  baseURL?: string;
  /** Per-request time limit towards the target. */
  timeoutMs?: number;
  /** Honour the emulator's test-only headers (PLAYGROUND_TEST_HOOKS=1 in the e2e server). */
  testHooks?: boolean;
  /** Who may use the server's key (access token, allowed hosts); from the environment by default. */
  site?: SiteSettings;
}

function apiError(
  status: number,
  type: string,
  message: string,
  requestId?: string | null,
): Response {
  return errorResponse(status, message, { type, requestId });
}

export async function forwardMessages(
  request: Request,
  env: ForwardEnvironment,
): Promise<Response> {
  const body = await readJsonBody(request, MAX_REQUEST_BYTES);
  if (!body.ok && body.problem === "too_large") {
    return apiError(
      413,
      "request_too_large",
      `The request body is over the playground's 1 MiB limit${body.declaredBytes ? ` (${body.declaredBytes} bytes)` : ""}.`,
    );
  }
  if (!body.ok)
    return apiError(400, "invalid_request_error", "The request body is not valid JSON.");
  const parsed = messagesParamsSchema.safeParse(body.json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "body"}: ${issue.message}`,
    );
    return apiError(
      400,
      "invalid_request_error",
      `The request does not have the shape of Messages params: ${issues.join("; ")}`,
    );
  }

  const target = readTarget(request.headers.get(TARGET_HEADER), env);
  const chosen = targetClient(request, env, target);
  if (chosen instanceof Response) return chosen;
  const { client, browserKey } = chosen;

  try {
    // Streamed or not, the SDK hands back the raw response and its body goes out as it arrives:
    // nothing here reads or buffers it. Cancelling it (the browser went away) cancels upstream.
    const upstream = await client.beta.messages
      .create(parsed.data as unknown as Anthropic.Beta.MessageCreateParams, {
        signal: request.signal,
      })
      .asResponse();
    const headers = new Headers({
      "content-type": upstream.headers.get("content-type") ?? "application/json",
    });
    const requestId = upstream.headers.get("request-id");
    if (requestId) headers.set("request-id", requestId);
    headers.set("x-playground-target", target);
    if (parsed.data.stream) {
      // No proxy buffering or compression may hold events back.
      headers.set("cache-control", "no-cache, no-transform");
      headers.set("x-accel-buffering", "no");
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    return toErrorResponse(error, target, [browserKey, env.apiKey]);
  }
}

/** The SDK client for the target: the real API with the browser's or the server's key, or the emulator in process. */
function targetClient(
  request: Request,
  env: ForwardEnvironment,
  target: Target,
): { client: Anthropic; browserKey: string | undefined } | Response {
  const browserKey = request.headers.get(BROWSER_KEY_HEADER)?.trim() || undefined;
  if (browserKey && !isHeaderSafe(browserKey))
    return apiError(
      400,
      "invalid_request_error",
      "The API key holds a character that cannot go in an HTTP header (a line break, a control character or a non-ASCII letter): paste it again.",
    );
  let client: Anthropic;
  if (target === "anthropic") {
    const apiKey = browserKey ?? env.apiKey;
    if (!browserKey && env.apiKey) {
      const permission = serverKeyPermission(request, env.site ?? siteSettingsFromEnv());
      if (!permission.allowed) return apiError(401, "authentication_error", permission.message);
    }
    if (!apiKey) {
      return apiError(
        400,
        "invalid_request_error",
        "No Anthropic API key: the server has no ANTHROPIC_API_KEY, and none was given in the browser. Paste a key, or switch the target to the emulator.",
      );
    }
    client = new Anthropic({ apiKey, baseURL: env.baseURL, timeout: env.timeoutMs ?? 120_000 });
  } else {
    // The emulator is called in-process through the SDK: a real HTTP exchange, minus the socket.
    client = new Anthropic({
      apiKey: "emulator",
      baseURL: EMULATOR_BASE_URL,
      maxRetries: 0,
      timeout: env.timeoutMs ?? 120_000,
      fetch: (input, init) => {
        const forwarded = new Request(input, init);
        const options = {
          trustedOrigin: requestOrigin(request),
          client: clientKey(request),
          ...readTestHooks(request.headers, env.testHooks === true),
        };
        return new URL(forwarded.url).pathname.endsWith("/count_tokens")
          ? handleEmulatorCountTokens(forwarded, options)
          : handleEmulatorRequest(forwarded, options);
      },
    });
  }

  return { client, browserKey };
}

/** The outer shape of `client.beta.messages.countTokens` params; the API judges the rest. */
export const countTokensParamsSchema = z.looseObject({
  model: z.string().min(1, "model: a model id is required"),
  messages: z
    .array(z.looseObject({ role: z.enum(["user", "assistant", "system"]) }))
    .min(1, "messages: at least one message"),
  betas: z.array(z.string()).optional(),
});

/**
 * POST /api/messages/count_tokens: what a request's input costs, counted by the target (the real
 * API with a key, or the emulator's documented estimate), the key kept on the server.
 */
export async function forwardCountTokens(
  request: Request,
  env: ForwardEnvironment,
): Promise<Response> {
  const body = await readJsonBody(request, MAX_REQUEST_BYTES);
  if (!body.ok)
    return apiError(
      body.problem === "too_large" ? 413 : 400,
      body.problem === "too_large" ? "request_too_large" : "invalid_request_error",
      body.problem === "too_large"
        ? "The request body is over the playground's 1 MiB limit."
        : "The request body is not valid JSON.",
    );
  const parsed = countTokensParamsSchema.safeParse(body.json);
  if (!parsed.success)
    return apiError(
      400,
      "invalid_request_error",
      `The request does not have the shape of count_tokens params: ${parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
        .join("; ")}`,
    );
  const target = readTarget(request.headers.get(TARGET_HEADER), env);
  const chosen = targetClient(request, env, target);
  if (chosen instanceof Response) return chosen;
  try {
    const upstream = await chosen.client.beta.messages
      .countTokens(parsed.data as unknown as Anthropic.Beta.MessageCountTokensParams, {
        signal: request.signal,
      })
      .asResponse();
    const headers = new Headers({
      "content-type": "application/json",
      "x-playground-target": target,
    });
    const requestId = upstream.headers.get("request-id");
    if (requestId) headers.set("request-id", requestId);
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    return toErrorResponse(error, target, [chosen.browserKey, env.apiKey]);
  }
}

function toErrorResponse(
  error: unknown,
  target: Target,
  secrets: readonly (string | undefined)[],
): Response {
  const where = target === "anthropic" ? "the Anthropic API" : "the emulator";
  if (error instanceof APIUserAbortError)
    return apiError(499, "cancelled", "The request was cancelled.");
  if (error instanceof APIConnectionTimeoutError) {
    return apiError(
      504,
      "timeout_error",
      `No answer from ${where} in time; the request timed out.`,
    );
  }
  if (error instanceof APIConnectionError) {
    return apiError(
      502,
      "api_connection_error",
      redactSecrets(
        `Could not reach ${where}: ${error.cause instanceof Error ? error.cause.message : error.message}`,
        secrets,
      ),
    );
  }
  if (error instanceof APIError && error.status !== undefined) {
    // The API's own error body and status, unchanged (it is the one shape already).
    if (error.error) {
      const headers: Record<string, string> = {};
      if (error.requestID) headers["request-id"] = error.requestID;
      return Response.json(error.error, { status: Number(error.status), headers });
    }
    return apiError(
      Number(error.status),
      "api_error",
      redactSecrets(error.message, secrets),
      error.requestID,
    );
  }
  console.error(
    "[api/messages] unexpected failure:",
    error instanceof Error ? error.message : error,
  );
  return apiError(500, "api_error", `Unexpected failure while calling ${where}.`);
}

function readTarget(value: string | null, env: ForwardEnvironment): Target {
  if (value && (TARGETS as readonly string[]).includes(value)) return value as Target;
  return env.apiKey ? "anthropic" : "emulator";
}
