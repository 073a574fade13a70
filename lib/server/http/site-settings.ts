import "server-only";
// The deployment's own settings that decide who the server answers: which Host names are its own,
// and the access token that unlocks the server's API key for remote use.
import { classifyIp, isIpLiteral } from "@/lib/domain/net/ip-class";
import { peerAddress } from "./client-address";

export interface SiteSettings {
  /** Host names (with an optional port) besides loopback ones; ".example.com" admits subdomains. */
  allowedHosts: readonly string[];
  /** PLAYGROUND_ACCESS_TOKEN: required to use the server's key on a non-loopback Host. */
  accessToken: string | null;
  /** Whether the server holds ANTHROPIC_API_KEY. */
  serverHasKey: boolean;
  /** The production entry's secret for the socket-address header (scripts/serve.mjs). */
  peerSecret: string | null;
}

export function siteSettingsFromEnv(
  env: Record<string, string | undefined> = process.env,
): SiteSettings {
  return {
    allowedHosts: (env.PLAYGROUND_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
    accessToken: env.PLAYGROUND_ACCESS_TOKEN?.trim() || null,
    serverHasKey: Boolean(env.ANTHROPIC_API_KEY),
    peerSecret: env.PLAYGROUND_PEER_SECRET || null,
  };
}

export interface ParsedHost {
  hostname: string;
  port: string;
}

/** Reads a Host (or Origin's host) value; null when it is not a plain host[:port]. */
export function parseHost(value: string | null | undefined): ParsedHost | null {
  if (!value || value.length > 300 || /[\s/?#@\\]/.test(value)) return null;
  try {
    const url = new URL(`http://${value}`);
    return { hostname: url.hostname.toLowerCase().replace(/\.$/, ""), port: url.port };
  } catch {
    return null;
  }
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1, in any form. */
export function isLoopbackHostname(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  return isIpLiteral(bare) && classifyIp(bare).category === "loopback";
}

export function isAllowedHost(host: ParsedHost, settings: SiteSettings): boolean {
  if (isLoopbackHostname(host.hostname)) return true;
  return settings.allowedHosts.some((entry) => {
    const allowed = parseHost(entry.startsWith(".") ? `x${entry}` : entry);
    if (!allowed) return false;
    if (allowed.port && allowed.port !== host.port) return false;
    return entry.startsWith(".")
      ? host.hostname.endsWith(entry.replace(/:\d+$/, ""))
      : host.hostname === allowed.hostname;
  });
}

/**
 * Whether a request may use the server's key without the access token: only on a loopback Host,
 * while the deployment names no other hosts — and, when the socket's address is known (the
 * production entry writes it), only from a loopback socket, so `Host: localhost` sent to an
 * exposed port proves nothing.
 */
export function isLocalUse(request: Request, settings: SiteSettings): boolean {
  const host = parseHost(request.headers.get("host"));
  if (!host || !isLoopbackHostname(host.hostname) || settings.allowedHosts.length > 0) return false;
  const peer = peerAddress(request, settings.peerSecret ?? undefined);
  return peer === null || classifyIp(peer).category === "loopback";
}

/**
 * This app's origin as the browser sees it: the Host header (checked by the request guard) and
 * the forwarded protocol. Next.js builds `request.url` from its own idea of the host name, which
 * need not be the one the browser used.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol =
    forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.slice(0, -1);
  return `${protocol}://${host}`;
}
