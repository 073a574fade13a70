// The history slice: every Send kept in the browser (bounded), read back through its schemas
// (loaded with the history, not with the page), reopened, deleted. The history's own code loads
// after the page too: an action that needs it before it has, waits for it.
import { HISTORY_STORAGE_KEY } from "@/lib/domain/history/storage-key";
import { LOAD_FAILED_MESSAGE } from "./load-failure";
import { loadRunHistory, runHistoryIfLoaded } from "./run-history-loader";
import type { HistorySlice, HistoryStorage, SliceContext } from "./store-types";

export function createHistorySlice({ set, get, options }: SliceContext): HistorySlice {
  const historyStorage = (): HistoryStorage | null =>
    options.historyStorage ?? (typeof localStorage === "undefined" ? null : localStorage);
  /** Writes the history; when the browser's storage is full, the oldest half goes first. */
  /** Runs `use` with the history's code: at once once it has loaded, else when it has. */
  const withHistory = (apply: (history: Awaited<ReturnType<typeof loadRunHistory>>) => void) => {
    const ready = runHistoryIfLoaded();
    if (ready) return apply(ready);
    loadRunHistory().then(apply, () =>
      set({ historyNotice: `The run history: ${LOAD_FAILED_MESSAGE}` }),
    );
  };
  const saveHistory = () =>
    withHistory(({ serializeHistory }) => {
      const storage = historyStorage();
      if (!storage) return;
      let runs = get().history;
      for (;;) {
        try {
          storage.setItem(HISTORY_STORAGE_KEY, serializeHistory(runs));
          if (runs.length !== get().history.length)
            set({
              history: runs,
              historyNotice: "The browser's storage is full, so the oldest runs were removed.",
            });
          return;
        } catch {
          if (runs.length <= 1) {
            set({ historyNotice: "The run history could not be saved in this browser." });
            return;
          }
          runs = runs.slice(0, Math.ceil(runs.length / 2));
        }
      }
    });
  return {
    history: [],
    historyNotice: null,
    loadHistory: async () => {
      let saved: string | null = null;
      try {
        saved = historyStorage()?.getItem(HISTORY_STORAGE_KEY) ?? null;
      } catch {
        set({ historyNotice: "The run history could not be read from this browser." });
        return;
      }
      const [schema, history] = await Promise.all([
        import("@/lib/domain/history/history-schema").catch(() => null),
        loadRunHistory().catch(() => null),
      ]);
      if (!schema || !history) {
        set({ historyNotice: `The run history: ${LOAD_FAILED_MESSAGE}` });
        return;
      }
      const { runs, dropped } = schema.parseHistory(saved);
      set({
        // Runs recorded while the history was loading stay, newest first.
        history: [...get().history, ...runs],
        historyNotice:
          dropped > 0
            ? `${dropped} saved run${dropped === 1 ? " was" : "s were"} damaged and left out of the history.`
            : null,
      });
    },
    recordRun: (record) =>
      withHistory(({ addRun }) => {
        set((store) => ({ history: addRun(store.history, record) }));
        saveHistory();
      }),
    reopenRun: (runId) =>
      withHistory(({ reopenComposer, runRequest }) => {
        const record = get().history.find((entry) => entry.id === runId);
        if (!record) return;
        const current = get().run;
        if (current.status === "sending") current.controller.abort();
        set({
          composer: reopenComposer(record, get().composer),
          run: { status: "done", outcome: record.outcome, request: runRequest(record), runId },
        });
      }),
    deleteRun: (runId) => {
      set((store) => ({ history: store.history.filter((entry) => entry.id !== runId) }));
      saveHistory();
    },
    deleteAllRuns: () => {
      set({ history: [], historyNotice: null });
      try {
        historyStorage()?.removeItem(HISTORY_STORAGE_KEY);
      } catch {
        set({ historyNotice: "The saved history could not be removed from this browser." });
      }
    },
  };
}
