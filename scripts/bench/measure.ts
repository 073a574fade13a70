export interface BenchResult {
  name: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
}

/** Runs `fn` after a warm-up until `runs` samples or `maxMs` have passed; reports the median. */
export function measure(
  name: string,
  fn: () => void,
  { runs = 300, warmup = 30, maxMs = 15_000 } = {},
): BenchResult {
  for (let i = 0; i < warmup; i += 1) fn();
  const samples: number[] = [];
  const deadline = performance.now() + maxMs;
  while (samples.length < runs && performance.now() < deadline) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return summarize(name, samples);
}

/** `measure` for work that resolves later (awaited one at a time). */
export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  { runs = 300, warmup = 30, maxMs = 15_000 } = {},
): Promise<BenchResult> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  const deadline = performance.now() + maxMs;
  while (samples.length < runs && performance.now() < deadline) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(name, samples);
}

export function summarize(name: string, samples: number[]): BenchResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { name, runs: sorted.length, medianMs: at(0.5), p90Ms: at(0.9), minMs: sorted[0] ?? NaN };
}

export function formatResult(result: BenchResult, targetMs?: number): string {
  const verdict =
    targetMs === undefined
      ? ""
      : result.medianMs < targetMs
        ? `  ✓ under ${targetMs} ms`
        : `  ✗ over ${targetMs} ms`;
  return `${result.name}\n  median ${result.medianMs.toFixed(3)} ms · p90 ${result.p90Ms.toFixed(3)} ms · min ${result.minMs.toFixed(3)} ms · ${result.runs} runs${verdict}`;
}

/**
 * Times two async variants of the same work side by side: a warm-up, then alternating order each
 * round so neither side always runs on the warmer machine. Returns both summaries. A `run` that
 * resolves to a number has timed itself (e.g. up to a first event, before tidying up).
 */
export async function compareSideBySide(
  a: { name: string; run: () => Promise<unknown> },
  b: { name: string; run: () => Promise<unknown> },
  { runs = 200, warmup = 20 } = {},
): Promise<[BenchResult, BenchResult]> {
  const time = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    const own = await fn();
    return typeof own === "number" ? own : performance.now() - start;
  };
  for (let i = 0; i < warmup; i += 1) {
    await time(a.run);
    await time(b.run);
  }
  const aSamples: number[] = [];
  const bSamples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      aSamples.push(await time(a.run));
      bSamples.push(await time(b.run));
    } else {
      bSamples.push(await time(b.run));
      aSamples.push(await time(a.run));
    }
  }
  return [summarize(a.name, aSamples), summarize(b.name, bSamples)];
}
