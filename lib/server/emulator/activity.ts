import "server-only";
// What the emulator did with its recent requests, so a test can see that a cancelled stream really
// reached it (the disconnect, not just a hidden spinner). In memory, bounded; shared through
// globalThis because Next.js may load the emulator module once per route bundle.
export type EmulatorRunStatus = "running" | "completed" | "cancelled" | "failed";

export interface EmulatorActivity {
  requestId: string;
  stream: boolean;
  status: EmulatorRunStatus;
  startedAt: number;
  endedAt?: number;
}

const LIMIT = 50;
const KEY = Symbol.for("mcp-playground.emulator-activity");
const store = globalThis as unknown as Record<symbol, EmulatorActivity[] | undefined>;

function entries(): EmulatorActivity[] {
  return (store[KEY] ??= []);
}

export function recordStart(requestId: string, stream: boolean): void {
  const list = entries();
  list.push({ requestId, stream, status: "running", startedAt: Date.now() });
  if (list.length > LIMIT) list.splice(0, list.length - LIMIT);
}

export function recordEnd(requestId: string, status: Exclude<EmulatorRunStatus, "running">): void {
  const entry = entries().find((candidate) => candidate.requestId === requestId);
  // The first ending wins: a cancel followed by the generator's own close stays "cancelled".
  if (entry && entry.status === "running") {
    entry.status = status;
    entry.endedAt = Date.now();
  }
}

export function recentActivity(): EmulatorActivity[] {
  return entries().map((entry) => ({ ...entry }));
}
