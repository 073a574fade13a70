// No error text carries a secret: each secret given (an authorization token, an API key), and the
// forms it takes when quoted — URL-encoded, JSON-escaped — is replaced by a mark, wherever a
// library, a server or our own message puts it.

const MARK = "[secret removed]";

/** The forms in which `secret` may appear inside a message. */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  let encoded = secret;
  try {
    encoded = encodeURIComponent(secret);
  } catch {
    // A lone surrogate cannot be URL-encoded: the other forms still apply.
  }
  return [...new Set([secret, json, encoded, secret.trim()])].filter((form) => form.length >= 4);
}

export function redactSecrets(
  text: string,
  secrets: readonly (string | null | undefined)[],
): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    // The longest forms first, so a shorter form inside a longer one does not leave a tail.
    for (const form of forms(secret).sort((a, b) => b.length - a.length))
      out = out.split(form).join(MARK);
  }
  return out;
}

/** Whether a value can be sent in an HTTP header: visible ASCII, spaces and tabs only. */
export function isHeaderSafe(value: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(value);
}
