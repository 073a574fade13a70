import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowPrivateFromEnv, checkUrlBeforeConnecting, refusalFor } from "./address-policy";
import { classifyIp } from "./ip-class";

const strict = { allowPrivate: false };
const lenient = { allowPrivate: true };

/** Every textual form of an IPv4 address that a URL, a resolver or a hand could produce. */
function formsOf(v4: string): string[] {
  const octets = v4.split(".").map(Number);
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  const hex = (n: number) => n.toString(16);
  const high = hex((a << 8) | b);
  const low = hex((c << 8) | d);
  const value = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  return [
    v4,
    String(value), // 2130706433
    `0x${value.toString(16)}`,
    `${a}.${(b << 16) + (c << 8) + d}`, // 127.1
    `0${a.toString(8)}.${b}.${c}.${d}`, // octal first part
    `::ffff:${v4}`,
    `::ffff:${high}:${low}`,
    `0:0:0:0:0:ffff:${high}:${low}`,
    `0000:0000:0000:0000:0000:FFFF:${high.toUpperCase()}:${low.toUpperCase()}`,
    `[::ffff:${high}:${low}]`,
    `::${v4}`, // IPv4-compatible (deprecated)
    `::${high}:${low}`,
    `::ffff:0:${v4}`, // IPv4-translated
    `64:ff9b::${v4}`, // NAT64 well-known prefix
    `64:ff9b::${high}:${low}`,
    `2002:${high}:${low}::1`, // 6to4
  ];
}

describe("IP classification", () => {
  const cases: [string, string][] = [
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["0.0.0.0", "unroutable"],
    ["255.255.255.255", "unroutable"],
    ["224.0.0.1", "unroutable"],
    ["ff02::1", "unroutable"],
    ["::", "unroutable"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fec0::1", "private"],
    ["64:ff9b:1::a", "private"],
    ["192.0.2.1", "special"], // documentation
    ["198.51.100.7", "special"],
    ["203.0.113.9", "special"],
    ["198.18.0.1", "special"], // benchmarking
    ["192.0.0.8", "special"],
    ["192.88.99.1", "special"], // 6to4 relay anycast
    ["240.0.0.1", "special"],
    ["192.31.196.1", "special"], // AS112
    ["2001:db8::1", "special"], // documentation
    ["2001::1", "special"], // Teredo
    ["2001:2::1", "special"], // benchmarking
    ["2001:10::1", "special"], // ORCHID
    ["100::1", "special"], // discard
    ["5f00::1", "special"], // segment routing
    ["1::1", "special"], // outside 2000::/3: unallocated
    ["8.8.8.8", "public"],
    ["93.184.216.34", "public"],
    ["172.32.0.1", "public"],
    ["2606:4700::1111", "public"],
    ["2002:0808:0808::1", "public"], // 6to4 of a public IPv4
    ["not-an-ip", "unroutable"],
  ];
  it.each(cases)("%s is %s", (address, category) => {
    expect(classifyIp(address).category).toBe(category);
  });

  it.each(["127.0.0.1", "169.254.169.254", "10.1.2.3", "192.168.0.1", "100.100.100.200"])(
    "judges every textual form of %s by the IPv4 inside",
    (v4) => {
      const expected = classifyIp(v4).category;
      for (const form of formsOf(v4)) {
        expect({ form, category: classifyIp(form).category }).toEqual({
          form,
          category: expected,
        });
      }
    },
  );

  it("never lets an embedded non-public IPv4 pass as public (property)", () => {
    const nonPublicV4 = fc.oneof(
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
    );
    fc.assert(
      fc.property(nonPublicV4, (octets) => {
        for (const form of formsOf(octets.join("."))) {
          if (classifyIp(form).category === "public") return false;
          if (refusalFor(form, strict) === null) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it("refuses metadata, link-local and unroutable always; the rest of the non-public only when not allowed", () => {
    for (const address of ["169.254.169.254", "::ffff:a9fe:a9fe", "fe80::1", "0.0.0.0"]) {
      expect(refusalFor(address, lenient)).toMatch(/never fetched|not a routable/);
    }
    for (const address of ["127.0.0.1", "::ffff:7f00:1", "10.0.0.1", "192.0.2.1", "2001::5"]) {
      expect(refusalFor(address, strict)).toMatch(/MCP_ALLOW_PRIVATE_NETWORK/);
      expect(refusalFor(address, lenient)).toBeNull();
    }
    expect(refusalFor("8.8.8.8", strict)).toBeNull();
    // The words name the IPv4 a disguised address carries.
    expect(refusalFor("::ffff:7f00:1", strict)).toContain("127.0.0.1");
  });

  it("judges what the URL alone tells: scheme, metadata names, IP literals in any form", () => {
    const refused = [
      "file:///etc/passwd",
      "gopher://example.com/",
      "http://metadata.google.internal/computeMetadata/v1/",
      "http://METADATA.GOOGLE.INTERNAL./",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:169.254.169.254]/",
      "http://[::ffff:a9fe:a9fe]/",
      "http://[64:ff9b::a9fe:a9fe]/",
      "http://[2002:a9fe:a9fe::]/",
      "http://0xa9fea9fe/",
      "http://2852039166/",
      "http://[fe80::1]/",
      "http://0.0.0.0:3000/",
    ];
    for (const url of refused) {
      expect(() => checkUrlBeforeConnecting(new URL(url), lenient), url).toThrow();
    }
    for (const url of ["http://[::ffff:127.0.0.1]:3000/mcp", "http://127.1/", "http://[::1]/"]) {
      expect(() => checkUrlBeforeConnecting(new URL(url), strict), url).toThrow(
        /MCP_ALLOW_PRIVATE_NETWORK/,
      );
      expect(() => checkUrlBeforeConnecting(new URL(url), lenient)).not.toThrow();
    }
    // Names are judged when they resolve, at connect time.
    expect(() =>
      checkUrlBeforeConnecting(new URL("https://example.com/mcp"), strict),
    ).not.toThrow();
  });

  it("reads the deployment setting, allowing private networks by default outside production", () => {
    expect(allowPrivateFromEnv({ NODE_ENV: "development" })).toBe(true);
    expect(allowPrivateFromEnv({ NODE_ENV: "production" })).toBe(false);
    expect(allowPrivateFromEnv({ NODE_ENV: "production", MCP_ALLOW_PRIVATE_NETWORK: "true" })).toBe(
      true,
    );
    expect(
      allowPrivateFromEnv({ NODE_ENV: "development", MCP_ALLOW_PRIVATE_NETWORK: "false" }),
    ).toBe(false);
  });

  it("allows them on a local production run (loopback only, no allowed hosts), not on a deployment", () => {
    // `npm start` listens on 127.0.0.1: only this machine reaches the app.
    expect(allowPrivateFromEnv({ NODE_ENV: "production", HOSTNAME: "127.0.0.1" })).toBe(true);
    expect(allowPrivateFromEnv({ NODE_ENV: "production", HOSTNAME: "localhost" })).toBe(true);
    expect(allowPrivateFromEnv({ NODE_ENV: "production", HOSTNAME: "::1" })).toBe(true);
    // Every interface (the standalone server's own default), or hosts named: a deployment.
    expect(allowPrivateFromEnv({ NODE_ENV: "production", HOSTNAME: "0.0.0.0" })).toBe(false);
    expect(allowPrivateFromEnv({ NODE_ENV: "production" })).toBe(false);
    expect(
      allowPrivateFromEnv({
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        PLAYGROUND_ALLOWED_HOSTS: "play.example.com",
      }),
    ).toBe(false);
    expect(
      allowPrivateFromEnv({
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        MCP_ALLOW_PRIVATE_NETWORK: "false",
      }),
    ).toBe(false);
  });
});
