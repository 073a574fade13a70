import "server-only";
// Who the server answers: a request whose Host is not this app's (DNS rebinding), a browser
// request from another site (Origin, Sec-Fetch-Site), and a JSON route's body sent as anything but
// JSON (the text/plain trick that skips a CORS preflight) are refused with words. Requests without
// an Origin — curl, the SDKs, exported snippets — are not browsers' and pass the origin checks.
import { errorResponse } from "./error-response";
import { isAllowedHost, parseHost, type SiteSettings } from "./site-settings";

export interface GuardOptions {
  /** The route reads a JSON body: POST, PATCH and PUT must say `application/json`. */
  json?: boolean;
}

export type GuardVerdict =
  { ok: true } | { ok: false; status: number; kind: string; message: string };

/** The Host check alone: pages answer links from anywhere, but only under this app's names. */
export function checkHost(request: Request, settings: SiteSettings): GuardVerdict {
  const hostHeader = request.headers.get("host");
  const host = parseHost(hostHeader);
  if (!host || !isAllowedHost(host, settings)) {
    return {
      ok: false,
      status: 421,
      kind: "host_not_allowed",
      message: `This playground does not answer to the host '${clean(hostHeader)}'. If that name is yours, add it to PLAYGROUND_ALLOWED_HOSTS.`,
    };
  }
  return { ok: true };
}

export function checkRequest(
  request: Request,
  settings: SiteSettings,
  options: GuardOptions = {},
): GuardVerdict {
  const hostVerdict = checkHost(request, settings);
  if (!hostVerdict.ok) return hostVerdict;
  const hostHeader = request.headers.get("host");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") {
    return crossSite(`the browser marked it ${fetchSite}`);
  }
  const origin = request.headers.get("origin");
  // A browser's own word that the request comes from this origin (a page cannot forge the
  // header). It matters for form posts, whose Origin is "null" under Referrer-Policy: no-referrer.
  const sameOriginByBrowser = fetchSite === "same-origin";
  if (origin !== null && !sameOriginByBrowser) {
    const originHost = originHostOf(origin);
    const ownHosts = [hostHeader, request.headers.get("x-forwarded-host")]
      .map((value) => value?.split(",")[0]?.trim().toLowerCase())
      .filter(Boolean);
    if (!originHost || !ownHosts.includes(originHost))
      return crossSite(`it comes from ${clean(origin)}`);
  }
  if (options.json && ["POST", "PATCH", "PUT"].includes(request.method)) {
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
      return {
        ok: false,
        status: 415,
        kind: "unsupported_media_type",
        message: `Send the body as JSON with 'content-type: application/json' (this request said '${clean(type) || "nothing"}').`,
      };
    }
  }
  return { ok: true };
}

function crossSite(why: string): GuardVerdict {
  return {
    ok: false,
    status: 403,
    kind: "cross_site",
    message: `Refused a request from another site (${why}): this route answers the playground's own pages and non-browser clients only.`,
  };
}

function originHostOf(origin: string): string | null {
  if (origin === "null") return null;
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** A header value fit to quote back: short, printable. */
function clean(value: string | null | undefined): string {
  return (value ?? "").replace(/[^\x20-\x7e]/g, "?").slice(0, 100);
}

/** The refusal in the one error shape, its reason as `kind`. */
export function refusalResponse(verdict: Extract<GuardVerdict, { ok: false }>): Response {
  return errorResponse(verdict.status, verdict.message, { fields: { kind: verdict.kind } });
}
