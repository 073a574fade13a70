// The demo authorization server's tokens across instances: signed with a key derived from the
// storage key (so another instance, or this one after a restart, verifies them), with revocations
// and spent codes in the database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeProcessDatabase } from "@/lib/server/db/connect";
import { revokeToken, signToken, spendCode, verifyToken } from "./signed-tokens";

const KEY_SLOT = Symbol.for("mcp-playground.demo-oauth-key");
/** What a new process starts with: no signing key derived yet. */
function asAnotherInstance() {
  delete (globalThis as unknown as Record<symbol, unknown>)[KEY_SLOT];
}

const dataDir = mkdtempSync(join(tmpdir(), "demo-oauth-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

afterEach(() => {
  vi.unstubAllEnvs();
  asAnotherInstance();
});

describe("demo OAuth tokens", () => {
  it("verify on another instance with the same storage key, and not with another", async () => {
    vi.stubEnv("PLAYGROUND_STORAGE_KEY", "s".repeat(40));
    asAnotherInstance();
    const now = Date.now();
    const token = signToken("access", { aud: "x", scope: "notes:read" }, 60, now);
    asAnotherInstance();
    expect(await verifyToken("access", token, now)).toMatchObject({ ok: true });
    vi.stubEnv("PLAYGROUND_STORAGE_KEY", "t".repeat(40));
    asAnotherInstance();
    expect(await verifyToken("access", token, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("are revoked, family and all, for every instance; a code is spent once", async () => {
    vi.stubEnv("PLAYGROUND_STORAGE_KEY", "s".repeat(40));
    vi.stubEnv("PLAYGROUND_DATA_DIR", dataDir);
    await closeProcessDatabase();
    asAnotherInstance();
    const now = Date.now();
    const refresh = signToken("refresh", { family: "fam-1" }, 3600, now);
    const access = signToken("access", { family: "fam-1" }, 60, now);
    const verified = await verifyToken("refresh", refresh, now);
    if (!verified.ok) throw new Error("not verified");
    await revokeToken(verified.claims, now);
    // The database is the memory: after a restart the revocation holds.
    await closeProcessDatabase();
    asAnotherInstance();
    expect(await verifyToken("refresh", refresh, now)).toEqual({ ok: false, reason: "revoked" });
    expect(await verifyToken("access", access, now)).toEqual({ ok: false, reason: "revoked" });

    const code = signToken("code", {}, 60, now);
    const claims = await verifyToken("code", code, now);
    if (!claims.ok) throw new Error("not verified");
    expect(await spendCode(claims.claims, now)).toBe(true);
    expect(await spendCode(claims.claims, now)).toBe(false);
    expect(await verifyToken("code", code, now + 61_000)).toEqual({ ok: false, reason: "expired" });
    await closeProcessDatabase();
  });
});
