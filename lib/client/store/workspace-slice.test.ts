import { describe, expect, it } from "vitest";
import { memoryStorage } from "@/test/support/memory-storage";
import { OPEN_REQUEST_KEY, readOpenRequest } from "./workspace-slice";

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
