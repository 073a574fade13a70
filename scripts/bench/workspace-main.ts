// The workspace on both databases: short links created and opened through their routes at 50 at
// a time (targets p50 ≤ 15 ms, p99 ≤ 60 ms), and a collection of 10,000 saved requests listed,
// searched and paged (target ≤ 100 ms server time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { summarize } from "./measure";
import { startPostgres } from "../../test/support/postgres";

process.env.PLAYGROUND_RATE_LIMIT = "10000000";
const { closeProcessDatabase, processDatabase } = await import("../../lib/server/db/connect");
const { collections, savedRequests } = await import("../../lib/server/db/schema");
const { listRequests } = await import("../../lib/server/workspace/saved-requests");
const { stateForStorage } = await import("../../lib/server/workspace/stored-state");
const { encodeShareState } = await import("../../lib/domain/share/codec");
const { createDefaultState } = await import("../../lib/domain/request/composer");
const linksRoute = await import("../../app/api/links/route");
const linkRoute = await import("../../app/api/links/[id]/route");

const CONCURRENCY = 50;
const LINKS = 1000;
const SAVED = 10_000;
let counter = 0;
const state = encodeShareState(createDefaultState(() => `id${++counter}`));

function request(path: string, body?: unknown): Request {
  return new Request(`http://localhost:3000${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { host: "localhost:3000", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Runs `count` calls, `CONCURRENCY` in flight at any time; each call's own time is a sample. */
async function concurrently(
  count: number,
  call: (index: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next++;
        const start = performance.now();
        await call(index);
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples;
}

function report(name: string, samples: number[], p50Target: number, p99Target: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const p50 = at(0.5);
  const p99 = at(0.99);
  const ok = p50 <= p50Target && p99 <= p99Target;
  console.log(
    `${name}\n  p50 ${p50.toFixed(2)} ms · p99 ${p99.toFixed(2)} ms · ${samples.length} requests, ${CONCURRENCY} at a time  ${ok ? "✓" : "✗"} (p50 ≤ ${p50Target}, p99 ≤ ${p99Target})`,
  );
}

async function benchDatabase(label: string) {
  const opened = performance.now();
  const { db, where } = await processDatabase();
  console.log(
    `\n${label}: ${where} (opened and migrated in ${(performance.now() - opened).toFixed(0)} ms)`,
  );
  // Warm-up: the route modules and the first statements.
  for (let index = 0; index < 20; index += 1) {
    await linksRoute.POST(request("/api/links", { state }));
  }
  const ids: string[] = [];
  const created = await concurrently(LINKS, async () => {
    const response = await linksRoute.POST(request("/api/links", { state }));
    if (response.status !== 201)
      throw new Error(`create: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  });
  report(`Create short link (POST /api/links)`, created, 15, 60);
  const opened2 = await concurrently(LINKS, async (index) => {
    const id = ids[index % ids.length]!;
    const response = await linkRoute.GET(request(`/api/links/${id}`), {
      params: Promise.resolve({ id }),
    });
    if (response.status !== 200) throw new Error(`open: ${response.status}`);
    await response.arrayBuffer();
  });
  report(`Open short link (GET /api/links/<id>)`, opened2, 15, 60);

  // 10,000 saved requests in one collection.
  const collectionId = randomUUID();
  await db.insert(collections).values({ id: collectionId, name: "Bench" });
  const stored = stateForStorage(state);
  if (!stored.ok) throw new Error(stored.message);
  for (let start = 0; start < SAVED; start += 500) {
    await db.insert(savedRequests).values(
      Array.from({ length: 500 }, (_, offset) => ({
        id: randomUUID(),
        collectionId,
        folder: `area ${(start + offset) % 20}`,
        name: `request ${String(start + offset).padStart(5, "0")}`,
        description: (start + offset) % 7 === 0 ? "checks the calendar" : "",
        state: stored.stored,
      })),
    );
  }
  for (const [name, query] of [
    ["first page", { q: "", offset: 0 }],
    ["a search (name, folder, description)", { q: "calendar", offset: 0 }],
    ["the last page", { q: "", offset: SAVED - 50 }],
  ] as const) {
    const samples: number[] = [];
    for (let run = 0; run < 30; run += 1) {
      const start = performance.now();
      await listRequests(db, { collection: collectionId, limit: 50, ...query });
      samples.push(performance.now() - start);
    }
    const result = summarize(name, samples);
    console.log(
      `List ${SAVED.toLocaleString("en")} saved requests, ${name}\n  median ${result.medianMs.toFixed(2)} ms · p90 ${result.p90Ms.toFixed(2)} ms · ${result.runs} runs  ${result.p90Ms <= 100 ? "✓" : "✗"} (≤ 100 ms)`,
    );
  }
  await closeProcessDatabase();
}

console.log("Workspace: short links and saved requests");
const dataDir = mkdtempSync(join(tmpdir(), "bench-data-"));
process.env.PLAYGROUND_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
try {
  await benchDatabase("PGlite (embedded)");
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

let postgres: Awaited<ReturnType<typeof startPostgres>> | null = null;
try {
  postgres = await startPostgres();
} catch (error) {
  console.log(
    `\nPostgreSQL: not measured (${error instanceof Error ? error.message : String(error)})`,
  );
}
if (postgres) {
  process.env.DATABASE_URL = postgres.url;
  try {
    await benchDatabase("PostgreSQL");
  } finally {
    postgres.stop();
  }
}
