// How Playwright launches its browser here: Debian's chromium when present (no browser download on
// machines without internet), with the flags that keep it quiet and offline; otherwise the user's
// own Playwright browser. Shared by the e2e config and the browser benchmark.
import { existsSync } from "node:fs";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export function chromiumLaunchOptions() {
  if (process.env.PLAYWRIGHT_BUNDLED_BROWSER || !existsSync(SYSTEM_CHROMIUM)) return {};
  return {
    executablePath: SYSTEM_CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
