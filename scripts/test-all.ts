// Runs every test: the unit tests (Vitest), then a production build and the browser tests
// (Playwright). Ends with the real totals on a line of their own: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureBrowser } from "../test/support/browser";
import { freePort } from "../test/support/free-port";

const OUT = ".test-output";
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes: string[] = [];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return null;
  }
}

// Unit tests.
const unitReport = join(OUT, "vitest.json");
const unitStatus = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${unitReport}`,
]);
/** The parts of Vitest's and Playwright's JSON reports that are counted. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface PlaywrightReport {
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
}

const unit = readJson<VitestReport>(unitReport);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
}
if (unitStatus !== 0 && (!unit || unit.numFailedTests === 0)) {
  totals.failed += 1;
  notes.push("vitest exited with an error outside the tests");
}

// Browser tests against the production build.
let e2eStatus = 0;
try {
  const browser = ensureBrowser();
  console.log(`\nBrowser for Playwright: ${browser}`);
  if (run(process.execPath, ["scripts/build.mjs"]) !== 0) {
    totals.failed += 1;
    notes.push("next build failed, so the browser tests could not run");
  } else {
    const e2eReport = join(OUT, "playwright.json");
    const port = String(await freePort());
    const everythingPort = String(await freePort());
    e2eStatus = run("npx", ["playwright", "test"], {
      E2E_PORT: port,
      E2E_EVERYTHING_PORT: everythingPort,
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
    });
    const e2e = readJson<PlaywrightReport>(e2eReport);
    if (e2e?.stats) {
      totals.passed += e2e.stats.expected;
      totals.failed += e2e.stats.unexpected + e2e.stats.flaky;
      totals.skipped += e2e.stats.skipped;
    }
    if (e2eStatus !== 0 && (!e2e?.stats || e2e.stats.unexpected + e2e.stats.flaky === 0)) {
      totals.failed += 1;
      notes.push("playwright exited with an error outside the tests");
    }
  }
} catch (error) {
  totals.failed += 1;
  notes.push(String(error instanceof Error ? error.message : error));
}

for (const note of notes) console.log(`\nNote: ${note}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 || unitStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
