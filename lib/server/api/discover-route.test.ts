import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/mcp/tools/route";
import { ConnectionSlots } from "@/lib/server/mcp/client";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveHandler } from "@/test/support/serve-handler";
import { serveProtocolEraServer } from "@/test/support/protocol-era-server";
import { handleDiscoverRequest } from "./discover-route";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  demo = await serveDemoServers();
});
afterAll(() => demo.close());

const post = (body: unknown) =>
  new Request("http://localhost/api/mcp/tools", {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /api/mcp/tools", () => {
  it("returns the tools, server and transport, and never echoes the token", async () => {
    const response = await POST(
      post({ url: demo.url("tasks"), authorization_token: DEMO_TASKS_TOKEN }),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(DEMO_TASKS_TOKEN);
    const body = JSON.parse(text) as {
      tools: { name: string }[];
      transport: string;
      server: { name: string };
    };
    expect(body.tools.map((tool) => tool.name)).toEqual([
      "list_tasks",
      "complete_task",
      "sync_tasks",
    ]);
    expect(body.transport).toBe("streamable-http");
    expect(body.server.name).toBe("demo-tasks");
  });

  it("says a token is needed when none was given, and that it was refused only when one was", async () => {
    const response = await POST(post({ url: demo.url("tasks") }));
    expect(response.status).toBe(401);
    const none = (await response.json()) as { error: { kind: string; message: string } };
    expect(none.error.kind).toBe("unauthorized");
    expect(none.error.message).toContain("no token was given");
    expect(none.error.message).not.toMatch(/refused|expired|revoked/);
    const wrong = await POST(post({ url: demo.url("tasks"), authorization_token: "not-it" }));
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
      "refused the token (expired or revoked)",
    );
  });

  it("refuses the cloud metadata address always, and private ranges when so configured", async () => {
    const metadata = await handleDiscoverRequest(
      post({ url: "http://169.254.169.254/latest/meta-data/" }),
      { allowPrivate: true },
    );
    expect(metadata.status).toBe(403);
    expect(await metadata.json()).toMatchObject({
      error: { kind: "refused", message: expect.stringContaining("metadata") as unknown },
    });
    const privateRefused = await handleDiscoverRequest(post({ url: demo.url("calendar") }), {
      allowPrivate: false,
    });
    expect(privateRefused.status).toBe(403);
    expect(await privateRefused.json()).toMatchObject({
      error: { message: expect.stringContaining("loopback") as unknown },
    });
  });

  it("says a server that answers HTTP 500 failed (check its logs), not that the path is wrong", async () => {
    const failing = await serveHandler(() => new Response("boom", { status: 500 }));
    try {
      const response = await handleDiscoverRequest(post({ url: `${failing.origin}/mcp` }), {
        allowPrivate: true,
      });
      const message = ((await response.json()) as { error: { message: string } }).error.message;
      expect(message).toMatch(/^The server failed \(HTTP 500\): check its logs\./);
      expect(message).not.toMatch(/does not look like an MCP/);
    } finally {
      await failing.close();
    }
  });

  it("keeps a protocol log of what it exchanged, secrets masked, on success and on failure", async () => {
    const ok = (await (
      await handleDiscoverRequest(
        post({ url: demo.url("tasks"), authorization_token: DEMO_TASKS_TOKEN }),
        { allowPrivate: true },
      )
    ).json()) as {
      log: {
        method: string;
        rpc: string[];
        status: number;
        requestHeaders: Record<string, string>;
      }[];
    };
    const methods = ok.log.flatMap((entry) => entry.rpc);
    expect(methods).toEqual(expect.arrayContaining(["initialize", "tools/list"]));
    expect(ok.log.find((entry) => entry.rpc.includes("tools/list"))?.status).toBe(200);
    expect(ok.log[0]?.requestHeaders.authorization).toMatch(/^Bearer ••••\(\d+ characters\)$/);
    expect(JSON.stringify(ok.log)).not.toContain(DEMO_TASKS_TOKEN);
    const refused = (await (
      await handleDiscoverRequest(
        post({ url: demo.url("tasks"), authorization_token: "tok-wrong-1" }),
        {
          allowPrivate: true,
        },
      )
    ).json()) as { error: { log: { status: number }[] } };
    expect(refused.error.log[0]?.status).toBe(401);
    expect(JSON.stringify(refused)).not.toContain("tok-wrong-1");
  });

  it("names a protocol revision the server refuses, and does not then try SSE", async () => {
    const future = await serveProtocolEraServer(["2026-07-28"]);
    const methods: string[] = [];
    try {
      const response = await handleDiscoverRequest(post({ url: future.url }), {
        allowPrivate: true,
        fetch: (input, init) => {
          methods.push(init?.method ?? "GET");
          return fetch(input, init);
        },
      });
      const message = ((await response.json()) as { error: { message: string } }).error.message;
      expect(message).toBe(
        "The server speaks only protocol 2026-07-28; this app offered 2025-11-25.",
      );
      // The SSE fallback would open a GET event stream: a server that answered over
      // Streamable HTTP is not asked again over SSE.
      expect(methods.filter((method) => method === "GET")).toEqual([]);
    } finally {
      await future.close();
    }
  });

  it("answers bad input with a clear 400", async () => {
    const bad = await POST(
      new Request("http://localhost/api/mcp/tools", {
        method: "POST",
        headers: { host: "localhost:3000", "content-type": "application/json" },
        body: "{",
      }),
    );
    expect(bad.status).toBe(400);
    const noUrl = await POST(post({ url: "not a url" }));
    expect(await noUrl.json()).toMatchObject({
      error: { kind: "bad_request", message: "'not a url' is not a valid URL." },
    });
  });
});

describe("one client's share of the connection pool", () => {
  const SECRET = "test-peer-secret";
  let hanging: Server;
  let hangingUrl: string;
  beforeAll(async () => {
    // An attacker's own server: it takes the connection and never answers.
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/mcp`;
    vi.stubEnv("PLAYGROUND_PEER_SECRET", SECRET);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    hanging.closeAllConnections();
    hanging.close();
  });

  const from = (address: string, body: unknown) =>
    new Request("http://localhost/api/mcp/tools", {
      method: "POST",
      headers: {
        host: "localhost:3000",
        "content-type": "application/json",
        "x-playground-peer": `${SECRET} ${address}`,
      },
      body: JSON.stringify(body),
    });

  it("leaves room for others while one client holds hanging discoveries, and says when to retry", async () => {
    const slots = new ConnectionSlots(4, 2);
    const env = { allowPrivate: true, slots };
    const held = [0, 1].map(() =>
      handleDiscoverRequest(from("198.51.100.66", { url: hangingUrl, timeout_ms: 3_000 }), env),
    );
    await vi.waitFor(() => expect(slots.heldBy("198.51.100.66")).toBe(2));
    const third = await handleDiscoverRequest(
      from("198.51.100.66", { url: hangingUrl, timeout_ms: 3_000 }),
      env,
    );
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await third.json()).toMatchObject({
      error: { type: "rate_limit_error", kind: "busy" },
    });
    // Another client discovers at once, and the app's own demo servers take no slot at all.
    const other = await handleDiscoverRequest(
      from("198.51.100.77", { url: demo.url("calendar") }),
      env,
    );
    expect(other.status).toBe(200);
    const timedOut = await Promise.all(held);
    expect(timedOut.map((response) => response.status)).toEqual([504, 504]);
    expect(slots.inUse).toBe(0);
  });
});
