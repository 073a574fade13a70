// Server URLs can carry secrets of their own: `https://user:pass@host/…`, `?api_key=…`, or a
// long random path segment that is the key. Share links, history and exported code leave the first
// two out unless the person chose to keep them; the third is only guessed, so it gets a warning.

export interface UrlSecretParts {
  /** A user name or password in the URL. */
  credentials: boolean;
  /** A query string (or a fragment). */
  query: boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function urlSecretParts(url: string): UrlSecretParts {
  const parsed = parse(url);
  if (!parsed) return { credentials: false, query: false };
  return {
    credentials: parsed.username !== "" || parsed.password !== "",
    query: parsed.search !== "" || parsed.hash !== "",
  };
}

export function hasUrlSecrets(url: string): boolean {
  const parts = urlSecretParts(url);
  return parts.credentials || parts.query;
}

/** "the user name and password", "the query string" or both, for sentences. */
export function describeUrlSecrets(url: string): string {
  const parts = urlSecretParts(url);
  return [
    parts.credentials ? "the user name and password" : "",
    parts.query ? "the query string" : "",
  ]
    .filter(Boolean)
    .join(" and ");
}

/** The URL without credentials, query or fragment; a URL that does not parse is kept as it is. */
export function withoutUrlSecrets(url: string): string {
  const parsed = parse(url);
  if (!parsed || !hasUrlSecrets(url)) return url;
  parsed.username = "";
  parsed.password = "";
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

/**
 * Path segments that look like a key rather than a name: 20 characters or more, drawn from several
 * character classes, with few repeats (a UUID, a hex digest, a base64 token).
 */
export function randomLookingSegments(url: string): string[] {
  const parsed = parse(url);
  if (!parsed) return [];
  return parsed.pathname
    .split("/")
    .map((segment) => decodeURIComponent(segment))
    .filter((segment) => segment.length >= 20 && looksRandom(segment));
}

function looksRandom(segment: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((pattern) => pattern.test(segment)).length;
  if (classes < 2) return false;
  const distinct = new Set(segment).size;
  // English-like path words repeat letters a lot; keys do not.
  return distinct / segment.length > 0.4 || /^[0-9a-f-]{32,}$/i.test(segment);
}
