// An MCP client for one remote server: Streamable HTTP first, SSE as the fallback (the MCP
// backwards-compatibility algorithm the API's own client uses), the token as a Bearer header,
// and every failure turned into a kind a person can act on.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";

export const MCP_TRANSPORTS = ["streamable-http", "sse"] as const;
export type McpTransportKind = (typeof MCP_TRANSPORTS)[number];

export const MCP_FAILURES = [
  "unauthorized",
  "unreachable",
  "timeout",
  "not_mcp",
  "protocol",
] as const;
export type McpFailureKind = (typeof MCP_FAILURES)[number];

export class McpConnectionError extends Error {
  constructor(
    readonly kind: McpFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "McpConnectionError";
  }
}

export interface McpConnectOptions {
  authorizationToken?: string | null;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** For tests and guarded fetching (address checks); the global fetch by default. */
  fetch?: typeof fetch;
  clientInfo?: { name: string; version: string };
}

export interface McpSession {
  client: Client;
  transport: McpTransportKind;
  serverInfo: { name: string; version: string } | undefined;
  close: () => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const CLIENT_INFO = { name: "mcp-connector-playground", version: "0.1.0" };

export async function connectMcp(
  url: string,
  options: McpConnectOptions = {},
): Promise<McpSession> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new McpConnectionError("unreachable", `'${url}' is not a valid URL.`);
  }
  const headers: Record<string, string> = {};
  if (options.authorizationToken) headers.Authorization = `Bearer ${options.authorizationToken}`;
  const baseFetch = options.fetch ?? fetch;
  // Every request of this session shares the deadline and the caller's cancel.
  const boundFetch: typeof fetch = (input, init) => baseFetch(input, { ...init, signal });
  const requestInit: RequestInit = { headers };

  const attempt = async (kind: McpTransportKind): Promise<McpSession> => {
    const client = new Client(options.clientInfo ?? CLIENT_INFO, { capabilities: {} });
    const transport =
      kind === "streamable-http"
        ? new StreamableHTTPClientTransport(target, { requestInit, fetch: boundFetch })
        : new SSEClientTransport(target, {
            requestInit,
            fetch: boundFetch,
            eventSourceInit: {
              fetch: (input, init) =>
                boundFetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
            },
          });
    await withDeadline(
      client.connect(transport, { signal, timeout: timeoutMs }),
      signal,
      timeoutMs,
    );
    return {
      client,
      transport: kind,
      serverInfo: client.getServerVersion(),
      close: () => client.close().catch(() => undefined),
    };
  };

  let streamableError: unknown;
  try {
    return await attempt("streamable-http");
  } catch (error) {
    streamableError = error;
  }
  const first = classifyError(streamableError, timeoutMs, signal);
  // Auth refusals and timeouts are answers, not a transport mismatch: no fallback.
  if (first.kind === "unauthorized" || first.kind === "timeout" || options.signal?.aborted)
    throw first;
  try {
    return await attempt("sse");
  } catch (sseError) {
    const second = classifyError(sseError, timeoutMs, signal);
    if (second.kind === "unauthorized" || second.kind === "timeout") throw second;
    // Both failed: say what each transport saw, most telling first.
    const kind = first.kind === "protocol" ? second.kind : first.kind;
    throw new McpConnectionError(
      kind,
      `${first.message} (Streamable HTTP); SSE fallback: ${second.message}`,
      first.status ?? second.status,
    );
  }
}

/** tools/list, following pagination to the end. */
export async function listAllTools(session: McpSession, signal?: AbortSignal): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const result = await session.client.listTools(cursor ? { cursor } : {}, { signal });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

export async function callMcpTool(
  session: McpSession,
  name: string,
  args: Record<string, unknown>,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<CallToolResult> {
  const result = await session.client.callTool({ name, arguments: args }, undefined, {
    signal: options.signal,
    timeout: options.timeoutMs ?? 30_000,
  });
  return result as CallToolResult;
}

function withDeadline<T>(promise: Promise<T>, signal: AbortSignal, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(
        signal.reason instanceof Error
          ? signal.reason
          : new Error(`timed out after ${timeoutMs} ms`),
      );
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function classifyError(
  error: unknown,
  timeoutMs: number,
  signal?: AbortSignal,
): McpConnectionError {
  if (error instanceof McpConnectionError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = readStatus(error);
  const name = error instanceof Error ? error.name : "";
  if (
    name === "TimeoutError" ||
    (signal?.aborted &&
      signal.reason instanceof DOMException &&
      signal.reason.name === "TimeoutError") ||
    /timed out|timeout/i.test(message)
  ) {
    return new McpConnectionError(
      "timeout",
      `No answer within ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 ? 1 : 0)} s.`,
    );
  }
  if (name === "AbortError") return new McpConnectionError("timeout", "The request was cancelled.");
  if (code === 401 || code === 403 || /\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(message)) {
    const status = code ?? (/\b403\b|forbidden/i.test(message) ? 403 : 401);
    return new McpConnectionError(
      "unauthorized",
      status === 403
        ? "The server refused the authorization token (HTTP 403)."
        : "The server needs an authorization token, or refused the one given (HTTP 401).",
      status,
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
  if (
    /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|network/i.test(
      `${message} ${cause}`,
    )
  ) {
    return new McpConnectionError("unreachable", `Could not connect: ${cause || message}.`);
  }
  if (code !== undefined) {
    return new McpConnectionError(
      "not_mcp",
      `The server answered HTTP ${code}; it does not look like an MCP endpoint.`,
      code,
    );
  }
  if (/json|parse|unexpected token|invalid|content-type|text\/html/i.test(message)) {
    return new McpConnectionError("not_mcp", `The answer was not MCP: ${message}`);
  }
  return new McpConnectionError("protocol", message);
}

function readStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = error.code;
    if (typeof code === "number" && code >= 100 && code < 600) return code;
  }
  const match =
    error instanceof Error
      ? /HTTP (\d{3})|status(?: code)? (\d{3})|\((\d{3})\)/i.exec(error.message)
      : null;
  const value = match ? Number(match[1] ?? match[2] ?? match[3]) : undefined;
  return value && value >= 100 && value < 600 ? value : undefined;
}
