import "server-only";
// Sealing what must be stored for a while but holds secrets (a batch request's params carry MCP
// authorization tokens until it has run): AES-256-GCM under a storage key the database never holds.
// The key: PLAYGROUND_STORAGE_KEY (the same on every instance, so any can finish another's work);
// else, for the embedded database, a key file beside its data; else one made for this process.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const STORAGE_KEY_FILE = "storage.key";

export interface Sealer {
  /** A short id of the key (not the key): a sealed value says which key it needs. */
  keyId: string;
  /** Whether another instance (or this one after a restart) can open what this one seals. */
  shared: boolean;
  seal(plain: string): string;
  /** null when the value was sealed under another key or was altered. */
  open(sealed: string): string | null;
}

export function createSealer(key: Buffer, shared: boolean): Sealer {
  const keyId = createHash("sha256").update(key).digest("base64url").slice(0, 8);
  return {
    keyId,
    shared,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [
        "v1",
        keyId,
        iv.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
        body.toString("base64url"),
      ].join(".");
    },
    open(sealed) {
      const [version, id, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || id !== keyId || !iv || !tag || body === undefined) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([
          decipher.update(Buffer.from(body, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}

let warned = false;

/** The sealer for a database: the configured key, the data directory's key file, or a process key. */
export function sealerFor(
  where: { dataDir?: string },
  env: Record<string, string | undefined> = process.env,
): Sealer {
  const { key, shared } = storageKey(where, env);
  return createSealer(key, shared);
}

/**
 * The storage key, 32 bytes: PLAYGROUND_STORAGE_KEY's digest, else the data directory's key file,
 * else random for this process (`shared: false`). Other keys are derived from it by purpose.
 */
export function storageKey(
  where: { dataDir?: string },
  env: Record<string, string | undefined> = process.env,
): { key: Buffer; shared: boolean } {
  const configured = env.PLAYGROUND_STORAGE_KEY?.trim();
  if (configured) {
    if (configured.length < 32) {
      throw new Error(
        "PLAYGROUND_STORAGE_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`).",
      );
    }
    return { key: createHash("sha256").update(configured).digest(), shared: true };
  }
  if (where.dataDir) {
    const path = join(where.dataDir, STORAGE_KEY_FILE);
    if (!existsSync(path)) {
      mkdirSync(where.dataDir, { recursive: true });
      writeFileSync(path, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    }
    return {
      key: createHash("sha256").update(readFileSync(path, "utf8").trim()).digest(),
      shared: true,
    };
  }
  if (!warned && env.DATABASE_URL) {
    warned = true;
    console.warn(
      "PLAYGROUND_STORAGE_KEY is not set: an emulated batch left unfinished by this instance cannot be finished by another, nor a message thread it holds continued there, nor a demo OAuth token it issued verified there. Set the same key on every instance.",
    );
  }
  return { key: randomBytes(32), shared: false };
}
