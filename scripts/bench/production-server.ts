// The benchmarks' production server: `npm run build` (unless BENCH_SKIP_BUILD=1), then the
// standalone entry (serve.mjs) on a free loopback port, once /api/health answers.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { freePort } from "../../test/support/free-port";

export function buildProduction(): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  console.log("Building the production app (BENCH_SKIP_BUILD=1 reuses the last build)…");
  const result = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "ignore" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export async function startProductionServer(
  env: Record<string, string> = {},
): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [".next/standalone/serve.mjs"], {
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    const up = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { origin, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error("the production server did not start");
}
