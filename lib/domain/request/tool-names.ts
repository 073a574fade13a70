// Tool names as a person must be able to read them: the MCP tool-name rule (letters, digits, `_`,
// `-` and `.`, 1–128 characters), invisible and bidirectional-control characters shown as their
// code points, and the look-alike test (two names equal once those characters are taken out) — so
// `list\u200btasks` cannot pass for `list_tasks` beside a denylist.

/** Characters in the MCP specification's tool names (2025-11-25: SHOULD), at most 128 of them. */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * Characters that print as nothing or reorder what follows: controls, zero-width and joiners,
 * bidirectional marks, embeddings, overrides and isolates, the word joiner, the BOM, tags.
 */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The name with each hidden character shown as ⟨U+XXXX⟩. */
export function visibleName(name: string): string {
  return name.replace(HIDDEN, (character) => `⟨${codePoint(character)}⟩`);
}

/** The name with its hidden characters taken out: what a reader sees. */
export function withoutHidden(name: string): string {
  return name.replace(HIDDEN, "");
}

export function hasHidden(name: string): boolean {
  HIDDEN.lastIndex = 0;
  const found = HIDDEN.test(name);
  HIDDEN.lastIndex = 0;
  return found;
}

/** Why a tool's name breaks the rule, in words; null when it keeps it. */
export function toolNameProblem(name: string): string | null {
  if (TOOL_NAME.test(name)) return null;
  const shown = visibleName(name);
  if (name.length === 0) return "The tool has an empty name.";
  if (name.length > 128) return `The name '${shown.slice(0, 60)}…' is over 128 characters.`;
  if (hasHidden(name))
    return `The name '${shown}' holds invisible or direction-changing characters: it can pass for another tool's name.`;
  return `The name '${shown}' has characters outside letters, digits, _, - and . (the tool-name rule).`;
}

/** Whether two different names read the same once hidden characters are taken out. */
export function looksAlike(a: string, b: string): boolean {
  return a !== b && withoutHidden(a) === withoutHidden(b);
}
