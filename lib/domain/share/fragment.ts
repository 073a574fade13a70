// Where a share link keeps its configuration: `#s=…`, a fragment the browser never sends to a
// server. Apart from the codec so the page can look for a link without loading the codec.
export const SHARE_PARAM = "s";

/** Reads `#s=…` from a location hash; null when the hash holds no share link. */
export function readShareFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get(SHARE_PARAM);
}
