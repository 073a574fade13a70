import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseTargetFromEnv } from "./connect";
import { DataDirInUseError, LOCK_FILE, lockDataDir } from "./data-dir-lock";
import { createSealer, sealerFor, STORAGE_KEY_FILE } from "./sealing";

const dir = mkdtempSync(join(tmpdir(), "playground-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the database the environment names", () => {
  it("is PostgreSQL for a postgres URL, PGlite in memory for memory:, else PGlite in .data", () => {
    expect(databaseTargetFromEnv({ DATABASE_URL: "postgres://u:p@db:5432/x" })).toEqual({
      kind: "postgres",
      url: "postgres://u:p@db:5432/x",
    });
    expect(() => databaseTargetFromEnv({ DATABASE_URL: "mysql://db/x" })).toThrow(/postgres/);
    expect(databaseTargetFromEnv({ PLAYGROUND_DATA_DIR: "memory:" })).toEqual({ kind: "memory" });
    expect(databaseTargetFromEnv({ PLAYGROUND_DATA_DIR: "/srv/data" })).toEqual({
      kind: "pglite",
      dataDir: "/srv/data",
    });
    expect(databaseTargetFromEnv({})).toEqual({
      kind: "pglite",
      dataDir: join(process.cwd(), ".data"),
    });
  });
});

describe("the data directory's lock", () => {
  it("refuses a second live owner in words, takes over a dead one's, and is released", () => {
    const release = lockDataDir(dir, process.pid);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(String(process.pid));
    // Another live process (our parent) holding it.
    expect(() => lockDataDir(dir, process.ppid)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir, process.ppid)).toThrow(/DATABASE_URL/);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    // A pid that is gone: its lock is stale.
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;
    writeFileSync(join(dir, LOCK_FILE), gone);
    const again = lockDataDir(dir, process.pid);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(String(process.pid));
    again();
  });
});

describe("sealing", () => {
  it("opens what it sealed, refuses another key's or an altered value", () => {
    const sealer = createSealer(Buffer.alloc(32, 1), true);
    const sealed = sealer.seal('{"authorization_token":"secret"}');
    expect(sealed).not.toContain("secret");
    expect(sealer.open(sealed)).toBe('{"authorization_token":"secret"}');
    expect(createSealer(Buffer.alloc(32, 2), true).open(sealed)).toBeNull();
    const parts = sealed.split(".");
    parts[4] = `${parts[4]!.slice(0, -2)}AA`;
    expect(sealer.open(parts.join("."))).toBeNull();
  });

  it("takes PLAYGROUND_STORAGE_KEY, else the data directory's key file, else a key for this process", () => {
    const fromEnv = sealerFor({}, { PLAYGROUND_STORAGE_KEY: "k".repeat(40) });
    expect(sealerFor({ dataDir: dir }, { PLAYGROUND_STORAGE_KEY: "k".repeat(40) }).keyId).toBe(
      fromEnv.keyId,
    );
    expect(() => sealerFor({}, { PLAYGROUND_STORAGE_KEY: "short" })).toThrow(/32 characters/);
    const fromFile = sealerFor({ dataDir: dir }, {});
    expect(existsSync(join(dir, STORAGE_KEY_FILE))).toBe(true);
    expect(sealerFor({ dataDir: dir }, {}).keyId).toBe(fromFile.keyId);
    expect(fromFile.shared).toBe(true);
    const own = sealerFor({}, {});
    expect(own.shared).toBe(false);
    expect(sealerFor({}, {}).keyId).not.toBe(own.keyId);
  });
});
