// `npm run bench`: performance figures, measured (never asserted in tests). Each suite runs in a
// fresh Node process, so one suite's loaded modules and JIT state do not colour another's figures.
import { spawnSync } from "node:child_process";

const SUITES = [
  "preview-main.ts",
  "search-main.ts",
  "route-main.ts",
  "first-event-main.ts",
  "discovery-main.ts",
  "browser-main.ts",
  "attack-main.ts",
  "workspace-main.ts",
  "runner-main.ts",
];

console.log(`Node ${process.version} · ${new Date().toISOString()}`);
let failed = false;
for (const suite of SUITES) {
  console.log("");
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", `scripts/bench/${suite}`],
    { stdio: "inherit" },
  );
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
