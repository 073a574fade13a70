import "server-only";
// The one way a route reads a request body, at a trust boundary: with a byte limit enforced while
// reading, so a declared or actual body over it is refused without being held in memory whole
// (the rest is never read). JSON, text and form bodies all come through here; each route words the
// refusal in its own protocol's error shape.
export type BodyResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: "too_large"; declaredBytes: number | null };

export type JsonBodyResult =
  | { ok: true; json: unknown; byteLength: number }
  | { ok: false; problem: "too_large"; declaredBytes: number | null }
  | { ok: false; problem: "not_json" };

export type TextBodyResult =
  { ok: true; text: string } | { ok: false; problem: "too_large"; declaredBytes: number | null };

/** Routes' body limits, in bytes: form posts of the demo authorization server are small. */
export const BODY_LIMITS = { form: 16 * 1024, demoMcp: 1024 * 1024 } as const;

export async function readBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, problem: "too_large", declaredBytes: declared };
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: "too_large", declaredBytes: null };
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export async function readTextBody(request: Request, maxBytes: number): Promise<TextBodyResult> {
  const read = await readBody(request, maxBytes);
  return read.ok ? { ok: true, text: new TextDecoder().decode(read.bytes) } : read;
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  const read = await readBody(request, maxBytes);
  if (!read.ok) return read;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(read.bytes));
    return { ok: true, json, byteLength: read.bytes.byteLength };
  } catch {
    return { ok: false, problem: "not_json" };
  }
}

/**
 * The same request with its body read (bounded) into memory: for handlers that read the body
 * themselves (the MCP SDK's server transport), so they never see more than the limit.
 */
export async function withBoundedBody(request: Request, maxBytes: number): Promise<Request | null> {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "DELETE")
    return request;
  const read = await readBody(request, maxBytes);
  if (!read.ok) return null;
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: read.bytes as BodyInit,
    signal: request.signal,
  });
}
