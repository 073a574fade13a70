import "server-only";
// How much of the emulator's memory Message Batches and message threads may hold: per API key and
// for the whole instance, counted as the bytes of their JSON. A key beyond its share is refused
// (429) or told its request is too large to hold (413); when the instance is full, the things of
// whichever key holds the most go first, so one key cannot push out another's.
import { DEFAULT_LIMITS } from "@/lib/domain/limits";
import { processLimits } from "@/lib/server/settings";

export interface StoreBudgetLimits {
  /** Bytes one API key's batches and threads may hold together. */
  perClientBytes: number;
  /** Bytes all of them may hold in this instance. */
  totalBytes: number;
}

export class StoreBudget {
  private readonly held = new Map<string, number>();
  private total = 0;

  constructor(readonly limits: StoreBudgetLimits) {}

  heldBy(owner: string): number {
    return this.held.get(owner) ?? 0;
  }

  get totalHeld(): number {
    return this.total;
  }

  /** Which limit `bytes` more for `owner` would break, if any. */
  check(owner: string, bytes: number): "fits" | "client" | "instance" {
    if (this.heldBy(owner) + bytes > this.limits.perClientBytes) return "client";
    if (this.total + bytes > this.limits.totalBytes) return "instance";
    return "fits";
  }

  add(owner: string, bytes: number): void {
    this.held.set(owner, this.heldBy(owner) + bytes);
    this.total += bytes;
  }

  release(owner: string, bytes: number): void {
    const left = this.heldBy(owner) - bytes;
    if (left > 0) this.held.set(owner, left);
    else this.held.delete(owner);
    this.total = Math.max(0, this.total - bytes);
  }

  /** Owners from the one holding the most down: whose things go first when the instance is full. */
  ownersByHolding(): string[] {
    return [...this.held.entries()].sort((a, b) => b[1] - a[1]).map(([owner]) => owner);
  }
}

/** A budget with the documented defaults (16 MiB a key, 64 MiB in all): stores made in tests. */
export function defaultStoreBudget(): StoreBudget {
  return new StoreBudget({
    perClientBytes: DEFAULT_LIMITS.emulatorMemoryPerClientBytes,
    totalBytes: DEFAULT_LIMITS.emulatorMemoryBytes,
  });
}

/** The serialized size of what is kept: what the budget counts. */
export function heldBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "");
}

export function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}

const BUDGET_KEY = Symbol.for("mcp-connector-playground.emulator-budget");

/** One budget per process, shared by the batch and thread stores. */
export function processStoreBudget(): StoreBudget {
  const holder = globalThis as { [BUDGET_KEY]?: StoreBudget };
  const limits = processLimits();
  return (holder[BUDGET_KEY] ??= new StoreBudget({
    perClientBytes: limits.emulatorMemoryPerClientBytes,
    totalBytes: limits.emulatorMemoryBytes,
  }));
}
