// The production build: `next build` (standalone output), then the static files the standalone
// server serves from its own folder, and its entry. The result runs with
// `node .next/standalone/serve.mjs` (scripts/serve.mjs: Next's server.js, told each socket's address).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// webpack for the production build: on the same code its first load of `/` is 3 KB gzip smaller
// than Turbopack's (one page chunk, which compresses better than four), and that keeps it within
// its 160 KB budget (npm run bench). `next dev` keeps Turbopack. BUILD_BUNDLER=turbopack compares.
const bundler = process.env.BUILD_BUNDLER === "turbopack" ? [] : ["--webpack"];
const build = spawnSync("npx", ["next", "build", ...bundler], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

const standalone = ".next/standalone";
rmSync(`${standalone}/.next/static`, { recursive: true, force: true });
cpSync(".next/static", `${standalone}/.next/static`, { recursive: true });
if (existsSync("public")) cpSync("public", `${standalone}/public`, { recursive: true });
cpSync("scripts/serve.mjs", `${standalone}/serve.mjs`);
// The database migrations, applied at start (lib/server/db/connect.ts reads them from the cwd).
rmSync(`${standalone}/drizzle`, { recursive: true, force: true });
cpSync("drizzle", `${standalone}/drizzle`, { recursive: true });
console.log(
  `Built: start it with  node ${standalone}/serve.mjs  (PORT, HOSTNAME; see docs/deploy.md).`,
);
