import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, trustedProxiesFromEnv } from "./client-address";

const SECRET = "s3cret";
function request(headers: Record<string, string>) {
  return new Request("http://localhost/api/x", { headers });
}
const socket = (address: string) => ({ [PEER_HEADER]: `${SECRET} ${address}` });

describe("who a request comes from", () => {
  it("is the socket's address, whatever X-Forwarded-For says, when no proxy is trusted", () => {
    const none = trustedProxiesFromEnv({});
    expect(
      clientAddress(
        request({ ...socket("198.51.100.7"), "x-forwarded-for": "1.2.3.4" }),
        none,
        SECRET,
      ),
    ).toBe("198.51.100.7");
    // IPv4 seen through an IPv6 socket is the IPv4 address.
    expect(clientAddress(request(socket("::ffff:198.51.100.7")), none, SECRET)).toBe(
      "198.51.100.7",
    );
  });

  it("is one 'unknown' client when the socket header is missing or forged", () => {
    const none = trustedProxiesFromEnv({});
    expect(clientAddress(request({ "x-forwarded-for": "1.2.3.4" }), none, SECRET)).toBe("unknown");
    expect(clientAddress(request({ [PEER_HEADER]: "wrong 198.51.100.7" }), none, SECRET)).toBe(
      "unknown",
    );
    // Without a secret (not started through serve.mjs) no header is believed.
    expect(clientAddress(request(socket("198.51.100.7")), none, undefined)).toBe("unknown");
  });

  it("behind trusted proxies, is the first hop they did not write (count or ranges)", () => {
    const headers = { ...socket("10.0.0.2"), "x-forwarded-for": "203.0.113.9, 198.51.100.20" };
    // One proxy (10.0.0.2) wrote the last entry: the client is 198.51.100.20.
    expect(
      clientAddress(
        request(headers),
        trustedProxiesFromEnv({ PLAYGROUND_TRUSTED_PROXIES: "1" }),
        SECRET,
      ),
    ).toBe("198.51.100.20");
    // Two proxies: the client is the one before.
    expect(
      clientAddress(
        request(headers),
        trustedProxiesFromEnv({ PLAYGROUND_TRUSTED_PROXIES: "2" }),
        SECRET,
      ),
    ).toBe("203.0.113.9");
    const ranges = trustedProxiesFromEnv({
      PLAYGROUND_TRUSTED_PROXIES: "10.0.0.0/8, 198.51.100.20",
    });
    expect(clientAddress(request(headers), ranges, SECRET)).toBe("203.0.113.9");
    // A client that writes its own entries gets only as far as the first hop not trusted.
    const spoofed = { ...socket("10.0.0.2"), "x-forwarded-for": "1.1.1.1, 203.0.113.50" };
    expect(clientAddress(request(spoofed), ranges, SECRET)).toBe("203.0.113.50");
  });
});
