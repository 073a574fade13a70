// Splits JSON text into tokens for syntax highlighting. Works on any text: what it does not
// recognise comes back as "plain", so the concatenated tokens always equal the input.
export type JsonTokenKind =
  "key" | "string" | "number" | "boolean" | "null" | "punctuation" | "plain";

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN_PATTERN =
  /("(?:[^"\\\n]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false)\b|\b(null)\b|([{}[\],:])/g;

export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: "plain", text: text.slice(last, index) });
    const [whole, string, colon, number, boolean, nullWord] = match;
    if (string !== undefined) {
      tokens.push({ kind: colon ? "key" : "string", text: string });
      if (colon) tokens.push({ kind: "punctuation", text: colon });
    } else if (number !== undefined) tokens.push({ kind: "number", text: number });
    else if (boolean !== undefined) tokens.push({ kind: "boolean", text: boolean });
    else if (nullWord !== undefined) tokens.push({ kind: "null", text: nullWord });
    else tokens.push({ kind: "punctuation", text: whole });
    last = index + whole.length;
  }
  if (last < text.length) tokens.push({ kind: "plain", text: text.slice(last) });
  return tokens;
}
