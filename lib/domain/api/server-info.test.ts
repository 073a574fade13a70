import { describe, expect, it } from "vitest";
import { parseServerInfo } from "./server-info";

describe("server info", () => {
  const info = {
    serverHasKey: true,
    customBaseUrl: false,
    serverKeyUsable: true,
    accessConfigured: false,
    accessGranted: true,
  };

  it("reads what /api/target sends", () => {
    expect(parseServerInfo(info)).toEqual(info);
  });

  it("refuses anything else", () => {
    expect(parseServerInfo({ ...info, serverHasKey: "yes" })).toBeNull();
    expect(parseServerInfo({ serverHasKey: true })).toBeNull();
    expect(parseServerInfo("<html>")).toBeNull();
    expect(parseServerInfo(null)).toBeNull();
  });
});
