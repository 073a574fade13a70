import "server-only";
// The connection layer under every outbound request made on a person's behalf: an undici Agent
// whose connector resolves each name once (with a timeout), refuses it if any address it resolves
// to is refused, connects only to those checked addresses, and checks the connected socket's
// remote address again before a byte is sent. A name that rebinds between a check and a connect
// has nothing to rebind: the check is the connect.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { Agent, buildConnector } from "undici";
import {
  AddressRefusedError,
  refusalFor,
  type AddressPolicy,
} from "@/lib/domain/net/address-policy";

/** Resolves a host name to its addresses (tests substitute one). */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface GuardedAgentOptions {
  policy: AddressPolicy;
  resolve?: Resolver;
  dnsTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs?: number;
}

const DEFAULT_DNS_TIMEOUT_MS = 5_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

function systemResolve(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((entry) => entry.address));
    });
  });
}

/** Resolves with a deadline; an unresolvable name is a refusal, never a pass. */
export async function resolveChecked(
  hostname: string,
  policy: AddressPolicy,
  resolve: Resolver = systemResolve,
  timeoutMs = DEFAULT_DNS_TIMEOUT_MS,
): Promise<string[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AddressRefusedError(`Looking up ${hostname} took over ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  let addresses: string[];
  try {
    addresses = await Promise.race([resolve(hostname), deadline]);
  } catch (error) {
    if (error instanceof AddressRefusedError) throw error;
    const code = (error as { code?: string }).code;
    throw new AddressRefusedError(
      `${hostname} could not be resolved${code ? ` (${code})` : ""}, so it is not reached.`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (addresses.length === 0)
    throw new AddressRefusedError(`${hostname} resolves to no address, so it is not reached.`);
  // One refused address refuses the name: a connection may land on any of them.
  for (const address of addresses) {
    const refusal = refusalFor(address, policy, hostname);
    if (refusal) throw new AddressRefusedError(refusal);
  }
  return addresses;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for net/tls.connect that answers only checked addresses. */
function guardedLookup(options: GuardedAgentOptions) {
  return (hostname: string, lookupOptions: { all?: boolean }, callback: LookupCallback) => {
    resolveChecked(hostname, options.policy, options.resolve, options.dnsTimeoutMs).then(
      (addresses) => {
        const entries = addresses.map((address) => ({ address, family: isIP(address) }));
        if (lookupOptions.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      },
      (error: Error) => callback(error, ""),
    );
  };
}

export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const base = buildConnector({
    timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    lookup: guardedLookup(options),
  });
  const connect: buildConnector.connector = (connectOptions, callback) => {
    const host = connectOptions.hostname.replace(/^\[|\]$/g, "");
    // IP literals skip the lookup: judge them here.
    const literalRefusal = isIP(host) ? refusalFor(host, options.policy) : null;
    if (literalRefusal) return callback(new AddressRefusedError(literalRefusal), null);
    base(connectOptions, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error("connect failed"), null);
      // Belt and braces: the address actually connected to passes the same rule.
      const remote = socket.remoteAddress;
      const refusal = remote
        ? refusalFor(remote, options.policy, host)
        : "the connection has no remote address";
      if (refusal) {
        socket.destroy();
        return callback(new AddressRefusedError(refusal), null);
      }
      callback(null, socket);
    });
  };
  return new Agent({ connect, keepAliveTimeout: options.keepAliveTimeoutMs ?? 2_000 });
}

const sharedAgents = new Map<boolean, Agent>();

/** One agent per policy for the process: connections are pooled, and every one is checked. */
export function sharedGuardedAgent(policy: AddressPolicy): Agent {
  let agent = sharedAgents.get(policy.allowPrivate);
  if (!agent) {
    agent = createGuardedAgent({ policy });
    sharedAgents.set(policy.allowPrivate, agent);
  }
  return agent;
}
