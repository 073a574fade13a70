import "server-only";
// Guards fetches made on a person's behalf (tool discovery, the emulator's MCP connections):
// link-local and cloud-metadata addresses are always refused; private, loopback and shared
// addresses only when the deployment allows them. Every redirect hop is checked the same way, and
// response bodies are bounded.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export interface AddressPolicy {
  allowPrivate: boolean;
  /**
   * Origins whose demo MCP servers (paths under /api/demo-mcp/) may be on a private address: the
   * app's own. It never lifts the metadata and link-local refusals, so a forged Host header
   * cannot open those.
   */
  trustedOrigins?: readonly string[];
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** For tests: resolve a hostname to addresses. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export class AddressRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AddressRefusedError";
  }
}

/** The documented setting: MCP_ALLOW_PRIVATE_NETWORK=true|false; allowed by default outside production. */
export function allowPrivateFromEnv(
  env: Record<string, string | undefined> = process.env,
): boolean {
  const value = env.MCP_ALLOW_PRIVATE_NETWORK?.toLowerCase();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  return env.NODE_ENV !== "production";
}

type AddressClass = "metadata" | "link-local" | "unspecified" | "private" | "public";

const DEMO_PATH = "/api/demo-mcp/";
const METADATA_HOSTS = new Set([
  "metadata.google.internal",
  "metadata",
  "instance-data",
  "metadata.azure.com",
]);

export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 4) return classifyIPv4(address);
  if (version === 6) return classifyIPv6(address.toLowerCase());
  return "public";
}

function classifyIPv4(address: string): AddressClass {
  const [a = 0, b = 0, c = 0, d = 0] = address.split(".").map(Number);
  if (a === 169 && b === 254)
    return a === 169 && b === 254 && c === 169 && d === 254 ? "metadata" : "link-local";
  if (a === 100 && b === 100 && c === 100 && d === 200) return "metadata"; // Alibaba Cloud
  if (a === 0) return "unspecified";
  if (a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
    return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // carrier-grade NAT
  if (a >= 224) return "unspecified"; // multicast and reserved
  return "public";
}

function classifyIPv6(address: string): AddressClass {
  if (address === "::") return "unspecified";
  if (address === "::1") return "private";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return classifyIPv4(mapped[1]);
  if (address === "fd00:ec2::254") return "metadata";
  if (/^fe[89ab]/.test(address)) return "link-local";
  if (/^f[cd]/.test(address)) return "private";
  return "public";
}

export async function checkUrl(url: URL, policy: AddressPolicy): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AddressRefusedError(
      `Only http:// and https:// URLs can be reached (not ${url.protocol}).`,
    );
  }
  const ownDemoServer =
    !!policy.trustedOrigins?.includes(url.origin) && url.pathname.startsWith(DEMO_PATH);
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (METADATA_HOSTS.has(hostname))
    throw new AddressRefusedError(`${hostname} is a cloud metadata address and is never fetched.`);
  const addresses = isIP(hostname) ? [hostname] : await (policy.resolve ?? resolveAll)(hostname);
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === "metadata")
      throw new AddressRefusedError(`${address} is a cloud metadata address and is never fetched.`);
    if (kind === "link-local")
      throw new AddressRefusedError(`${address} is a link-local address and is never fetched.`);
    if (kind === "unspecified")
      throw new AddressRefusedError(`${address} is not a routable address.`);
    if (kind === "private" && !policy.allowPrivate && !ownDemoServer) {
      throw new AddressRefusedError(
        `${url.hostname} is on a private network (${address}); this deployment does not allow that (MCP_ALLOW_PRIVATE_NETWORK).`,
      );
    }
  }
}

async function resolveAll(hostname: string): Promise<string[]> {
  try {
    return (await lookup(hostname, { all: true })).map((entry) => entry.address);
  } catch {
    // Unresolvable names fail later, in fetch, with a clear "could not connect".
    return [];
  }
}

/** A fetch that checks every address it is about to reach, follows redirects itself, and caps bodies. */
export function createGuardedFetch(
  policy: AddressPolicy,
  baseFetch: typeof fetch = fetch,
): typeof fetch {
  const maxRedirects = policy.maxRedirects ?? 5;
  const maxBytes = policy.maxResponseBytes ?? 5 * 1024 * 1024;
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    let requestInit: RequestInit | undefined =
      input instanceof Request ? { ...init, method: input.method, headers: input.headers } : init;
    for (let hop = 0; ; hop += 1) {
      await checkUrl(url, policy);
      const response = await baseFetch(url, { ...requestInit, redirect: "manual" });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        if (hop >= maxRedirects)
          throw new AddressRefusedError(`More than ${maxRedirects} redirects.`);
        url = new URL(location, url);
        // 303 (and 301/302 after a POST) turn into a GET without a body, as browsers do.
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && requestInit?.method === "POST")
        ) {
          requestInit = { ...requestInit, method: "GET", body: undefined };
        }
        continue;
      }
      return limitBody(response, maxBytes);
    }
  };
}

function limitBody(response: Response, maxBytes: number): Response {
  if (!response.body) return response;
  let seen = 0;
  const limited = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes)
          controller.error(new AddressRefusedError(`The answer is larger than ${maxBytes} bytes.`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(limited, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
