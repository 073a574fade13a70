// The composer's edits of its checks, apart from the field tables (drafts.ts) so the store that
// applies them does not carry those to the first page load.
import type { CheckDraft } from "./drafts";
import type { CheckSpec } from "./spec";

/** The composer's edits of its checks (the store applies them). */
export function addCheck<State extends { checks?: CheckDraft[] }>(
  state: State,
  spec: CheckSpec,
  id: string,
): State {
  return { ...state, checks: [...(state.checks ?? []), { id, spec }] };
}

export function updateCheck<State extends { checks?: CheckDraft[] }>(
  state: State,
  id: string,
  spec: CheckSpec,
): State {
  return {
    ...state,
    checks: (state.checks ?? []).map((check) => (check.id === id ? { ...check, spec } : check)),
  };
}

export function removeCheck<State extends { checks?: CheckDraft[] }>(
  state: State,
  id: string,
): State {
  return { ...state, checks: (state.checks ?? []).filter((check) => check.id !== id) };
}
