// The run history's code loads after the page (a Send records its run once it has): one loader,
// so every slice sees the same module once it is there.
import type * as RunHistory from "@/lib/domain/history/run-history";

type RunHistoryModule = typeof RunHistory;

let loaded: RunHistoryModule | null = null;

export async function loadRunHistory(): Promise<RunHistoryModule> {
  loaded ??= await import("@/lib/domain/history/run-history");
  return loaded;
}

/** The module when it has loaded, else null (the caller loads it and tries again). */
export function runHistoryIfLoaded(): RunHistoryModule | null {
  return loaded;
}
