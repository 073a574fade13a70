// Where a short link points: `/s/<id>`. Apart from the wire schemas so the page can look for one
// without loading them.

/** `/s/<id>` */
export function shortLinkPath(id: string): string {
  return `/s/${id}`;
}

/** The short link id in a page's path, or null when the page was not opened from one. */
export function readShortLinkPath(pathname: string): string | null {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}
