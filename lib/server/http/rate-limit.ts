import "server-only";
// Per-client token buckets for the routes that spend the key or open connections, plus one bucket
// for the whole process (ten clients' worth), so a client that varies what identifies it still
// cannot exceed a bounded total. In memory: limits are per instance.
import { clientAddress, trustedProxiesFromEnv, type TrustedProxies } from "./client-address";

export interface RateLimitVerdict {
  ok: boolean;
  /** Seconds until one more request would be let through (when refused). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const MAX_TRACKED_CLIENTS = 10_000;

export class RateLimiter {
  private readonly clients = new Map<string, Bucket>();
  private readonly total: Bucket;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.total = { tokens: perMinute * 10, updatedMs: now() };
  }

  take(client: string): RateLimitVerdict {
    const now = this.now();
    let bucket = this.clients.get(client);
    if (!bucket) {
      if (this.clients.size >= MAX_TRACKED_CLIENTS) this.forgetIdle(now);
      bucket = { tokens: this.perMinute, updatedMs: now };
      this.clients.set(client, bucket);
    }
    const clientWait = this.refill(bucket, this.perMinute, now);
    const totalWait = this.refill(this.total, this.perMinute * 10, now);
    if (clientWait > 0 || totalWait > 0)
      return { ok: false, retryAfterSeconds: Math.ceil(Math.max(clientWait, totalWait) / 1000) };
    bucket.tokens -= 1;
    this.total.tokens -= 1;
    return { ok: true, retryAfterSeconds: 0 };
  }

  /** Refills by elapsed time; the milliseconds until one token is there (0 if one is). */
  private refill(bucket: Bucket, capacity: number, now: number): number {
    const perMs = capacity / 60_000;
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    return bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / perMs;
  }

  private forgetIdle(now: number): void {
    for (const [client, bucket] of this.clients) {
      if (bucket.tokens + (now - bucket.updatedMs) * (this.perMinute / 60_000) >= this.perMinute)
        this.clients.delete(client);
    }
    // Still full of busy clients: drop the oldest entries rather than grow without bound.
    for (const client of this.clients.keys()) {
      if (this.clients.size < MAX_TRACKED_CLIENTS) break;
      this.clients.delete(client);
    }
  }
}

let proxies: TrustedProxies | undefined;

/**
 * Who the client is (client-address.ts): the socket's address, or behind trusted proxies the
 * address they report. Never a header the client alone wrote.
 */
export function clientKey(request: Request): string {
  proxies ??= trustedProxiesFromEnv(process.env);
  return clientAddress(request, proxies, process.env.PLAYGROUND_PEER_SECRET);
}
