// One client attacking the production server (the standalone build, through serve.mjs) while a
// probe asks /api/health every 50 ms: the hostile regex search, 30 MB and 10 MB batch creates,
// hanging discoveries, 300 MB chunked bodies. The rate limit is lifted, so what is measured is the
// defence behind it. Targets: /api/health p99 within 200 ms; the server's RSS under 512 MB.
// Loopback only: the attacker's hanging MCP server runs in this process.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildProduction, startProductionServer } from "./production-server";

const HEALTH_P99_BUDGET_MS = 200;
const RSS_CEILING_MB = 512;
const MB = 1024 * 1024;

/**
 * The probe, in a process of its own (so the attacker's own work in this one does not colour it):
 * it asks /api/health every 50 ms and samples the server's RSS from /proc until told to stop, then
 * prints its figures as JSON.
 */
const PROBE = `
const [origin, pid] = process.argv.slice(1);
const { readFileSync } = require("node:fs");
const rss = () => Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync("/proc/" + pid + "/status", "utf8"))?.[1] ?? 0) / 1024;
const latencies = [];
let maxRss = rss();
let running = true;
process.on("message", () => { running = false; });
(async () => {
  // Fetch's first call loads its client: once, untimed, before the probe says it is ready.
  await fetch(origin + "/api/health").then((r) => r.text());
  process.send("ready");
  while (running) {
    const start = performance.now();
    await fetch(origin + "/api/health", { signal: AbortSignal.timeout(5000) }).then((r) => r.text(), () => undefined);
    latencies.push(performance.now() - start);
    maxRss = Math.max(maxRss, rss());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.send({ latencies, maxRss }, () => process.exit(0));
})();
`;

async function probe(origin: string, pid: number) {
  const child = spawn(process.execPath, ["-e", PROBE, origin, String(pid)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise((resolve) => child.once("message", resolve));
  const report = new Promise<{ latencies: number[]; maxRss: number }>((resolve) =>
    child.once("message", (message) => resolve(message as { latencies: number[]; maxRss: number })),
  );
  return async () => {
    child.send("stop");
    const { latencies, maxRss } = await report;
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return { samples: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)!, maxRss };
  };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", "x-api-key": "attacker", ...headers },
  body: JSON.stringify(body),
});

async function statuses(requests: Promise<Response>[]): Promise<string> {
  const counts = new Map<string, number>();
  for (const outcome of await Promise.allSettled(requests)) {
    const key = outcome.status === "fulfilled" ? String(outcome.value.status) : "connection closed";
    if (outcome.status === "fulfilled") await outcome.value.body?.cancel();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => `${count}× ${status}`).join(", ");
}

/** A chunked body of `bytes`, made only as fast as the server reads it. */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(256 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

function bigBatch(requestBytes: number) {
  return {
    requests: [
      {
        custom_id: "big",
        params: {
          model: "claude-opus-4-6",
          max_tokens: 16,
          messages: [{ role: "user", content: "x".repeat(requestBytes) }],
        },
      },
    ],
  };
}

buildProduction();
const { origin, child } = await startProductionServer({
  MCP_ALLOW_PRIVATE_NETWORK: "true",
  PLAYGROUND_RATE_LIMIT: "1000000",
});
const hanging = createServer(() => undefined);
await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/mcp`;
const catalog = `${origin}/api/demo-mcp/catalog`;

const ATTACKS: { name: string; run: () => Promise<string> }[] = [
  {
    name: "10 bursts of 20 emulated regex searches for (.|.)*!! over the 500-tool catalog",
    run: async () => {
      const all: Promise<Response>[] = [];
      for (let burst = 0; burst < 10; burst += 1) {
        const round = Array.from({ length: 20 }, () =>
          fetch(
            `${origin}/api/emulator/v1/messages`,
            json(
              {
                model: "claude-opus-4-6",
                max_tokens: 64,
                messages: [{ role: "user", content: "search (.|.)*!!" }],
                mcp_servers: [{ type: "url", url: catalog, name: "catalog" }],
                tools: [
                  { type: "tool_search_tool_regex_20251119", name: "tool_search_tool_regex" },
                  {
                    type: "mcp_toolset",
                    mcp_server_name: "catalog",
                    default_config: { defer_loading: true },
                    configs: { billing_get_000: { defer_loading: false } },
                  },
                ],
              },
              { "anthropic-beta": "mcp-client-2025-11-20" },
            ),
          ),
        );
        await Promise.allSettled(round);
        all.push(...round);
      }
      return statuses(all);
    },
  },
  {
    name: "60 batch creates of 30 MB (4 at a time)",
    run: async () => {
      const body = JSON.stringify(bigBatch(30 * MB));
      const out: Promise<Response>[] = [];
      for (let index = 0; index < 60; index += 4) {
        const round = Array.from({ length: 4 }, () =>
          fetch(`${origin}/api/emulator/v1/messages/batches`, { ...json(null), body }),
        );
        await Promise.allSettled(round);
        out.push(...round);
      }
      return statuses(out);
    },
  },
  {
    name: "60 batch creates of 10 MB (under a key's 16 MiB share)",
    run: async () => {
      const body = JSON.stringify(bigBatch(10 * MB));
      const out: Response[] = [];
      for (let index = 0; index < 60; index += 1)
        out.push(
          await fetch(`${origin}/api/emulator/v1/messages/batches`, { ...json(null), body }),
        );
      return statuses(out.map((response) => Promise.resolve(response)));
    },
  },
  {
    name: "64 discoveries of a server that never answers (30 s each)",
    run: () =>
      statuses(
        Array.from({ length: 64 }, () =>
          fetch(`${origin}/api/mcp/tools`, json({ url: hangingUrl, timeout_ms: 30_000 })),
        ),
      ),
  },
  {
    name: "8 bodies of 300 MB, chunked, to four POST routes",
    run: () =>
      statuses(
        ["/api/messages", "/api/mcp/tools", "/api/demo-oauth/token", "/api/demo-mcp/calendar"]
          .flatMap((path) => [path, path])
          .map((path) =>
            fetch(`${origin}${path}`, {
              method: "POST",
              headers: {
                "content-type": path.includes("oauth")
                  ? "application/x-www-form-urlencoded"
                  : "application/json",
              },
              body: chunkedBody(300 * MB),
              duplex: "half",
            } as RequestInit),
          ),
      ),
  },
];

// Warm the routes first: the first request to each compiles and loads it.
for (const path of ["/api/emulator/v1/messages", "/api/mcp/tools", "/api/messages"])
  await fetch(`${origin}${path}`, json({})).then((response) => response.text());

console.log(
  `One client attacking the production server; /api/health probed every 50 ms (budget p99 ${HEALTH_P99_BUDGET_MS} ms, RSS under ${RSS_CEILING_MB} MB)`,
);
const idle = await probe(origin, child.pid!);
await new Promise((resolve) => setTimeout(resolve, 2_000));
const baseline = await idle();
console.log(
  `  at rest: health p50 ${baseline.p50.toFixed(1)} ms · p99 ${baseline.p99.toFixed(1)} ms · RSS ${baseline.maxRss.toFixed(0)} MB`,
);
let failed = false;
for (const attack of ATTACKS) {
  const stop = await probe(origin, child.pid!);
  const started = performance.now();
  const outcome = await attack.run();
  const seconds = (performance.now() - started) / 1000;
  const health = await stop();
  const ok = health.p99 <= HEALTH_P99_BUDGET_MS && health.maxRss <= RSS_CEILING_MB;
  failed ||= !ok;
  console.log(
    `  ${ok ? "✓" : "✗"} ${attack.name}: ${outcome} in ${seconds.toFixed(1)} s · health p50 ${health.p50.toFixed(1)} ms · p99 ${health.p99.toFixed(1)} ms · max ${health.max.toFixed(1)} ms (${health.samples} probes) · RSS max ${health.maxRss.toFixed(0)} MB`,
  );
}
hanging.closeAllConnections();
hanging.close();
child.kill();
process.exit(failed ? 1 : 0);
