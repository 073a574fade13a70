// The schema and the migrations agree: drizzle-kit, asked to generate from the schema over a copy
// of drizzle/, finds nothing to add. (A schema change without `npm run db:generate` fails here.)
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("the database migrations", () => {
  it("hold every change of lib/server/db/schema.ts", () => {
    const copy = join(".test-output", `migrations-${process.pid}`);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(".test-output", { recursive: true });
    cpSync("drizzle", copy, { recursive: true });
    try {
      const run = spawnSync(
        "npx",
        [
          "drizzle-kit",
          "generate",
          "--dialect",
          "postgresql",
          "--schema",
          "./lib/server/db/schema.ts",
          "--out",
          `./${copy}`,
        ],
        {
          encoding: "utf8",
          env: { ...process.env, NODE_OPTIONS: "--conditions=react-server" },
        },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain("No schema changes");
      expect(readdirSync(copy).sort()).toEqual(readdirSync("drizzle").sort());
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
