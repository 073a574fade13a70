import { describe, expect, it } from "vitest";
import { memoryStorage } from "@/test/support/memory-storage";
import { readActiveEnvironment } from "./environment-storage";
import { ENVIRONMENT_KEY, OPEN_REQUEST_KEY, readOpenRequest } from "./workspace-slice";

const open = {
  id: "r1",
  collectionId: "c1",
  name: "Morning check",
  fingerprint: "0123456789abcdef",
};

describe("the open request kept in this browser", () => {
  it("is read back as it was written", () => {
    expect(readOpenRequest(memoryStorage({ [OPEN_REQUEST_KEY]: JSON.stringify(open) }))).toEqual(
      open,
    );
  });

  it("is refused when damaged, tampered or oversized, and never throws", () => {
    for (const stored of [
      "not json",
      "[]",
      JSON.stringify({ ...open, extra: "<script>" }),
      JSON.stringify({ ...open, name: 7 }),
      JSON.stringify({ ...open, name: "x".repeat(201) }),
      JSON.stringify({ ...open, id: "" }),
    ]) {
      expect(readOpenRequest(memoryStorage({ [OPEN_REQUEST_KEY]: stored }))).toBeNull();
    }
    expect(readOpenRequest(memoryStorage())).toBeNull();
  });
});

describe("the active environment kept in this browser", () => {
  const active = {
    collectionId: "c1",
    collectionName: "Team",
    variables: [{ name: "BASE", value: "https://x.example", secret: false }],
    environment: { name: "staging", variables: [{ name: "KEY", value: "", secret: true }] },
    environments: [{ name: "staging", variables: [{ name: "KEY", value: "", secret: true }] }],
  };
  const read = (stored: string) =>
    readActiveEnvironment(memoryStorage({ [ENVIRONMENT_KEY]: stored }));

  it("is read back as written, and a secret value written into storage is blanked", () => {
    expect(read(JSON.stringify(active))).toEqual(active);
    const planted = {
      ...active,
      environment: { name: "staging", variables: [{ name: "KEY", value: "leaked", secret: true }] },
    };
    expect(JSON.stringify(read(JSON.stringify(planted)))).not.toContain("leaked");
  });

  it("is refused when damaged or tampered, and never throws", () => {
    for (const stored of [
      "{",
      "null",
      JSON.stringify({ ...active, variables: [{ name: "1BAD", value: "", secret: false }] }),
      JSON.stringify({ ...active, variables: [{ name: "A", value: 3, secret: false }] }),
      JSON.stringify({ ...active, environment: { name: "", variables: [] } }),
      JSON.stringify({ ...active, environments: "all" }),
      JSON.stringify({ ...active, collectionName: "x".repeat(201) }),
    ]) {
      expect(read(stored)).toBeNull();
    }
  });
});
