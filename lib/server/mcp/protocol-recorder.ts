import "server-only";
// Records what a fetch exchanges (lib/domain/protocol/log.ts says what is kept and what masked),
// for the protocol log of a discovery, a doctor run or a Try. Wraps the guarded fetch: the address
// guard still decides every connection.
import {
  maskedPath,
  maskHeaders,
  PROTOCOL_LOG_LIMIT,
  rpcMethods,
  type ProtocolEntry,
} from "@/lib/domain/protocol/log";

export interface ProtocolRecorder {
  fetch: typeof fetch;
  entries: () => ProtocolEntry[];
}

export function recordProtocol(base: typeof fetch): ProtocolRecorder {
  const entries: ProtocolEntry[] = [];
  const origin = performance.now();
  const recorded: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers ?? request?.headers);
    const started = performance.now();
    const entry: ProtocolEntry = {
      at: Math.round(started - origin),
      method,
      path: maskedPath(url),
      rpc: rpcMethods(init?.body),
      requestHeaders: maskHeaders(headers),
      status: 0,
      contentType: "",
      responseHeaders: {},
      durationMs: 0,
    };
    if (entries.length < PROTOCOL_LOG_LIMIT) entries.push(entry);
    try {
      const response = await base(input, init);
      entry.status = response.status;
      entry.contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.slice(0, 200);
      entry.responseHeaders = maskHeaders(response.headers);
      entry.durationMs = Math.round(performance.now() - started);
      return response;
    } catch (error) {
      entry.durationMs = Math.round(performance.now() - started);
      entry.error = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      throw error;
    }
  };
  return { fetch: recorded, entries: () => entries.map((entry) => ({ ...entry })) };
}
