// Test support: what the first load of a page weighs — the scripts its served HTML loads (not the
// nomodule polyfill), summed raw and gzipped. Shared by the bundle budget test and the benchmark.
import { gzipSync } from "node:zlib";

export interface FirstLoad {
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

export async function measureFirstLoad(origin: string, path: string): Promise<FirstLoad> {
  const html = await (await fetch(origin + path)).text();
  const sources = [...html.matchAll(/<script([^>]*)src="([^"]+)"([^>]*)>/g)]
    .filter((match) => !/nomodule/i.test(`${match[1]}${match[3]}`))
    .map((match) => match[2]!);
  let raw = 0;
  let gzip = 0;
  for (const source of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(source, origin))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { scripts: new Set(sources).size, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}

/** The first load of `/` may weigh this much, gzipped (issue 14's budget). */
export const FIRST_LOAD_BUDGET_KB = 160;
