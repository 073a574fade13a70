// Pages answer only under this app's own hosts, prefetches included (a matcher that skipped them
// served every page to a rebinding attacker, without a CSP); the OAuth client metadata document
// reflects only an allowed host, cached per host.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as clientMetadata } from "@/app/oauth/client-metadata.json/route";
import { config, proxy } from "@/proxy";

const page = (headers: Record<string, string>) =>
  new NextRequest("http://localhost:3000/", { headers: { host: "localhost:3000", ...headers } });

describe("the page proxy", () => {
  it.each([
    ["a document", {}],
    ["a router prefetch", { "next-router-prefetch": "1" }],
    ["a browser prefetch", { purpose: "prefetch" }],
  ])("refuses %s under a foreign Host with 421", (_kind, headers) => {
    const response = proxy(page({ ...headers, host: "evil.example" }));
    expect(response.status).toBe(421);
  });

  it("runs for prefetches too: the matcher leaves none out", () => {
    expect(JSON.stringify(config.matcher)).not.toContain("prefetch");
  });

  it("gives a document its own CSP nonce, and a prefetch no nonce work", () => {
    const document = proxy(page({}));
    expect(document.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
    const prefetch = proxy(page({ "next-router-prefetch": "1" }));
    expect(prefetch.status).toBe(200);
    expect(prefetch.headers.get("content-security-policy")).toBeNull();
  });
});

describe("the OAuth client metadata document", () => {
  const get = (host: string) =>
    clientMetadata(
      new Request("http://localhost:3000/oauth/client-metadata.json", { headers: { host } }),
    );

  it("answers a foreign Host with 421 rather than reflecting it", async () => {
    const response = get("evil.example");
    expect(response.status).toBe(421);
    expect(await response.text()).not.toContain("evil.example/oauth");
  });

  it("names the app's own host in its redirect URI, cached per host", async () => {
    const response = get("localhost:3000");
    expect(response.headers.get("vary")).toBe("Host");
    const document = (await response.json()) as { redirect_uris: string[] };
    expect(document.redirect_uris).toEqual(["http://localhost:3000/oauth/callback"]);
  });
});
