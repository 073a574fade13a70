#!/usr/bin/env node
// `npx mcp-playground`: starts the TypeScript CLI under tsx with the react-server condition (the
// server modules refuse to load without it), from the project, in the caller's directory.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  [
    "--conditions=react-server",
    "--import",
    "tsx",
    "--no-warnings=ExperimentalWarning",
    join(root, "lib/server/runner/cli-main.ts"),
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      MCP_PLAYGROUND_CWD: process.cwd(),
      TSX_TSCONFIG_PATH: join(root, "tsconfig.json"),
    },
  },
);
// Ctrl+C reaches the child through the terminal's process group; the launcher only waits.
process.on("SIGINT", () => {});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
