import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenizeJson } from "./highlight";

describe("tokenizeJson", () => {
  it("labels keys, strings, numbers, booleans and null", () => {
    const tokens = tokenizeJson('{"a": "x", "b": -1.5e3, "c": true, "d": null}').filter(
      (t) => t.kind !== "plain",
    );
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      "punctuation:{",
      'key:"a"',
      "punctuation::",
      'string:"x"',
      "punctuation:,",
      'key:"b"',
      "punctuation::",
      "number:-1.5e3",
      "punctuation:,",
      'key:"c"',
      "punctuation::",
      "boolean:true",
      "punctuation:,",
      'key:"d"',
      "punctuation::",
      "null:null",
      "punctuation:}",
    ]);
  });

  it("handles escaped quotes inside strings", () => {
    expect(tokenizeJson('"a\\"b"')).toEqual([{ kind: "string", text: '"a\\"b"' }]);
  });

  it("loses no character of any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(
          tokenizeJson(text)
            .map((t) => t.text)
            .join(""),
        ).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
