// The headers every response carries, and the page's Content-Security-Policy: scripts only from
// this origin and with this response's nonce, images only from here or data: URLs, connections
// only to this origin, never framed. Pure, so the policy is tested as text.

/**
 * For every response (next.config.ts `headers()`). No Cross-Origin-Opener-Policy: the sign-in
 * popup goes through the authorization server's origin and must stay this tab's window.
 */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** For API responses: nothing in them is ever to be run or framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function pageContentSecurityPolicy(options: {
  nonce: string;
  development: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced Next.js runtime load its own chunks; nothing remote.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's style={…}) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce for one response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
