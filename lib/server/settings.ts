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

/** How long a short link lasts (PLAYGROUND_LINK_TTL_DAYS, 30 days by default, 1 to 3650). */
export function linkTtlDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PLAYGROUND_LINK_TTL_DAYS?.trim();
  const days = raw ? Number(raw) : 30;
  if (!Number.isFinite(days) || days < 1 || days > 3650) {
    console.warn(
      `PLAYGROUND_LINK_TTL_DAYS=${raw} is not a number of days from 1 to 3650: using 30.`,
    );
    return 30;
  }
  return days;
}
