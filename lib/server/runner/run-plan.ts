import "server-only";
// A planned run against its target: the emulator in this process (its own database in memory, so
// it touches no workspace), the real API, or any Messages API at a base URL. The CLI and the
// app's "Run collection" both come through here.
import Anthropic from "@anthropic-ai/sdk";
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { PlannedCase } from "@/lib/domain/checks/plan";
import { buildReport, type CaseResult, type RunReport } from "@/lib/domain/checks/report";
import type { DatabaseHandle } from "@/lib/server/db/connect";
import { inProcessEmulator } from "./emulator-client";
import { runBatches, runCases } from "./execute";

export type RunTarget =
  | {
      kind: "emulator";
      origin?: string;
      database?: () => Promise<DatabaseHandle>;
      fetch?: typeof fetch;
    }
  | { kind: "api"; apiKey: string; baseUrl?: string }
  | { kind: "base-url"; baseUrl: string; apiKey?: string };

export interface RunProgress {
  start(total: number, target: string): void;
  caseEnded(result: CaseResult, done: number, total: number): void;
  waiting(progress: { ended: number; total: number; batches: number }, waitMs: number): void;
}

export interface RunPlanOptions {
  target: RunTarget;
  concurrency: number;
  batch: boolean;
  pollSeconds?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  progress?: RunProgress;
  /** Who the emulator counts the runs for. */
  client?: string;
  /** Each answer as it came (not with --batch). */
  onMessage?: (key: string, message: BetaMessage) => void;
}

/** The built-in demo servers at the app's default address are answered in process. */
export const CLI_DEMO_ORIGIN = "http://localhost:3000";

/** An embedded database in memory, opened on first use (only batches and threads need one). */
function memoryDatabase(): { open: () => Promise<DatabaseHandle>; close: () => Promise<void> } {
  let opening: Promise<DatabaseHandle> | null = null;
  return {
    open: () =>
      (opening ??= import("@/lib/server/db/connect").then(({ openDatabase }) =>
        openDatabase({ kind: "memory" }),
      )),
    close: async () => {
      await (await opening?.catch(() => null))?.close();
    },
  };
}

export function describeTarget(target: RunTarget): string {
  if (target.kind === "emulator") return "the emulator (in this process)";
  if (target.kind === "api")
    return target.baseUrl ? `the Messages API at ${target.baseUrl}` : "the Anthropic API";
  return `the Messages API at ${target.baseUrl}`;
}

export async function runPlannedCases(
  cases: readonly PlannedCase[],
  options: RunPlanOptions,
): Promise<RunReport> {
  const started = new Date();
  const startedMs = performance.now();
  let close = async () => {};
  let client: Anthropic;
  const { target } = options;
  if (target.kind === "emulator") {
    const memory = target.database ? null : memoryDatabase();
    const emulator = inProcessEmulator({
      origin: target.origin ?? CLI_DEMO_ORIGIN,
      client: options.client ?? "cli",
      concurrency: options.concurrency,
      database: target.database ?? memory!.open,
      fetch: target.fetch,
      timeoutMs: options.timeoutMs,
    });
    client = emulator.client;
    close = async () => {
      emulator.close();
      await memory?.close();
    };
  } else {
    client = new Anthropic({
      apiKey: target.apiKey ?? "none",
      baseURL: target.baseUrl,
      timeout: options.timeoutMs,
      maxRetries: 2,
    });
  }
  const label = describeTarget(target);
  options.progress?.start(cases.length, label);
  try {
    const execute = {
      client,
      concurrency: options.concurrency,
      signal: options.signal,
      onCase: options.progress ? options.progress.caseEnded.bind(options.progress) : undefined,
      onMessage: options.onMessage,
    };
    const results = options.batch
      ? await runBatches(cases, {
          ...execute,
          // The emulator holds 100 requests a batch; the API 100,000.
          batchSize: target.kind === "emulator" ? 100 : 100_000,
          pollMs: (options.pollSeconds ?? (target.kind === "emulator" ? 1 : 10)) * 1000,
          onPoll: options.progress ? options.progress.waiting.bind(options.progress) : undefined,
        })
      : await runCases(cases, execute);
    return buildReport(cases, results, {
      startedAt: started.toISOString(),
      durationMs: Math.round(performance.now() - startedMs),
      target: label,
    });
  } finally {
    await close();
  }
}
