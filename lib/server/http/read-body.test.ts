import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-body";

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request("http://localhost/x", {
    method: "POST",
    body,
    headers,
    // @ts-expect-error -- Node's fetch needs duplex for a streamed body; not in the DOM types.
    duplex: "half",
  });
}

describe("readJsonBody", () => {
  it("reads JSON, counting bytes (not characters) against the limit", async () => {
    expect(await readJsonBody(post('{"a":"é"}'), 100)).toEqual({
      ok: true,
      json: { a: "é" },
      byteLength: 10,
    });
    // 5 characters, 6 bytes.
    expect(await readJsonBody(post('"éé"'), 5)).toMatchObject({ ok: false, problem: "too_large" });
    expect(await readJsonBody(post("{nope"), 100)).toEqual({ ok: false, problem: "not_json" });
  });

  it("refuses a declared size over the limit without reading", async () => {
    const result = await readJsonBody(post("{}", { "content-length": "999999" }), 10);
    expect(result).toEqual({ ok: false, problem: "too_large", declaredBytes: 999999 });
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    const result = await readJsonBody(post(endless), 10 * 1024);
    expect(result).toMatchObject({ ok: false, problem: "too_large" });
    expect(pulled).toBeLessThan(20);
  });
});
