// Test support: which browser Playwright launches here. Debian's chromium when present (no browser
// download on machines without internet), with the flags that keep it quiet and offline, installed
// with apt-get when missing and we are root on Debian; otherwise the user's own Playwright browser.
// Shared by the e2e config, the test runner and the browser benchmark.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export function chromiumLaunchOptions(): LaunchOptions {
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

/** Makes sure Playwright has a browser; returns which one ("playwright" for its own). */
export function ensureBrowser(): string {
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
