import "server-only";
// An MCP client for one remote server: Streamable HTTP first, SSE as the fallback (the MCP
// backwards-compatibility algorithm the API's own client uses), the token as a Bearer header,
// and every failure turned into a kind a person can act on.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isHeaderSafe } from "@/lib/domain/api/redact";
import { processLimits } from "@/lib/server/settings";
import { classifyError, McpConnectionError, readChallenge, type AuthChallenge } from "./errors";
import { withLiveSession, type McpSession, type McpTransportKind } from "./session";

export {
  classifyError,
  MCP_FAILURES,
  McpConnectionError,
  type AuthChallenge,
  type McpFailureKind,
} from "./errors";
export { listAllTools, listToolEntries, type ListingLimits } from "./listing";
export { MCP_TRANSPORTS, type McpSession, type McpTransportKind } from "./session";

export interface McpConnectOptions {
  authorizationToken?: string | null;
  /** Bounds connecting (initialize) only; later requests carry their own deadlines. */
  connectTimeoutMs?: number;
  /** The caller's cancel: ends every request of the session, whenever it comes. */
  signal?: AbortSignal;
  /** The guarded fetch in the app; the global fetch by default (tests, scripts). */
  fetch?: typeof fetch;
  clientInfo?: { name: string; version: string };
  /**
   * Whose connection this is, for the per-client share of the open-session cap (the process's
   * own slots by default). null: not counted — the app's own demo servers, answered in process.
   */
  pool?: { client: string; slots?: ConnectionSlots } | null;
}

/** How long a session's DELETE may take before it is left to the server's own expiry. */
const SESSION_END_MS = 2_000;

/**
 * Ends a Streamable HTTP session the way the spec asks (DELETE with its Mcp-Session-Id), so a
 * stateful server (or a gateway running a process per session) frees it now rather than never.
 * A server without sessions is not asked; a refusal (405) or a failure is nobody's problem here.
 */
export async function endSession(transport: StreamableHTTPClientTransport | SSEClientTransport) {
  if (!(transport instanceof StreamableHTTPClientTransport) || !transport.sessionId) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    transport.terminateSession().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SESSION_END_MS);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Counts open MCP sessions against a cap, and each client's against its share of it, so one
 * client holding connections open cannot refuse everyone else's. Over either, a session is
 * refused (busy, try again), not queued.
 */
export class ConnectionSlots {
  private open = 0;
  private readonly byClient = new Map<string, number>();
  constructor(
    readonly max: number,
    readonly perClient: number = max,
  ) {}
  get inUse(): number {
    return this.open;
  }
  heldBy(client: string): number {
    return this.byClient.get(client) ?? 0;
  }
  acquire(client = "unknown"): () => void {
    if (this.heldBy(client) >= this.perClient) {
      throw new McpConnectionError(
        "busy",
        `This client already has ${this.perClient} MCP connections open, its share of this server's ${this.max} (PLAYGROUND_MAX_MCP_CONNECTIONS_PER_CLIENT); try again when some have closed.`,
      );
    }
    if (this.open >= this.max) {
      throw new McpConnectionError(
        "busy",
        `${this.max} MCP connections are already open in this server (PLAYGROUND_MAX_MCP_CONNECTIONS); try again in a moment.`,
      );
    }
    this.open += 1;
    this.byClient.set(client, this.heldBy(client) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      const left = this.heldBy(client) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    };
  }
}

/** How soon a client refused for want of a connection slot may try again. */
export const BUSY_RETRY_SECONDS = 5;

let processSlots: ConnectionSlots | undefined;
export function processConnectionSlots(): ConnectionSlots {
  const limits = processLimits();
  processSlots ??= new ConnectionSlots(
    limits.maxMcpConnections,
    Math.min(limits.maxMcpConnections, limits.maxMcpConnectionsPerClient),
  );
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
  // Never quoted back: the message says what is wrong with the token, not what it is.
  if (options.authorizationToken && !isHeaderSafe(options.authorizationToken))
    throw new McpConnectionError(
      "bad_input",
      "The authorization token holds a character that cannot go in an HTTP header (a line break, a control character or a non-ASCII letter): paste it again.",
    );
  const release =
    options.pool === null
      ? () => undefined
      : (options.pool?.slots ?? processConnectionSlots()).acquire(options.pool?.client);
  const headers: Record<string, string> = {};
  if (options.authorizationToken) headers.Authorization = `Bearer ${options.authorizationToken}`;
  const baseFetch = options.fetch ?? fetch;
  const requestInit: RequestInit = { headers };
  // The last auth challenge a server sent, so a refusal can say what it wants (scope, sign-in).
  let challenge: AuthChallenge | undefined;
  // Whether a POST over Streamable HTTP was answered as MCP (JSON or an event stream): after
  // that, a failure is the server's answer, not a transport mismatch, so SSE is not tried.
  let streamableAnswered = false;
  // Why an open session's event stream broke, once it has (see client.onerror below).
  let streamFailure: McpConnectionError | undefined;

  const attempt = async (kind: McpTransportKind): Promise<McpSession> => {
    // The connect deadline applies while connecting only: a tool call made a minute later must
    // not inherit it. The transport's own signal (aborted by close) is always kept.
    const deadline = AbortSignal.timeout(timeoutMs);
    let connecting = true;
    const sessionFetch: typeof fetch = (input, init) => {
      // Ending a session (DELETE) must go out even after a cancel: it has its own short limit.
      const ending = init?.method === "DELETE";
      const signals = (
        ending
          ? [AbortSignal.timeout(SESSION_END_MS)]
          : [init?.signal, options.signal, connecting ? deadline : undefined]
      ).filter((signal): signal is AbortSignal => !!signal);
      return baseFetch(input, { ...init, signal: AbortSignal.any(signals) }).then((response) => {
        if (response.status === 401 || response.status === 403) challenge = readChallenge(response);
        if (
          kind === "streamable-http" &&
          init?.method === "POST" &&
          response.ok &&
          /application\/json|text\/event-stream/.test(response.headers.get("content-type") ?? "")
        )
          streamableAnswered = true;
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
      await endSession(transport);
      await client.close().catch(() => undefined);
      throw error;
    }
    connecting = false;
    // On legacy SSE every answer arrives on one stream: one over the cap breaks it for all, so
    // the calls waiting on it fail now, with the cap's words, instead of timing out.
    client.onerror = (error) => {
      if (!/per-answer cap/.test(error.message) || streamFailure) return;
      const words = /One answer is larger than [^(]*\(this playground's per-answer cap\)/.exec(
        error.message,
      );
      streamFailure = new McpConnectionError("limit", `${words?.[0] ?? error.message}.`);
      void client.close().catch(() => undefined);
    };
    return {
      client,
      transport: kind,
      serverInfo: client.getServerVersion(),
      protocolVersion: (transport as { protocolVersion?: string }).protocolVersion,
      close: async () => {
        await endSession(transport);
        await client.close().catch(() => undefined);
      },
    };
  };

  try {
    let current = await connectWithFallback(
      attempt,
      timeoutMs,
      options.signal,
      () => streamableAnswered,
    );
    let closed = false;
    const session: McpSession = {
      ...current,
      challenge: () => challenge,
      failure: () => streamFailure,
      close: async () => {
        if (closed) return;
        closed = true;
        await current.close();
        release();
      },
    };
    if (current.transport === "streamable-http")
      session.renew = async () => {
        const previous = current;
        current = await attempt("streamable-http");
        session.client = current.client;
        session.protocolVersion = current.protocolVersion;
        // The old session is gone on the server; its client is closed here all the same.
        await previous.close().catch(() => undefined);
      };
    return session;
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
  streamableAnswered: () => boolean,
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
    streamableAnswered() ||
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

export async function callMcpTool(
  session: McpSession,
  name: string,
  args: Record<string, unknown>,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<CallToolResult> {
  const result = await withLiveSession(session, () =>
    session.client.callTool({ name, arguments: args }, undefined, {
      signal: options.signal,
      timeout: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
    }),
  );
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
