import "server-only";
// Reads a request's JSON body at a trust boundary, with a byte limit enforced while reading: a
// declared or actual body over the limit is refused without being held in memory whole. Each
// route words the refusal in its own API's error shape.
export type JsonBodyResult =
  | { ok: true; json: unknown }
  | { ok: false; problem: "too_large"; declaredBytes: number | null }
  | { ok: false; problem: "not_json" };

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes)
    return { ok: false, problem: "too_large", declaredBytes: declared };
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
  try {
    return { ok: true, json: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return { ok: false, problem: "not_json" };
  }
}
