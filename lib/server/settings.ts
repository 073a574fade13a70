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

/**
 * How long an emulated batch's lease lasts without renewal (PLAYGROUND_BATCH_LEASE_SECONDS, 30 by
 * default): after that, another instance finishes what is left.
 */
export function batchLeaseMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PLAYGROUND_BATCH_LEASE_SECONDS?.trim();
  const seconds = raw ? Number(raw) : 30;
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
    console.warn(`PLAYGROUND_BATCH_LEASE_SECONDS=${raw} is not 1 to 3600 seconds: using 30.`);
    return 30_000;
  }
  return seconds * 1000;
}
