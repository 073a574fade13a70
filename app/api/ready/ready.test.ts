import { afterEach, describe, expect, it, vi } from "vitest";
import { closeProcessDatabase } from "@/lib/server/db/connect";
import { GET } from "./route";

afterEach(async () => {
  vi.unstubAllEnvs();
  await closeProcessDatabase();
});

describe("GET /api/ready", () => {
  it("is 200 once the database is open, naming only its kind", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", database: "pglite" });
  }, 60_000);

  it("is 503 while the database cannot be opened, and says nothing of where it is", async () => {
    await closeProcessDatabase();
    vi.stubEnv("DATABASE_URL", "postgres://user:pw-SECRET@127.0.0.1:9/db");
    const response = await GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toContain("127.0.0.1");
    expect(text).not.toContain("pw-SECRET");
  });
});
