import "server-only";
// One process owns an embedded database's directory. PGlite has no lock of its own, and two
// processes writing one directory corrupt it, so the owner leaves its pid in a lock file; a
// second process that finds a live owner stops with a message that says what to do instead.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";

export const LOCK_FILE = "playground.lock";

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another process (pid ${ownerPid}). An embedded database belongs to one process: stop the other one, give this one its own PLAYGROUND_DATA_DIR, or run every instance on PostgreSQL with DATABASE_URL.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the directory for this process (creating it); returns the release function. A lock left
 * by a process that is gone is taken over; this process's own lock is taken again.
 */
export function lockDataDir(dataDir: string, pid: number = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(pid));
      closeSync(fd);
      const release = () => rmSync(path, { force: true });
      // A process that ends without closing still leaves no lock (one that crashes leaves a
      // stale one, taken over by the next owner since its pid is gone).
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    if (owner === pid) return () => rmSync(path, { force: true });
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new DataDirInUseError(dataDir, owner);
    }
    rmSync(path, { force: true });
  }
  throw new Error(`Could not take the lock file ${path}.`);
}
