// Undo and redo of composer edits: a stack of whole composer states (immutable, so a step costs
// only what changed). A burst of edits (typing) is one step; an edit that loses something (a
// server removed, the composer replaced) is always a step of its own, so Undo gives it back.
import type { ComposerState } from "./types";

export interface UndoHistory {
  past: readonly ComposerState[];
  future: readonly ComposerState[];
  /** When the last step was recorded (edits sooner than COALESCE_MS after it join it). */
  lastAt: number;
}

export const EMPTY_HISTORY: UndoHistory = { past: [], future: [], lastAt: -Infinity };
const COALESCE_MS = 800;
const STEPS_KEPT = 100;

/**
 * `before` → `after` happened at `at`: the history that can take it back. `lost` says whether it
 * lost something (describeLoss), for a caller that has already asked.
 */
export function recordEdit(
  history: UndoHistory,
  before: ComposerState,
  after: ComposerState,
  at: number,
  lost: boolean = describeLoss(before, after) !== null,
): UndoHistory {
  if (before === after) return history;
  const burst = at - history.lastAt < COALESCE_MS && !lost;
  if (burst && history.past.length > 0) return { ...history, future: [], lastAt: at };
  return { past: [...history.past, before].slice(-STEPS_KEPT), future: [], lastAt: at };
}

export function undoEdit(
  history: UndoHistory,
  current: ComposerState,
): { history: UndoHistory; state: ComposerState } | null {
  const state = history.past.at(-1);
  if (!state) return null;
  return {
    state,
    history: {
      past: history.past.slice(0, -1),
      future: [current, ...history.future],
      lastAt: -Infinity,
    },
  };
}

export function redoEdit(
  history: UndoHistory,
  current: ComposerState,
): { history: UndoHistory; state: ComposerState } | null {
  const [state, ...future] = history.future;
  if (!state) return null;
  return {
    state,
    history: { past: [...history.past, current], future, lastAt: -Infinity },
  };
}

/** What an edit lost, in words (for the toast that offers Undo), or null when it lost nothing. */
export function describeLoss(before: ComposerState, after: ComposerState): string | null {
  const kept = new Set(after.servers.map((server) => server.id));
  const gone = before.servers.filter((server) => !kept.has(server.id));
  if (gone.length === 0) return null;
  if (gone.length === before.servers.length && after.servers.length > 0)
    return "The composer was replaced.";
  const names = gone.map((server) => `'${server.name || "unnamed"}'`).join(", ");
  return gone.length === 1 ? `Server ${names} removed.` : `Servers ${names} removed.`;
}
