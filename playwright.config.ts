import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./test/support/browser";
const port = Number(process.env.E2E_PORT ?? 3917);
/** A real third-party MCP server the tests call through the emulator. */
const everythingPort = Number(process.env.E2E_EVERYTHING_PORT ?? 3918);
export const everythingUrl = `http://127.0.0.1:${everythingPort}/mcp`;
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: [
    {
      // The production path docs/deploy.md documents: the standalone server's entry, with node.
      command: "node .next/standalone/serve.mjs",
      // Ready once its database is open (PGlite takes a few seconds to start).
      url: `${baseURL}/api/ready`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // The tests' own MCP servers run on loopback: allow private addresses for this deployment.
      // PLAYGROUND_TEST_HOOKS: the emulator honours the test-only delay and break headers.
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        MCP_ALLOW_PRIVATE_NETWORK: "true",
        PLAYGROUND_TEST_HOOKS: "1",
        // "The Anthropic API" target reaches this app's own emulator (the SDK honours the base
        // URL), so the real-API paths (count_tokens, a browser's key) run here without internet.
        ANTHROPIC_BASE_URL: `${baseURL}/api/emulator`,
        // Many tests from one address in a short time: a limit far above what they send.
        PLAYGROUND_RATE_LIMIT: "100000",
        PLAYGROUND_MAX_RUNS_PER_CLIENT: "100",
        // The workspace's embedded database: the tests' own, never the developer's .data.
        PLAYGROUND_DATA_DIR: process.env.E2E_DATA_DIR ?? ".test-output/e2e-data",
      },
    },
    {
      command:
        "node node_modules/@modelcontextprotocol/server-everything/dist/index.js streamableHttp",
      port: everythingPort,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      env: { PORT: String(everythingPort) },
    },
  ],
});
