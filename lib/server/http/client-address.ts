import "server-only";
// Who a request comes from, for the per-client rate limits and connection shares: the socket's
// address (written by the production entry, scripts/serve.mjs, under a secret made at start), or —
// only when PLAYGROUND_TRUSTED_PROXIES says proxies stand in front — the address the nearest
// untrusted hop reported in X-Forwarded-For. Without either, every request is one "unknown" client:
// coarse, but no client can widen its own share by writing a header.
import ipaddr from "ipaddr.js";

export const PEER_HEADER = "x-playground-peer";

/** PLAYGROUND_TRUSTED_PROXIES: how many proxies stand in front (a count), or their addresses. */
export type TrustedProxies =
  | { kind: "none" }
  | { kind: "count"; hops: number }
  | { kind: "ranges"; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

export function trustedProxiesFromEnv(env: Record<string, string | undefined>): TrustedProxies {
  const raw = env.PLAYGROUND_TRUSTED_PROXIES?.trim();
  if (!raw) return { kind: "none" };
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops > 0 ? { kind: "count", hops } : { kind: "none" };
  }
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const entry of raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    try {
      ranges.push(
        entry.includes("/")
          ? ipaddr.parseCIDR(entry)
          : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === "ipv4" ? 32 : 128],
      );
    } catch {
      console.warn(
        `[settings] PLAYGROUND_TRUSTED_PROXIES: '${entry}' is not an address or range; ignored.`,
      );
    }
  }
  return ranges.length ? { kind: "ranges", ranges } : { kind: "none" };
}

/** The socket's address, when the production entry wrote it under this process's secret. */
export function peerAddress(request: Request, secret: string | undefined): string | null {
  if (!secret) return null;
  const value = request.headers.get(PEER_HEADER);
  if (!value) return null;
  const [given, address] = value.split(" ");
  return given === secret && address ? normalize(address) : null;
}

function normalize(address: string): string {
  try {
    const parsed = ipaddr.process(address);
    return parsed.toString();
  } catch {
    return address;
  }
}

function inRanges(address: string, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  try {
    const parsed = ipaddr.process(address);
    return ranges.some(
      ([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits),
    );
  } catch {
    return false;
  }
}

/**
 * The client's address. With trusted proxies, the chain is X-Forwarded-For then the socket: walk it
 * from the socket back past the trusted hops; the first untrusted address is the client.
 */
export function clientAddress(
  request: Request,
  proxies: TrustedProxies,
  secret: string | undefined,
): string {
  const peer = peerAddress(request, secret);
  if (proxies.kind === "none") return peer ?? "unknown";
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Without the entry's socket address, the nearest hop is the last one a proxy wrote.
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return "unknown";
  if (proxies.kind === "count") {
    // Our proxies wrote the last entries (the nearest one's own address is the socket's, when
    // known): the entry before them is the client.
    const index = chain.length - 1 - (peer ? proxies.hops : proxies.hops - 1);
    return normalize(chain[Math.max(0, index)]!);
  }
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    if (!inRanges(chain[index]!, proxies.ranges)) return normalize(chain[index]!);
  }
  return normalize(chain[0]!);
}
