// Every POST route, found on disk, reads its body through the one bounded reader: 300 MB sent
// chunked (no content-length, generated only as fast as it is read) is refused with 413 after at
// most its route's limit has been read, and the process's memory stays flat.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { processDatabase } from "@/lib/server/db/connect";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const API_DIR = join(process.cwd(), "app/api");
const SENT_BYTES = 300 * 1024 * 1024;
const CHUNK = new Uint8Array(256 * 1024).fill(0x61);
/** The largest limit of any route: the emulator's Messages request, the API's own 32 MiB. */
const LARGEST_LIMIT = 32 * 1024 * 1024;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return entry === "route.ts" ? [path] : [];
  });
}

/** Each POST route with the params it is called with (each demo OAuth endpoint on its own). */
const CALLS: { route: string; params: Record<string, string>; contentType: string }[] = routeFiles(
  API_DIR,
)
  .filter((file) =>
    /export (const|async function|function) POST\b|as POST\b/.test(readFileSync(file, "utf8")),
  )
  .map((file) => relative(API_DIR, file).replace(/\/route\.ts$/, ""))
  .flatMap((route) => {
    if (route === "demo-oauth/[endpoint]")
      return ["token", "register", "revoke", "approve"].map((endpoint) => ({
        route,
        params: { endpoint },
        contentType:
          endpoint === "register" ? "application/json" : "application/x-www-form-urlencoded",
      }));
    const params: Record<string, string> = route.includes("[server]")
      ? { server: "calendar" }
      : route.includes("[action]")
        ? { action: "begin" }
        : route.includes("[id]")
          ? { id: "msgbatch_1" }
          : {};
    return [{ route, params, contentType: "application/json" }];
  });

/** 300 MB, made only as it is pulled; `pulled` says how much the handler read. */
function hugeBody() {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= SENT_BYTES) return controller.close();
      state.pulled += CHUNK.byteLength;
      controller.enqueue(CHUNK);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

// The database (PGlite, several hundred MB of WebAssembly) opens before memory is measured: what
// is measured is what a body costs.
beforeAll(async () => {
  await processDatabase();
}, 60_000);

describe("every POST route's body is bounded", () => {
  // With an access token configured, /api/access reads what it is sent.
  beforeAll(() => vi.stubEnv("PLAYGROUND_ACCESS_TOKEN", "test-only-access-token"));
  afterAll(() => vi.unstubAllEnvs());

  it("finds the POST routes", () => {
    expect(CALLS.map((call) => call.route)).toEqual(
      expect.arrayContaining(["messages", "mcp/tools", "demo-mcp/[server]", "access"]),
    );
  });

  it.each(CALLS.map((call) => [`${call.route} ${JSON.stringify(call.params)}`, call] as const))(
    "%s: refuses 300 MB with 413 having read no more than its limit, or never reads it",
    async (_label, call) => {
      const routeModule = (await import(
        /* @vite-ignore */ join(API_DIR, call.route, "route.ts")
      )) as {
        POST?: Handler;
      };
      expect(routeModule.POST).toBeTypeOf("function");
      const body = hugeBody();
      const request = new Request(`http://localhost:3000/api/${call.route}`, {
        method: "POST",
        headers: {
          host: "localhost:3000",
          "content-type": call.contentType,
          "x-api-key": "test-only-key",
        },
        body: body.stream,
        duplex: "half",
      } as RequestInit);
      const before = process.memoryUsage().rss;
      const response = await routeModule.POST!(request, { params: Promise.resolve(call.params) });
      const grownMb = (process.memoryUsage().rss - before) / (1024 * 1024);
      // Routes that take no body (cancel, or one refused first) never read it — the stream itself
      // fetches a chunk or two ahead; every other one stops at its limit.
      expect(body.state.pulled).toBeLessThanOrEqual(LARGEST_LIMIT + CHUNK.byteLength);
      if (body.state.pulled > 2 * CHUNK.byteLength) {
        expect(response.status).toBe(413);
        expect(body.state.cancelled).toBe(true);
      }
      expect(grownMb).toBeLessThan(200);
      await response.body?.cancel();
    },
    60_000,
  );
});
