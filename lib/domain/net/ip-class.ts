// What kind of address an IP is, for deciding whether the server may connect to it. The ranges
// come from ipaddr.js (IANA's special-purpose registries of both families); addresses that carry
// an IPv4 inside an IPv6 (mapped, compatible, translated, NAT64, 6to4) are judged by that IPv4,
// so no textual form of a private or metadata address passes as public.
import ipaddr from "ipaddr.js";

export const ADDRESS_CATEGORIES = [
  /** A cloud provider's instance-metadata service: never reached. */
  "metadata",
  /** 169.254.0.0/16, fe80::/10: never reached (metadata services live here). */
  "link-local",
  /** Unspecified, broadcast and multicast: nothing to connect to. */
  "unroutable",
  "loopback",
  /** RFC 1918, unique-local, carrier-grade NAT, local-use NAT64, deprecated site-local. */
  "private",
  /** Every other IANA special-purpose range (documentation, benchmarking, reserved, Teredo, …). */
  "special",
  "public",
] as const;
export type AddressCategory = (typeof ADDRESS_CATEGORIES)[number];

export interface AddressClass {
  category: AddressCategory;
  /** ipaddr.js's range name (e.g. "private", "ipv4Mapped"), or "invalid". */
  range: string;
  /** The address in canonical form; for an embedded IPv4, that IPv4. */
  address: string;
  /** Set when the verdict was reached through the IPv4 inside an IPv6 address. */
  embeddedIn?: string;
}

/** Known instance-metadata endpoints (most also fall in link-local; the others do not). */
const METADATA_ADDRESSES = new Set([
  "169.254.169.254", // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle
  "169.254.170.2", // AWS ECS task metadata
  "169.254.169.253", // AWS DNS resolver
  "100.100.100.200", // Alibaba Cloud (inside carrier-grade NAT space)
  "fd00:ec2::254", // AWS over IPv6 (inside unique-local space)
  "fd00:ec2::23", // AWS over IPv6, time and DNS
]);

const IPV4_CATEGORY: Record<string, AddressCategory> = {
  unspecified: "unroutable",
  broadcast: "unroutable",
  multicast: "unroutable",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "private",
  private: "private",
  reserved: "special",
  as112: "special",
  amt: "special",
  unicast: "public",
};

const IPV6_CATEGORY: Record<string, AddressCategory> = {
  unspecified: "unroutable",
  multicast: "unroutable",
  linkLocal: "link-local",
  loopback: "loopback",
  uniqueLocal: "private",
  deprecatedSiteLocal: "private",
};

/** Classifies an IP address in any textual form ipaddr.js reads; anything else is refused. */
export function classifyIp(text: string): AddressClass {
  const bare = text.trim().replace(/^\[(.*)\]$/, "$1");
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(bare);
  } catch {
    return { category: "unroutable", range: "invalid", address: bare };
  }
  if (parsed.kind() === "ipv4") return classifyIPv4(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  const canonical = v6.toNormalizedString();
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const inner = classifyIPv4(embedded);
    return { ...inner, embeddedIn: canonical };
  }
  const range = v6.range();
  const withoutZone = v6.toString().replace(/%.*$/, "");
  if (METADATA_ADDRESSES.has(withoutZone)) {
    return { category: "metadata", range, address: withoutZone };
  }
  const known = IPV6_CATEGORY[range];
  if (known) return { category: known, range, address: withoutZone };
  if (range === "rfc6052") {
    // Local-use NAT64 (64:ff9b:1::/48, RFC 8215): where the IPv4 sits depends on the site's prefix.
    return { category: "private", range, address: withoutZone };
  }
  if (range !== "unicast") return { category: "special", range, address: withoutZone };
  // Only 2000::/3 is allocated as global unicast; the rest of the space is reserved by IANA.
  const first = v6.parts[0] ?? 0;
  const global = first >= 0x2000 && first <= 0x3fff;
  return { category: global ? "public" : "special", range, address: withoutZone };
}

function classifyIPv4(address: ipaddr.IPv4): AddressClass {
  const text = address.toString();
  const range = address.range();
  if (METADATA_ADDRESSES.has(text)) return { category: "metadata", range, address: text };
  return { category: IPV4_CATEGORY[range] ?? "special", range, address: text };
}

/**
 * The IPv4 carried by an IPv6 address, for the forms that route to it: IPv4-mapped
 * (::ffff:0:0/96), IPv4-compatible (::/96, deprecated), IPv4-translated (::ffff:0:0:0/96),
 * well-known-prefix NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  const parts = address.parts;
  const last32 = () => new ipaddr.IPv4(bytes.slice(12, 16));
  const zeros = (from: number, to: number) => parts.slice(from, to).every((part) => part === 0);
  if (zeros(0, 5) && parts[5] === 0xffff) return last32(); // mapped
  if (zeros(0, 4) && parts[4] === 0xffff && parts[5] === 0) return last32(); // translated
  if (zeros(0, 6)) {
    // compatible; :: and ::1 are IPv6's own unspecified and loopback
    const tail = ((parts[6] ?? 0) << 16) | (parts[7] ?? 0);
    return tail === 0 || tail === 1 ? null : last32();
  }
  if (parts[0] === 0x64 && parts[1] === 0xff9b && zeros(2, 6)) return last32(); // NAT64
  if (parts[0] === 0x2002) return new ipaddr.IPv4(bytes.slice(2, 6)); // 6to4
  return null;
}

/** Whether a string is an IP address in any form ipaddr.js reads (including 0x7f.1, 2130706433). */
export function isIpLiteral(text: string): boolean {
  return ipaddr.isValid(text.trim().replace(/^\[(.*)\]$/, "$1"));
}
