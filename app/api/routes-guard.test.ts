// Every /api route, found on disk (so a new route cannot be forgotten), refuses a foreign Host, a
// cross-site browser request and — where it reads JSON — a non-JSON body, before its handler runs.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { errorBodySchema } from "@/lib/domain/api/error-shape";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const API_DIR = join(process.cwd(), "app/api");
/** Not behind the guard, on purpose: load balancers probe them by an internal address. */
const UNGUARDED = new Set(["health", "ready"]);
const JSON_ROUTES = new Set([
  "mcp/call",
  "mcp/doctor",
  "oauth/[action]",
  "messages",
  "messages/count_tokens",
  "mcp/tools",
  "emulator/v1/messages",
  "emulator/v1/messages/count_tokens",
  "access",
  "demo-mcp/[server]",
  "links",
  "collections",
  "requests",
]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return entry === "route.ts" ? [path] : [];
  });
}

const routes = routeFiles(API_DIR).map((file) =>
  relative(API_DIR, file).replace(/\/route\.ts$/, ""),
);
const context = { params: Promise.resolve({ server: "calendar" }) };

async function methodsOf(route: string): Promise<[string, Handler][]> {
  const routeModule = (await import(/* @vite-ignore */ join(API_DIR, route, "route.ts"))) as Record<
    string,
    unknown
  >;
  return ["GET", "POST", "PATCH", "DELETE"].flatMap((method) =>
    typeof routeModule[method] === "function" ? [[method, routeModule[method] as Handler]] : [],
  );
}

function call(handler: Handler, method: string, route: string, headers: Record<string, string>) {
  const request = new Request(`http://localhost:3000/api/${route}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: method === "POST" || method === "PATCH" ? "{}" : undefined,
  });
  return handler(request, context);
}

describe("every /api route", () => {
  it("is found", () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        "messages",
        "mcp/tools",
        "emulator/v1/messages",
        "demo-mcp/[server]",
        "target",
      ]),
    );
  });

  it.each(routes.filter((route) => !UNGUARDED.has(route)))(
    "/api/%s refuses a foreign Host (DNS rebinding) with 421",
    async (route) => {
      for (const [method, handler] of await methodsOf(route)) {
        const response = await call(handler, method, route, { host: "evil.example.com" });
        expect({ method, status: response.status }).toEqual({ method, status: 421 });
        expect(await response.text()).toContain("PLAYGROUND_ALLOWED_HOSTS");
      }
    },
  );

  it.each(routes.filter((route) => !UNGUARDED.has(route)))(
    "/api/%s refuses another site's page with 403",
    async (route) => {
      for (const [method, handler] of await methodsOf(route)) {
        for (const hostile of [
          { origin: "http://evil.example.com" } as Record<string, string>,
          { origin: "http://localhost:8080" },
          { "sec-fetch-site": "cross-site" },
        ]) {
          const response = await call(handler, method, route, {
            host: "localhost:3000",
            ...hostile,
          });
          expect({ method, hostile, status: response.status }).toEqual({
            method,
            hostile,
            status: 403,
          });
        }
      }
    },
  );

  it.each([...JSON_ROUTES])("/api/%s refuses a text/plain POST with 415", async (route) => {
    const handler = (await methodsOf(route)).find(([method]) => method === "POST")?.[1];
    expect(handler).toBeDefined();
    const response = await call(handler!, "POST", route, {
      host: "localhost:3000",
      "content-type": "text/plain",
    });
    expect(response.status).toBe(415);
  });

  it.each(["requests/[id]", "collections/[id]"])(
    "/api/%s refuses a text/plain PATCH with 415",
    async (route) => {
      const handler = (await methodsOf(route)).find(([method]) => method === "PATCH")?.[1];
      expect(handler).toBeDefined();
      const response = await call(handler!, "PATCH", route, {
        host: "localhost:3000",
        "content-type": "text/plain",
      });
      expect(response.status).toBe(415);
    },
  );

  it("lets a request without an Origin (curl, SDKs, snippets) reach the handler", async () => {
    const [, discover] = (await methodsOf("mcp/tools")).find(([method]) => method === "POST")!;
    const response = await call(discover, "POST", "mcp/tools", { host: "localhost:3000" });
    // The handler's own answer about the body, not the guard's.
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { kind: "bad_request" } });
  });
});

/** The one error shape, whole: `{type:"error", error:{type, message, …}, request_id}`. */
async function expectOneErrorShape(response: Response, label: string) {
  const body: unknown = await response.json();
  const parsed = errorBodySchema.safeParse(body);
  expect({ label, ok: parsed.success, body }).toMatchObject({ label, ok: true });
  expect(body).toHaveProperty("request_id");
}

/** Our own routes (the demo MCP and OAuth servers answer JSON-RPC and RFC 6749 errors by design). */
const OWN_ROUTES = [
  "messages",
  "messages/count_tokens",
  "mcp/tools",
  "mcp/call",
  "mcp/doctor",
  "oauth/[action]",
  "access",
  "emulator/v1/messages",
  "emulator/v1/messages/batches",
  "emulator/v1/messages/count_tokens",
  "links",
  "collections",
  "requests",
];

describe("every route's errors", () => {
  it.each(routes.filter((route) => !UNGUARDED.has(route)))(
    "/api/%s refuses in the one error shape",
    async (route) => {
      for (const [method, handler] of await methodsOf(route)) {
        const foreign = await call(handler, method, route, { host: "evil.example.com" });
        await expectOneErrorShape(foreign, `${method} ${route} foreign host`);
        const crossSite = await call(handler, method, route, {
          host: "localhost:3000",
          "sec-fetch-site": "cross-site",
        });
        await expectOneErrorShape(crossSite, `${method} ${route} cross-site`);
      }
    },
  );

  it.each(OWN_ROUTES)("/api/%s answers a malformed body in the one error shape", async (route) => {
    const handler = (await methodsOf(route)).find(([method]) => method === "POST")?.[1];
    expect(handler).toBeDefined();
    const request = new Request(`http://localhost:3000/api/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost:3000" },
      body: "{not json",
    });
    const response = await handler!(request, { params: Promise.resolve({ action: "begin" }) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    await expectOneErrorShape(response, route);
  });
});

describe("the rate limit", () => {
  const SECRET = "test-peer-secret";
  /** As the production entry (scripts/serve.mjs) writes it: the socket's address, under its secret. */
  const fromSocket = (address: string) => ({ "x-playground-peer": `${SECRET} ${address}` });

  async function discoverRoute() {
    return (await methodsOf("mcp/tools")).find(([method]) => method === "POST")![1];
  }

  it("answers 429 with retry-after once a client passes PLAYGROUND_RATE_LIMIT, per socket address", async () => {
    vi.stubEnv("PLAYGROUND_RATE_LIMIT", "3");
    vi.stubEnv("PLAYGROUND_PEER_SECRET", SECRET);
    vi.resetModules();
    try {
      const discover = await discoverRoute();
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let index = 0; index < 4; index += 1) {
        last = await call(discover, "POST", "mcp/tools", {
          host: "localhost:3000",
          ...fromSocket("198.51.100.4"),
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await last!.text()).toContain("PLAYGROUND_RATE_LIMIT");
      // Another client is not held back by this one.
      const other = await call(discover, "POST", "mcp/tools", {
        host: "localhost:3000",
        ...fromSocket("198.51.100.5"),
      });
      expect(other.status).toBe(400);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("is not widened by writing X-Forwarded-For, or a socket header without the secret", async () => {
    vi.stubEnv("PLAYGROUND_RATE_LIMIT", "3");
    vi.stubEnv("PLAYGROUND_PEER_SECRET", SECRET);
    vi.resetModules();
    try {
      const discover = await discoverRoute();
      const statuses: number[] = [];
      for (let index = 0; index < 6; index += 1) {
        const response = await call(discover, "POST", "mcp/tools", {
          host: "localhost:3000",
          ...fromSocket("198.51.100.9"),
          // A new address every time, as an attacker rotating the header would send.
          "x-forwarded-for": `203.0.113.${index}`,
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([400, 400, 400, 429, 429, 429]);
      const forged = [];
      for (let index = 0; index < 4; index += 1) {
        const response = await call(discover, "POST", "mcp/tools", {
          host: "localhost:3000",
          "x-playground-peer": `guessed-secret 192.0.2.${index}`,
        });
        forged.push(response.status);
      }
      // All forged ones are one client ("unknown"), refused past the limit like any other.
      expect(forged).toEqual([400, 400, 400, 429]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
