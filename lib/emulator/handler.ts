// The emulator's HTTP face: POST {base}/v1/messages as the API takes it (key as x-api-key or
// Bearer, betas in the anthropic-beta header, with or without ?beta=true), answering the API's
// shapes with a request-id on every response.
import { allowPrivateFromEnv, createGuardedFetch } from "../mcp/address-guard";
import { ApiError } from "./errors";
import { createApiId } from "./ids";
import { runEmulator, type EmulatorRequest } from "./run";

export interface EmulatorHandlerOptions {
  /** How the emulator reaches MCP servers; by default through the address guard. */
  fetch?: typeof fetch;
  /** The app's own origin, whose demo MCP servers are always reachable. */
  trustedOrigin?: string;
  connectTimeoutMs?: number;
}

/** The API's own limit for a Messages request. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function handleEmulatorRequest(
  request: Request,
  options: EmulatorHandlerOptions = {},
): Promise<Response> {
  const requestId = createApiId("req");
  const fail = (error: ApiError) => {
    const headers: Record<string, string> = { "request-id": requestId };
    // Our own 5xx are not worth a retry: say so, or the SDK waits and tries twice more.
    if (error.status >= 500) headers["x-should-retry"] = "false";
    return Response.json(error.body(requestId), { status: error.status, headers });
  };

  try {
    if (request.method !== "POST")
      throw new ApiError(404, `${request.method} is not supported here; POST /v1/messages.`);
    if (!readApiKey(request.headers)) throw new ApiError(401, "x-api-key header is required");
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_BODY_BYTES)
      throw new ApiError(413, "Request exceeds the maximum allowed number of bytes.");
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES)
      throw new ApiError(413, "Request exceeds the maximum allowed number of bytes.");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, "There was an issue with your request body: it is not valid JSON.");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new ApiError(400, "The request body must be a JSON object.");
    }
    if ((body as { stream?: unknown }).stream === true) {
      throw new ApiError(
        400,
        "stream: The offline emulator does not stream yet; send stream: false.",
      );
    }
    const betas = (request.headers.get("anthropic-beta") ?? "")
      .split(",")
      .map((beta) => beta.trim())
      .filter(Boolean);
    const message = await runEmulator(body as EmulatorRequest, {
      betas,
      signal: request.signal,
      // It connects wherever the request says: the same address policy as tool discovery.
      fetch:
        options.fetch ??
        createGuardedFetch({
          allowPrivate: allowPrivateFromEnv(),
          trustedOrigins: [options.trustedOrigin ?? new URL(request.url).origin],
        }),
      connectTimeoutMs: options.connectTimeoutMs,
    });
    return Response.json(message, { headers: { "request-id": requestId } });
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    // Details stay in the server log; the caller gets the API's generic 500.
    console.error(`[emulator ${requestId}]`, error instanceof Error ? error.message : error);
    return fail(new ApiError(500, "Internal server error"));
  }
}

export function readApiKey(headers: Headers): string | null {
  const key = headers.get("x-api-key");
  if (key) return key;
  const match = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}
