import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Route modules start with `import "server-only"`; tests run them as the server would.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "scripts/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    environment: "node",
    // The workspace and the emulator's batches run on PGlite in memory unless a test says otherwise
    // (each test file is its own process-wide database).
    env: { PLAYGROUND_DATA_DIR: "memory:", DATABASE_URL: "" },
    // Headroom for a slower, busier machine (a first PGlite open alone takes seconds).
    testTimeout: 60_000,
  },
});
