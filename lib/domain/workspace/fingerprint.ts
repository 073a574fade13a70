// Whether the composer still holds what was saved: a short digest of everything a saved request
// keeps (tokens are not kept, so typing one changes nothing), compared with the digest taken when
// it was saved or loaded.
import { withoutTokens } from "@/lib/domain/request/composer";
import type { ComposerState } from "@/lib/domain/request/types";

/** FNV-1a over the state's JSON, twice with different seeds: 64 bits, in hex. */
export function composerFingerprint(state: ComposerState): string {
  const text = JSON.stringify(withoutTokens(state));
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
  }
  return `${(first >>> 0).toString(16).padStart(8, "0")}${(second >>> 0).toString(16).padStart(8, "0")}`;
}
