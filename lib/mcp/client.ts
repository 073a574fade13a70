// An MCP client for one remote server: Streamable HTTP first, SSE as the fallback (the MCP
// backwards-compatibility algorithm the API's own client uses), the token as a Bearer header,
// and every failure turned into a kind a person can act on.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ToolSchema, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { processLimits } from "../limits";
import { extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { findAddressRefusal } from "../net/address-policy";

export const MCP_TRANSPORTS = ["streamable-http", "sse"] as const;
export type McpTransportKind = (typeof MCP_TRANSPORTS)[number];

export const MCP_FAILURES = [
  "unauthorized",
  "unreachable",
  "timeout",
  "not_mcp",
  "protocol",
  /** The address guard refused the URL or an address it resolves to. */
  "refused",
  /** A documented cap was reached (connections, tools, bytes). */
  "limit",
] as const;
export type McpFailureKind = (typeof MCP_FAILURES)[number];

/** What a 401 or 403's WWW-Authenticate said: the scope wanted, the error, the metadata URL. */
export interface AuthChallenge {
  scope?: string;
  error?: string;
  resourceMetadataUrl?: string;
}

export class McpConnectionError extends Error {
  constructor(
    readonly kind: McpFailureKind,
    message: string,
    readonly status?: number,
    public challenge?: AuthChallenge,
  ) {
    super(message);
    this.name = "McpConnectionError";
  }
}

function readChallenge(response: Response): AuthChallenge {
  const { scope, error, resourceMetadataUrl } = extractWWWAuthenticateParams(response);
  return {
    ...(scope ? { scope } : {}),
    ...(error ? { error } : {}),
    ...(resourceMetadataUrl ? { resourceMetadataUrl: resourceMetadataUrl.href } : {}),
  };
}

export interface McpConnectOptions {
  authorizationToken?: string | null;
  /** Bounds connecting (initialize) only; later requests carry their own deadlines. */
  connectTimeoutMs?: number;
  /** The caller's cancel: ends every request of the session, whenever it comes. */
  signal?: AbortSignal;
  /** The guarded fetch in the app; the global fetch by default (tests, scripts). */
  fetch?: typeof fetch;
  clientInfo?: { name: string; version: string };
  /** The open-session cap to count against; the process's own by default. */
  slots?: ConnectionSlots;
}

export interface McpSession {
  client: Client;
  transport: McpTransportKind;
  serverInfo: { name: string; version: string } | undefined;
  /** The protocol version agreed in initialize (Streamable HTTP says; SSE does not). */
  protocolVersion?: string;
  /** Closes the session (aborting whatever it still has in flight); safe to call twice. */
  close: () => Promise<void>;
  /** What the server's last 401 or 403 asked for (a scope, a new token), if any. */
  challenge?: () => AuthChallenge | undefined;
}

/** Counts open MCP sessions against a cap; a session over the cap is refused, not queued. */
export class ConnectionSlots {
  private open = 0;
  constructor(readonly max: number) {}
  get inUse(): number {
    return this.open;
  }
  acquire(): () => void {
    if (this.open >= this.max) {
      throw new McpConnectionError(
        "limit",
        `${this.max} MCP connections are already open in this server (PLAYGROUND_MAX_MCP_CONNECTIONS); try again in a moment.`,
      );
    }
    this.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
    };
  }
}

let processSlots: ConnectionSlots | undefined;
export function processConnectionSlots(): ConnectionSlots {
  processSlots ??= new ConnectionSlots(processLimits().maxMcpConnections);
  return processSlots;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_TOOL_TIMEOUT_MS = 30_000;
const CLIENT_INFO = { name: "mcp-connector-playground", version: "0.1.0" };

export async function connectMcp(
  url: string,
  options: McpConnectOptions = {},
): Promise<McpSession> {
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new McpConnectionError("unreachable", `'${url}' is not a valid URL.`);
  }
  const release = (options.slots ?? processConnectionSlots()).acquire();
  const headers: Record<string, string> = {};
  if (options.authorizationToken) headers.Authorization = `Bearer ${options.authorizationToken}`;
  const baseFetch = options.fetch ?? fetch;
  const requestInit: RequestInit = { headers };
  // The last auth challenge a server sent, so a refusal can say what it wants (scope, sign-in).
  let challenge: AuthChallenge | undefined;

  const attempt = async (kind: McpTransportKind): Promise<McpSession> => {
    // The connect deadline applies while connecting only: a tool call made a minute later must
    // not inherit it. The transport's own signal (aborted by close) is always kept.
    const deadline = AbortSignal.timeout(timeoutMs);
    let connecting = true;
    const sessionFetch: typeof fetch = (input, init) => {
      const signals = [init?.signal, options.signal, connecting ? deadline : undefined].filter(
        (signal): signal is AbortSignal => !!signal,
      );
      return baseFetch(input, { ...init, signal: AbortSignal.any(signals) }).then((response) => {
        if (response.status === 401 || response.status === 403) challenge = readChallenge(response);
        return response;
      });
    };
    const client = new Client(options.clientInfo ?? CLIENT_INFO, { capabilities: {} });
    const transport =
      kind === "streamable-http"
        ? new StreamableHTTPClientTransport(target, { requestInit, fetch: sessionFetch })
        : new SSEClientTransport(target, {
            requestInit,
            fetch: sessionFetch,
            eventSourceInit: {
              // The event stream keeps the token and the Accept header the event source set.
              fetch: (input, init) => {
                const merged = new Headers(init?.headers);
                for (const [name, value] of Object.entries(headers)) merged.set(name, value);
                return sessionFetch(input, { ...init, headers: merged });
              },
            },
          });
    const connectSignal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    try {
      await withDeadline(
        client.connect(transport, { signal: connectSignal, timeout: timeoutMs }),
        connectSignal,
        timeoutMs,
      );
    } catch (error) {
      // A connect that fails or outlives its deadline is closed, so nothing it started lingers.
      await client.close().catch(() => undefined);
      throw error;
    }
    connecting = false;
    return {
      client,
      transport: kind,
      serverInfo: client.getServerVersion(),
      protocolVersion: (transport as { protocolVersion?: string }).protocolVersion,
      close: () => client.close().catch(() => undefined),
    };
  };

  try {
    const session = await connectWithFallback(attempt, timeoutMs, options.signal);
    let closed = false;
    return {
      ...session,
      challenge: () => challenge,
      close: async () => {
        if (closed) return;
        closed = true;
        await session.close();
        release();
      },
    };
  } catch (error) {
    release();
    if (error instanceof McpConnectionError && error.kind === "unauthorized" && challenge)
      error.challenge = challenge;
    throw error;
  }
}

async function connectWithFallback(
  attempt: (kind: McpTransportKind) => Promise<McpSession>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<McpSession> {
  let streamableError: unknown;
  try {
    return await attempt("streamable-http");
  } catch (error) {
    streamableError = error;
  }
  const first = classifyError(streamableError, timeoutMs, signal);
  // Refusals, auth failures and timeouts are answers, not a transport mismatch: no fallback.
  if (
    first.kind === "unauthorized" ||
    first.kind === "timeout" ||
    first.kind === "refused" ||
    signal?.aborted
  )
    throw first;
  try {
    return await attempt("sse");
  } catch (sseError) {
    const second = classifyError(sseError, timeoutMs, signal);
    if (second.kind === "unauthorized" || second.kind === "timeout" || second.kind === "refused")
      throw second;
    // Both failed: say what each transport saw, most telling first.
    const kind = first.kind === "protocol" ? second.kind : first.kind;
    throw new McpConnectionError(
      kind,
      `${first.message} (Streamable HTTP); SSE fallback: ${second.message}`,
      first.status ?? second.status,
    );
  }
}

export interface ListingLimits {
  maxTools: number;
  maxBytes: number;
}

/**
 * tools/list to the last page, as raw entries (callers judge each one), within the caps: at most
 * `maxTools` entries and `maxBytes` of definitions across all pages.
 */
export async function listToolEntries(
  session: McpSession,
  options: { signal?: AbortSignal; limits?: ListingLimits } = {},
): Promise<unknown[]> {
  const limits = options.limits ?? {
    maxTools: processLimits().maxTools,
    maxBytes: processLimits().maxToolBytes,
  };
  const entries: unknown[] = [];
  let bytes = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await session.client.request(
      { method: "tools/list", params: cursor ? { cursor } : {} },
      looseListSchema,
      { signal: options.signal },
    );
    for (const entry of result.tools) {
      bytes += JSON.stringify(entry).length;
      entries.push(entry);
      if (entries.length > limits.maxTools) {
        throw new McpConnectionError(
          "limit",
          `The server lists more than ${limits.maxTools.toLocaleString("en")} tools (PLAYGROUND_MAX_TOOLS; the API's own limit is 10,000).`,
        );
      }
      if (bytes > limits.maxBytes) {
        throw new McpConnectionError(
          "limit",
          `The server's tool definitions exceed ${formatBytes(limits.maxBytes)} (PLAYGROUND_MAX_TOOL_BYTES; the API's own limit is 4 MB).`,
        );
      }
    }
    cursor = result.nextCursor;
    if (!cursor) return entries;
  }
  throw new McpConnectionError("limit", `The tool list has more than ${MAX_PAGES} pages.`);
}

const looseListSchema = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});
const MAX_PAGES = 1000;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** tools/list to the last page within the caps; entries that are not valid tools are skipped. */
export async function listAllTools(
  session: McpSession,
  signal?: AbortSignal,
  limits?: ListingLimits,
): Promise<Tool[]> {
  const entries = await listToolEntries(session, { signal, limits });
  return entries.flatMap((entry) => {
    const parsed = ToolSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function callMcpTool(
  session: McpSession,
  name: string,
  args: Record<string, unknown>,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<CallToolResult> {
  const result = await session.client.callTool({ name, arguments: args }, undefined, {
    signal: options.signal,
    timeout: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
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
  const refusal = findAddressRefusal(error);
  if (refusal) return new McpConnectionError("refused", refusal.message);
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
