// The protocol log: what one discovery, doctor run or Try exchanged with an MCP server — each HTTP
// request's method, path, JSON-RPC methods, status, content type and time, with every header that
// can carry a secret masked. Pure: the shape, its schema (it crosses to the browser) and the masks.
import { z } from "zod";

export const PROTOCOL_LOG_LIMIT = 100;

export const protocolEntrySchema = z.object({
  /** Milliseconds from the first exchange. */
  at: z.number().nonnegative(),
  method: z.string().max(10),
  /** Path and query, the query's values masked. */
  path: z.string().max(2000),
  /** The JSON-RPC methods (or "response" / "notification") the body held. */
  rpc: z.array(z.string().max(200)).max(20),
  requestHeaders: z.record(z.string().max(100), z.string().max(500)),
  status: z.number().int().min(0).max(999),
  contentType: z.string().max(200),
  responseHeaders: z.record(z.string().max(100), z.string().max(500)),
  durationMs: z.number().nonnegative(),
  /** Why it failed, when no answer came. */
  error: z.string().max(500).optional(),
});
export type ProtocolEntry = z.infer<typeof protocolEntrySchema>;
export const protocolLogSchema = z.array(protocolEntrySchema).max(PROTOCOL_LOG_LIMIT);

/** Headers whose value is a secret or a handle to one: only their kind and length are shown. */
const SECRET_HEADERS = new Set([
  "authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "proxy-authorization",
  "mcp-session-id",
]);
/** Headers worth showing; the rest is noise in a protocol view. */
const SHOWN_HEADERS = new Set([
  ...SECRET_HEADERS,
  "accept",
  "content-type",
  "mcp-protocol-version",
  "last-event-id",
  "www-authenticate",
  "location",
  "retry-after",
]);

export function maskHeaders(headers: Headers): Record<string, string> {
  const shown: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (!SHOWN_HEADERS.has(key)) return;
    shown[key] = SECRET_HEADERS.has(key)
      ? maskValue(value)
      : key === "location"
        ? maskedLocation(value)
        : value.slice(0, 500);
  });
  return shown;
}

/** "Bearer ••••(40 characters)": enough to see that one was sent, nothing of it. */
export function maskValue(value: string): string {
  const scheme = /^(Bearer|Basic)\s+/i.exec(value)?.[1];
  const secret = scheme ? value.slice(scheme.length).trim() : value;
  return `${scheme ? `${scheme} ` : ""}••••(${secret.length} characters)`;
}

/** A redirect's target with its query values masked: a redirect may carry a code or a key. */
function maskedLocation(value: string): string {
  try {
    const url = new URL(value, "http://relative.invalid");
    const origin = url.origin === "http://relative.invalid" ? "" : url.origin;
    return `${origin}${maskedPath(url)}`.slice(0, 500);
  } catch {
    return "••••";
  }
}

/** A URL's path and query, each query value masked (query strings often carry keys). */
export function maskedPath(url: URL): string {
  const query = [...url.searchParams.keys()].map((key) => `${key}=••••`).join("&");
  return `${url.pathname}${query ? `?${query}` : ""}`;
}

/** The JSON-RPC methods in a request body (one message or a batch). */
export function rpcMethods(body: unknown): string[] {
  if (typeof body !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(body);
    const messages = Array.isArray(parsed) ? parsed : [parsed];
    return messages.slice(0, 20).flatMap((message: unknown) => {
      const record = (message ?? {}) as { jsonrpc?: unknown; method?: unknown; id?: unknown };
      // A JSON body that is not JSON-RPC (a client registration) names no method.
      if (record.jsonrpc !== "2.0") return [];
      if (typeof record.method === "string")
        return [
          `${record.method.slice(0, 100)}${record.id === undefined ? " (notification)" : ""}`,
        ];
      return ["response"];
    });
  } catch {
    return [];
  }
}
