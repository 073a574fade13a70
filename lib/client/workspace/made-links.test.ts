import { describe, expect, it } from "vitest";
import { memoryStorage } from "@/test/support/memory-storage";
import { markMadeLinkRevoked, MADE_LINKS_KEY, readMadeLinks, rememberMadeLink } from "./made-links";

const link = (id: string) => ({
  id,
  path: `/s/${id}`,
  revokeKey: "k".repeat(32),
  createdAt: "2026-12-07T00:00:00.000Z",
  expiresAt: "2027-01-06T00:00:00.000Z",
  summary: "claude · calendar",
});

describe("the short links this browser made", () => {
  it("are kept newest first, marked when revoked", () => {
    const storage = memoryStorage();
    rememberMadeLink(storage, link("A".repeat(24)));
    rememberMadeLink(storage, link("B".repeat(24)));
    expect(readMadeLinks(storage).map((entry) => entry.id[0])).toEqual(["B", "A"]);
    const after = markMadeLinkRevoked(storage, "A".repeat(24), "2026-12-08T00:00:00.000Z");
    expect(after[1]!.revokedAt).toBe("2026-12-08T00:00:00.000Z");
  });

  it("drop whatever in storage is damaged or tampered, and never throw", () => {
    for (const stored of [
      "not json",
      "{}",
      "null",
      JSON.stringify([{ ...link("x"), path: "javascript:alert(1)" }]),
    ]) {
      expect(readMadeLinks(memoryStorage({ [MADE_LINKS_KEY]: stored }))).toEqual([]);
    }
    const mixed = JSON.stringify([link("C".repeat(24)), { ...link("D".repeat(24)), extra: 1 }, 42]);
    expect(
      readMadeLinks(memoryStorage({ [MADE_LINKS_KEY]: mixed })).map((entry) => entry.id),
    ).toEqual(["C".repeat(24)]);
  });
});
