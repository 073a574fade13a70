// The one rule for where the server may connect on a person's behalf: metadata, link-local and
// unroutable addresses never; loopback, private and other special-purpose addresses only when the
// deployment allows them (MCP_ALLOW_PRIVATE_NETWORK). Pure: the network side is in guarded-agent.
import { classifyIp, isIpLiteral, type AddressClass } from "./ip-class";

export interface AddressPolicy {
  /** Loopback, private and other special-purpose addresses may be reached. */
  allowPrivate: boolean;
}

export class AddressRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AddressRefusedError";
  }
}

/** Listening names that only this machine can reach. */
const LOOPBACK_BINDS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * The documented setting: MCP_ALLOW_PRIVATE_NETWORK=true|false. Unset, the default follows who
 * can reach the app: outside production, and in production when the server listens on loopback
 * only (HOSTNAME, which `npm start` sets to 127.0.0.1) and names no PLAYGROUND_ALLOWED_HOSTS,
 * only the person at this machine can, so their own local servers are allowed. A deployment
 * (another bind address, or allowed hosts named) refuses them unless the setting says otherwise.
 */
export function allowPrivateFromEnv(env: Record<string, string | undefined>): boolean {
  const value = env.MCP_ALLOW_PRIVATE_NETWORK?.toLowerCase();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  if (env.NODE_ENV !== "production") return true;
  const bind = env.HOSTNAME?.trim().toLowerCase() ?? "";
  return LOOPBACK_BINDS.has(bind) && !env.PLAYGROUND_ALLOWED_HOSTS?.trim();
}

/** Names of metadata services, refused before any lookup (they resolve to link-local anyway). */
const METADATA_HOSTNAMES = new Set([
  "metadata.google.internal",
  "metadata.goog",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.azure.com",
  "metadata.platformequinix.com",
]);

/** Why `address` may not be reached under `policy`, in words; null when it may. */
export function refusalFor(address: string, policy: AddressPolicy, host?: string): string | null {
  const judged = classifyIp(address);
  return refusalForClass(judged, policy, host ?? address);
}

function refusalForClass(judged: AddressClass, policy: AddressPolicy, host: string): string | null {
  const bareHost = host.replace(/^\[|\]$/g, "");
  // A name's addresses are not quoted when refused: a remote user could map internal DNS with
  // them. The person typed an IP literal, so that one is named as written.
  const literal = isIpLiteral(bareHost);
  const shown = judged.embeddedIn
    ? `${judged.embeddedIn} (which carries the IPv4 address ${judged.address})`
    : judged.address;
  const is = (what: string) =>
    literal ? `${shown} is ${what}` : `${bareHost} resolves to ${what}`;
  switch (judged.category) {
    case "metadata":
      return `${is("a cloud metadata address")}, which is never fetched.`;
    case "link-local":
      return `${is("a link-local address")}, which is never fetched.`;
    case "unroutable":
      return literal
        ? `${shown} is not a routable address.`
        : `${bareHost} resolves to an address that is not routable.`;
    case "loopback":
    case "private":
    case "special": {
      if (policy.allowPrivate) return null;
      const kind =
        judged.category === "loopback"
          ? "a loopback address"
          : judged.category === "private"
            ? "an address on a private network"
            : literal
              ? `in a special-purpose range (${judged.range})`
              : "a special-purpose address";
      return `${literal && judged.category === "special" ? `${shown} is ${kind}` : is(kind)}: refused by this playground's address policy (MCP_ALLOW_PRIVATE_NETWORK).`;
    }
    case "public":
      return null;
  }
}

/**
 * What can be judged from the URL alone, before any lookup: the scheme, metadata host names, and
 * IP literals. Names are judged when they are resolved, at connect time (see guarded-agent).
 */
export function checkUrlBeforeConnecting(url: URL, policy: AddressPolicy): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AddressRefusedError(
      `Only http:// and https:// URLs can be reached (not ${url.protocol}).`,
    );
  }
  const hostname = url.hostname
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  if (METADATA_HOSTNAMES.has(hostname))
    throw new AddressRefusedError(`${hostname} is a cloud metadata address and is never fetched.`);
  if (isIpLiteral(hostname)) {
    const refusal = refusalFor(hostname, policy, url.hostname);
    if (refusal) throw new AddressRefusedError(refusal);
  }
}

/** The refusal somewhere in an error's cause chain (fetch wraps connect errors), if any. */
export function findAddressRefusal(error: unknown): AddressRefusedError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof AddressRefusedError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}
