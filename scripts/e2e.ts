// Browser tests alone: build, then Playwright on a free port with the right browser.
import { spawnSync } from "node:child_process";
import { ensureBrowser } from "../test/support/browser";
import { freePort } from "../test/support/free-port";

ensureBrowser();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const build = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = String(await freePort());
const everythingPort = String(await freePort());
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...env, E2E_PORT: port, E2E_EVERYTHING_PORT: everythingPort },
});
process.exit(result.status ?? 1);
