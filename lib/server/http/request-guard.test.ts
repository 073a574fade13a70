import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";
import { checkRequest } from "./request-guard";
import { isAllowedHost, isLocalUse, parseHost, siteSettingsFromEnv } from "./site-settings";

const local = siteSettingsFromEnv({});
const deployed = siteSettingsFromEnv({
  PLAYGROUND_ALLOWED_HOSTS: "play.example.com, .team.example, lab.example:8443",
});

function request(headers: Record<string, string>, init: RequestInit = {}) {
  return new Request("http://localhost/api/x", { method: "POST", ...init, headers });
}
const json = { "content-type": "application/json" };

describe("request guard", () => {
  it("answers loopback hosts in every form, and only the configured others", () => {
    for (const host of [
      "localhost:3000",
      "127.0.0.1:3000",
      "[::1]:3000",
      "app.localhost",
      "127.9.9.9",
    ])
      expect(checkRequest(request({ host, ...json }), local).ok, host).toBe(true);
    for (const host of ["evil.example.com", "play.example.com", "10.0.0.5:3000", "", "a b", "x@y"])
      expect(checkRequest(request({ host, ...json }), local)).toMatchObject({
        ok: false,
        status: 421,
      });
    expect(checkRequest(request({ host: "play.example.com", ...json }), deployed).ok).toBe(true);
    expect(checkRequest(request({ host: "a.team.example", ...json }), deployed).ok).toBe(true);
    expect(checkRequest(request({ host: "lab.example:8443", ...json }), deployed).ok).toBe(true);
    expect(checkRequest(request({ host: "lab.example:9000", ...json }), deployed).ok).toBe(false);
    expect(checkRequest(request({ host: "team.example.evil.com", ...json }), deployed).ok).toBe(
      false,
    );
  });

  it("refuses a browser request from another site, by Origin or Sec-Fetch-Site", () => {
    const refused: Record<string, string>[] = [
      { origin: "http://evil.example.com" },
      { origin: "http://localhost:8080" }, // another app on the same machine
      { origin: "null" },
      { origin: "file://" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of refused) {
      expect(
        checkRequest(request({ host: "localhost:3000", ...json, ...headers }), local),
      ).toMatchObject({ ok: false, status: 403, kind: "cross_site" });
    }
    // A form post under Referrer-Policy: no-referrer says Origin: null, and the browser's
    // Sec-Fetch-Site says same-origin: that is this app's own page.
    expect(
      checkRequest(
        request({ host: "localhost:3000", origin: "null", "sec-fetch-site": "same-origin" }),
        local,
      ).ok,
    ).toBe(true);
    const own = { host: "localhost:3000", origin: "http://localhost:3000", ...json };
    expect(checkRequest(request({ ...own, "sec-fetch-site": "same-origin" }), local).ok).toBe(true);
    // No Origin: curl, the SDKs, exported snippets.
    expect(checkRequest(request({ host: "localhost:3000", ...json }), local).ok).toBe(true);
  });

  it("refuses a JSON route's POST sent as anything but JSON", () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "",
    ]) {
      expect(
        checkRequest(request({ host: "localhost", "content-type": type }), local, { json: true }),
      ).toMatchObject({ ok: false, status: 415 });
    }
    for (const type of [
      "application/json",
      "application/json; charset=utf-8",
      "application/vnd.x+json",
    ]) {
      expect(
        checkRequest(request({ host: "localhost", "content-type": type }), local, { json: true })
          .ok,
      ).toBe(true);
    }
    // A GET has no body to judge.
    expect(
      checkRequest(request({ host: "localhost" }, { method: "GET" }), local, { json: true }).ok,
    ).toBe(true);
  });

  it("treats a loopback Host as local use only while no other host is configured", () => {
    expect(isLocalUse(request({ host: "localhost:3000" }), local)).toBe(true);
    expect(isLocalUse(request({ host: "localhost:3000" }), deployed)).toBe(false);
    expect(isLocalUse(request({ host: "play.example.com" }), deployed)).toBe(false);
    expect(isLocalUse(request({}), local)).toBe(false);
    expect(parseHost("[::1]:80")).toEqual({ hostname: "[::1]", port: "" });
    expect(isAllowedHost({ hostname: "localhost.evil.com", port: "" }, local)).toBe(false);
  });
});

describe("rate limiter", () => {
  it("lets a client through up to the limit, then says when to come back", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take("b").ok).toBe(true); // another client has its own bucket
    now += 20_000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });

  it("bounds the total, whatever a client calls itself", () => {
    const limiter = new RateLimiter(2, () => 0);
    const results = Array.from({ length: 25 }, (_, index) => limiter.take(`client-${index}`).ok);
    expect(results.filter(Boolean)).toHaveLength(20);
  });
});
