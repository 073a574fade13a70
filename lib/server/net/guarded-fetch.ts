import "server-only";
// The fetch every outbound request made on a person's behalf goes through (tool discovery, the
// emulator's MCP sessions, both transports). Each hop is judged (scheme, metadata names, IP
// literals here; names at connect time in the guarded agent), redirects are followed by hand —
// or not, when the caller asks for "manual" or "error" — with credentials dropped when the origin
// changes, and bodies are bounded. The app's own demo MCP servers are answered in-process.
import { fetch as undiciFetch, type Dispatcher } from "undici";
import {
  AddressRefusedError,
  checkUrlBeforeConnecting,
  findAddressRefusal,
  type AddressPolicy,
} from "@/lib/domain/net/address-policy";
import { sharedGuardedAgent } from "./guarded-agent";

/** Routes of this app answered without a network hop (its own demo MCP servers). */
export interface InProcessRoutes {
  origin: string;
  /** The answer for `request`, or undefined when this route is not served in-process. */
  handle: (request: Request) => Promise<Response> | undefined;
  /** Whether a URL is one of these routes (its MCP sessions then hold no connection slot). */
  serves?: (url: string) => boolean;
}

export interface GuardedFetchOptions {
  policy: AddressPolicy;
  /** The connection layer; the process's shared guarded agent for `policy` by default. */
  dispatcher?: Dispatcher;
  inProcess?: InProcessRoutes;
  maxResponseBytes?: number;
  maxRedirects?: number;
}

/** Headers that carry a credential or a session: never sent on to another origin. */
const CREDENTIAL_HEADERS = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "mcp-session-id",
  "x-api-key",
];
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const maxRedirects = options.maxRedirects ?? 5;
  const maxBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
  const dispatcher = options.dispatcher ?? sharedGuardedAgent(options.policy);

  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    let url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    const mode = init?.redirect ?? request?.redirect ?? "follow";
    const signal = init?.signal ?? request?.signal ?? undefined;
    let method = (init?.method ?? request?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers ?? request?.headers);
    let body = init?.body ?? (request?.body ? await request.arrayBuffer() : undefined);
    const carriedToken = headers.has("authorization");

    for (let hop = 0; ; hop += 1) {
      const response = await send(url, { method, headers, body, signal });
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || !location || mode === "manual")
        return limitBody(response, maxBytes);
      // Released: an unread redirect body would hold its connection.
      await response.body?.cancel().catch(() => undefined);
      if (mode === "error") throw new TypeError(`Redirected to ${location}, which was refused.`);
      if (hop >= maxRedirects)
        throw new AddressRefusedError(`More than ${maxRedirects} redirects.`);
      const next = new URL(location, url);
      if (url.protocol === "https:" && next.protocol === "http:" && carriedToken) {
        throw new AddressRefusedError(
          `Refused to follow a redirect from https to http (${next.origin}) with a token.`,
        );
      }
      if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      // 303 (and 301/302 after a POST) become a GET without a body, as browsers do.
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === "POST")
      ) {
        method = "GET";
        body = undefined;
        headers.delete("content-type");
        headers.delete("content-length");
      }
      url = next;
    }
  };

  async function send(
    url: URL,
    init: { method: string; headers: Headers; body: unknown; signal: AbortSignal | undefined },
  ): Promise<Response> {
    if (options.inProcess && url.origin === options.inProcess.origin) {
      const answer = options.inProcess.handle(
        new Request(url, {
          method: init.method,
          headers: init.headers,
          body: init.body as BodyInit | undefined,
          signal: init.signal,
        }),
      );
      if (answer) {
        // Answered on a later turn of the event loop, as a network reply would be: a chain of
        // in-process exchanges must not hold the loop (and every other request) until it ends.
        await new Promise((resolve) => setImmediate(resolve));
        return answer;
      }
    }
    // Every hop that leaves the process is judged: the scheme, metadata names, IP literals here,
    // names when the connector resolves them.
    checkUrlBeforeConnecting(url, options.policy);
    try {
      const response = await undiciFetch(url, {
        method: init.method,
        headers: init.headers as never,
        body: init.body as never,
        signal: init.signal,
        redirect: "manual",
        dispatcher,
      });
      return response as unknown as Response;
    } catch (error) {
      // The connector's refusal arrives wrapped in "fetch failed": surface it as itself.
      throw findAddressRefusal(error) ?? error;
    }
  }
}

export class ResponseTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ResponseTooLargeError";
  }
}

/** How the cap is said, wherever it stops an answer. */
export function perAnswerCapWords(maxBytes: number): string {
  const mib = maxBytes / (1024 * 1024);
  return `One answer is larger than ${Number.isInteger(mib) ? `${mib} MiB` : `${maxBytes} bytes`} (this playground's per-answer cap)`;
}

/**
 * Caps each answer. A plain body is one answer; an event stream (legacy SSE's one long GET, or a
 * Streamable HTTP POST answered with events) carries many, so the count starts again after each
 * event's blank line: five 1.4 MB results on one SSE session pass, one 6 MB result does not.
 */
function limitBody(response: Response, maxBytes: number): Response {
  if (!response.body) return response;
  const events = /text\/event-stream/i.test(response.headers.get("content-type") ?? "");
  let seen = 0;
  let previous = 0;
  const limited = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (!events) seen += chunk.byteLength;
        else
          for (const byte of chunk) {
            // "\r" is skipped, so "\r\n\r\n" ends an event as "\n\n" does.
            if (byte === 13) continue;
            seen = byte === 10 && previous === 10 ? 0 : seen + 1;
            previous = byte;
            if (seen > maxBytes) break;
          }
        if (seen > maxBytes)
          controller.error(new ResponseTooLargeError(`${perAnswerCapWords(maxBytes)}.`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(limited, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
