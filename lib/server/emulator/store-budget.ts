import "server-only";
// How much the emulator keeps for its callers: per API key and in all, counted as the bytes of
// their JSON. Message threads are bounded by both (the oldest go first); a Message Batch larger
// than a key's share is refused before it is stored.
import { processLimits } from "@/lib/server/settings";

export interface StoreBudgetLimits {
  /** Bytes one API key's threads (or one batch) may hold. */
  perClientBytes: number;
  /** Bytes all threads may hold. */
  totalBytes: number;
}

/** The serialized size of what is kept: what the budget counts. */
export function heldBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "");
}

export function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}

/** The limits from this process's settings (PLAYGROUND_EMULATOR_MEMORY_*). */
export function processStoreLimits(): StoreBudgetLimits {
  const limits = processLimits();
  return {
    perClientBytes: limits.emulatorMemoryPerClientBytes,
    totalBytes: limits.emulatorMemoryBytes,
  };
}
