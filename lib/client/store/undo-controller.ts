// Records the composer's edits as they happen and walks back and forth through them. It attaches
// to the store after the saved state is restored, so restoring is not an edit to undo.
import {
  describeLoss,
  EMPTY_HISTORY,
  recordEdit,
  redoEdit,
  undoEdit,
  type UndoHistory,
} from "@/lib/domain/request/undo-history";
import type { AppStoreApi } from "./app-store";

export interface UndoController {
  /** False when there is nothing to undo (or redo). */
  undo: () => boolean;
  redo: () => boolean;
  detach: () => void;
}

export function attachUndo(
  store: AppStoreApi,
  onLoss: (what: string) => void,
  now: () => number = () => Date.now(),
): UndoController {
  let history: UndoHistory = EMPTY_HISTORY;
  let applying = false;
  const detach = store.subscribe((state, previous) => {
    if (applying || state.composer === previous.composer) return;
    const loss = describeLoss(previous.composer, state.composer);
    history = recordEdit(history, previous.composer, state.composer, now(), loss !== null);
    if (loss) onLoss(loss);
  });
  const walk = (step: typeof undoEdit) => {
    const result = step(history, store.getState().composer);
    if (!result) return false;
    history = result.history;
    applying = true;
    try {
      store.setState({ composer: result.state });
    } finally {
      applying = false;
    }
    return true;
  };
  return { undo: () => walk(undoEdit), redo: () => walk(redoEdit), detach };
}
