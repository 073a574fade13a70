import "server-only";
// Where the server reads its own environment: the fan-out caps (read once) and the address
// policy. The rules themselves are pure, in lib/domain (limits.ts, net/address-policy.ts).
import { limitsFromEnv, type PlaygroundLimits } from "@/lib/domain/limits";
import { allowPrivateFromEnv, type AddressPolicy } from "@/lib/domain/net/address-policy";

let cached: PlaygroundLimits | undefined;

/** The process's limits, read once. */
export function processLimits(): PlaygroundLimits {
  cached ??= limitsFromEnv(process.env, (message) => console.warn(message));
  return cached;
}

/** Whether this process may reach loopback and private addresses (MCP_ALLOW_PRIVATE_NETWORK). */
export function processAddressPolicy(): AddressPolicy {
  return { allowPrivate: allowPrivateFromEnv(process.env) };
}
