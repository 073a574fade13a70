import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAddressRefusal } from "@/lib/domain/net/address-policy";
import { createGuardedAgent, type Resolver } from "./guarded-agent";
import { createGuardedFetch, ResponseTooLargeError } from "./guarded-fetch";

/** A loopback server that records what reaches it and answers by path. */
let server: Server;
let port: number;
const seen: { path: string; host: string; headers: IncomingMessage["headers"] }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", host: req.headers.host ?? "", headers: req.headers });
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to");
    if (url.pathname === "/redirect" && to) {
      res.writeHead(Number(url.searchParams.get("status") ?? 302), { location: to });
      return res.end("x".repeat(100_000));
    }
    if (url.pathname === "/big") return res.end("y".repeat(5000));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ path: url.pathname, method: req.method }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const names =
  (table: Record<string, string[]>): Resolver =>
  (hostname) =>
    table[hostname] ? Promise.resolve(table[hostname]) : Promise.reject(new Error("ENOTFOUND"));

function guarded(
  allowPrivate: boolean,
  resolve: Resolver,
  extra: { maxResponseBytes?: number } = {},
) {
  const dispatcher = createGuardedAgent({
    policy: { allowPrivate },
    resolve,
    dnsTimeoutMs: 300,
    connectTimeoutMs: 500,
  });
  return createGuardedFetch({ policy: { allowPrivate }, dispatcher, ...extra });
}

describe("guarded fetch: checked address = connected address", () => {
  it("connects to a name only through the addresses it checked, resolving once", async () => {
    // A rebinding name: public when first asked, loopback afterwards. A guard that looked the
    // name up to check it and let fetch look it up again would reach the loopback server.
    let lookups = 0;
    const rebinding: Resolver = () => {
      lookups += 1;
      return Promise.resolve([lookups === 1 ? "93.184.216.34" : "127.0.0.1"]);
    };
    const before = seen.length;
    const fetchIt = guarded(false, rebinding);
    // The public address is unreachable from here: the one connection attempt fails there (it is
    // not refused as loopback: the second answer was never asked for).
    const error: unknown = await fetchIt(`http://rebind.test:${port}/secret`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(findAddressRefusal(error)).toBeNull();
    expect(lookups).toBe(1);
    expect(seen.length).toBe(before);
  });

  it("reaches a name that resolves to an allowed address, with the name as Host", async () => {
    const fetchIt = guarded(true, names({ "mcp.test": ["127.0.0.1"] }));
    const response = await fetchIt(`http://mcp.test:${port}/ok`);
    expect(await response.json()).toEqual({ path: "/ok", method: "GET" });
    expect(seen.at(-1)?.host).toBe(`mcp.test:${port}`);
  });

  it("refuses a name when any of its addresses is refused, and names that do not resolve", async () => {
    const fetchIt = guarded(false, names({ "mixed.test": ["93.184.216.34", "10.0.0.7"] }));
    // Refused, a name's address is not quoted (it would map internal DNS for a remote user).
    const refused = fetchIt(`http://mixed.test:${port}/`);
    await expect(refused).rejects.toThrow(
      "mixed.test resolves to an address on a private network: refused by this playground's address policy",
    );
    await expect(fetchIt(`http://mixed.test:${port}/`)).rejects.not.toThrow(/10\.0\.0\.7/);
    await expect(fetchIt(`http://nowhere.test:${port}/`)).rejects.toThrow(/could not be resolved/);
    const metadata = guarded(true, names({ "evil.test": ["::ffff:169.254.169.254"] }));
    await expect(metadata(`http://evil.test:${port}/`)).rejects.toThrow(/metadata/);
  });

  it("gives up on a lookup that hangs, and a cancel does not wait for it", async () => {
    const hanging: Resolver = () => new Promise(() => undefined);
    const fetchIt = guarded(true, hanging);
    await expect(fetchIt(`http://slow.test:${port}/`)).rejects.toThrow(/took over 300 ms/);
    const controller = new AbortController();
    const started = Date.now();
    const pending = fetchIt(`http://slow.test:${port}/`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(250);
  });

  it("refuses IP literals in the connection layer itself, whoever calls it", async () => {
    const agent = createGuardedAgent({ policy: { allowPrivate: false } });
    const error = await undiciFetch(`http://127.0.0.1:${port}/`, { dispatcher: agent }).catch(
      (caught: unknown) => caught,
    );
    expect(findAddressRefusal(error)?.message).toMatch(/loopback/);
    await agent.close();
  });
});

describe("guarded fetch: redirects", () => {
  const resolve = names({ "a.test": ["127.0.0.1"], "b.test": ["127.0.0.1"] });
  const origin = () => `http://a.test:${port}`;
  const withToken = {
    headers: { authorization: "Bearer secret-token", "mcp-session-id": "s1", "x-other": "kept" },
  };

  it("keeps credentials on a same-origin redirect and drops them when the origin changes", async () => {
    const fetchIt = guarded(true, resolve);
    await fetchIt(`${origin()}/redirect?to=/same`, withToken);
    expect(seen.at(-1)).toMatchObject({
      path: "/same",
      headers: { authorization: "Bearer secret-token", "mcp-session-id": "s1" },
    });
    await fetchIt(
      `${origin()}/redirect?to=${encodeURIComponent(`http://b.test:${port}/other`)}`,
      withToken,
    );
    const last = seen.at(-1)!;
    expect(last.path).toBe("/other");
    expect(last.headers.authorization).toBeUndefined();
    expect(last.headers["mcp-session-id"]).toBeUndefined();
    expect(last.headers["x-other"]).toBe("kept");
  });

  it("checks every hop", async () => {
    const fetchIt = guarded(true, resolve);
    await expect(
      fetchIt(`${origin()}/redirect?to=${encodeURIComponent("http://169.254.169.254/")}`),
    ).rejects.toThrow(/metadata/);
    const before = seen.length;
    const strict = createGuardedFetch({
      policy: { allowPrivate: false },
      dispatcher: createGuardedAgent({ policy: { allowPrivate: false }, resolve }),
      inProcess: {
        origin: "https://pub.test",
        handle: () =>
          Promise.resolve(
            new Response(null, {
              status: 307,
              headers: { location: `http://a.test:${port}/internal` },
            }),
          ),
      },
    });
    await expect(strict("https://pub.test/mcp")).rejects.toThrow(/a\.test.*loopback/);
    expect(seen.length).toBe(before);
  });

  it("honours redirect: manual and error, and turns a 303 into a GET", async () => {
    const fetchIt = guarded(true, resolve);
    const manual = await fetchIt(`${origin()}/redirect?to=/x`, { redirect: "manual" });
    expect(manual.status).toBe(302);
    expect(manual.headers.get("location")).toBe("/x");
    await expect(fetchIt(`${origin()}/redirect?to=/x`, { redirect: "error" })).rejects.toThrow(
      /refused/,
    );
    const seeOther = await fetchIt(`${origin()}/redirect?status=303&to=/after`, {
      method: "POST",
      body: "{}",
    });
    expect(await seeOther.json()).toEqual({ path: "/after", method: "GET" });
    const temporary = await fetchIt(`${origin()}/redirect?status=307&to=/kept`, {
      method: "POST",
      body: "{}",
    });
    expect(await temporary.json()).toEqual({ path: "/kept", method: "POST" });
  });

  it("never follows https to http with a token, and releases each redirect body", async () => {
    let cancelled = false;
    const fetchIt = createGuardedFetch({
      policy: { allowPrivate: true },
      dispatcher: createGuardedAgent({ policy: { allowPrivate: true }, resolve }),
      inProcess: {
        origin: "https://secure.test",
        handle: () =>
          Promise.resolve(
            new Response(
              new ReadableStream({
                pull: (controller) => controller.enqueue(new Uint8Array(1024)),
                cancel: () => {
                  cancelled = true;
                },
              }),
              { status: 302, headers: { location: `${origin()}/plain` } },
            ),
          ),
      },
    });
    await expect(fetchIt("https://secure.test/mcp", withToken)).rejects.toThrow(
      /https to http.*token/,
    );
    expect(cancelled).toBe(true);
    // Without a token the downgrade is followed (as browsers do).
    const plain = await fetchIt("https://secure.test/mcp");
    expect(await plain.json()).toEqual({ path: "/plain", method: "GET" });
  });

  it("stops after too many redirects and bounds the body", async () => {
    const fetchIt = guarded(true, resolve, { maxResponseBytes: 1000 });
    // Two hops are followed to the end.
    const twoHops = await fetchIt(`${origin()}/redirect?to=/redirect%3Fto%3D/landed`);
    expect(await twoHops.json()).toEqual({ path: "/landed", method: "GET" });
    const loop = `${origin()}/redirect?to=${encodeURIComponent(`${origin()}/redirect?to=/redirect`)}`;
    await expect(
      createGuardedFetch({
        policy: { allowPrivate: true },
        dispatcher: createGuardedAgent({ policy: { allowPrivate: true }, resolve }),
        maxRedirects: 1,
      })(loop),
    ).rejects.toThrow(/More than 1 redirects/);
    const big = await fetchIt(`${origin()}/big`);
    await expect(big.text()).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe("guarded fetch: the app's own routes", () => {
  it("answers the in-process routes without a network check, and checks everything else", async () => {
    const before = seen.length;
    const fetchIt = createGuardedFetch({
      policy: { allowPrivate: false },
      inProcess: {
        origin: `http://127.0.0.1:${port}`,
        handle: (request) =>
          new URL(request.url).pathname.startsWith("/api/demo-mcp/")
            ? Promise.resolve(new Response("in-process"))
            : undefined,
      },
    });
    const own = await fetchIt(`http://127.0.0.1:${port}/api/demo-mcp/calendar`);
    expect(await own.text()).toBe("in-process");
    // The same origin, another path: a real connection, so the loopback refusal applies.
    await expect(fetchIt(`http://127.0.0.1:${port}/admin`)).rejects.toThrow(/loopback/);
    expect(seen.length).toBe(before);
  });
});
