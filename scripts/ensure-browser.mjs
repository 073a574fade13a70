// Makes sure Playwright has a browser: Debian's chromium at /usr/bin/chromium (installed here when
// missing and we are root on a Debian-like system), else Playwright's own installed browser.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

import { SYSTEM_CHROMIUM } from "./chromium-launch.mjs";

export function ensureBrowser() {
  if (process.env.PLAYWRIGHT_BUNDLED_BROWSER) return "playwright";
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  if (existsSync(chromium.executablePath())) return "playwright";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser tests (apt-get)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  }
  throw new Error(
    "No browser for Playwright: install Debian's chromium (apt-get install chromium) or run `npx playwright install chromium`.",
  );
}
