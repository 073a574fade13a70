import "server-only";
// Ids in the API's shapes: msg_…, mcptoolu_…, req_… (base62, 24 characters after the prefix).
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export type IdPrefix = "msg" | "mcptoolu" | "req" | "toolu" | "srvtoolu" | "msgbatch";

export function createApiId(prefix: IdPrefix): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let id = "01";
  for (let i = 2; i < 24; i += 1) id += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return `${prefix}_${id}`;
}
