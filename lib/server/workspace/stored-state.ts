import "server-only";
// A configuration on its way into the database and out of it. In: decoded by the strict share
// decoder (a body with a token field is refused, since the payload has none), URL secrets removed.
// Out: the row's JSON checked again by the same schema, so a row altered in the database is
// refused rather than passed on.
import { z } from "zod";
import {
  decodeSharePayload,
  encodeSharePayload,
  MAX_STORED_CHARS,
  parseSharePayload,
  payloadWithoutUrlSecrets,
  SHARE_VERSION,
  type SharePayload,
} from "@/lib/domain/share/codec";

const storedStateSchema = z.strictObject({ version: z.number().int(), payload: z.unknown() });
export interface StoredState {
  version: number;
  payload: SharePayload;
}

export type StateResult = { ok: true; stored: StoredState } | { ok: false; message: string };

export function stateForStorage(encoded: string): StateResult {
  const decoded = decodeSharePayload(encoded, { maxChars: MAX_STORED_CHARS });
  if (!decoded.success) return { ok: false, message: decoded.error };
  return {
    ok: true,
    stored: { version: SHARE_VERSION, payload: payloadWithoutUrlSecrets(decoded.data) },
  };
}

export type EncodedResult = { ok: true; encoded: string; payload: SharePayload } | { ok: false };

/** A row's state, checked, back into the encoded form the browser decodes. */
export function encodedFromStorage(row: unknown): EncodedResult {
  const stored = storedStateSchema.safeParse(row);
  if (!stored.success || stored.data.version > SHARE_VERSION) return { ok: false };
  const payload = parseSharePayload(stored.data.payload);
  if (!payload.success) return { ok: false };
  return { ok: true, encoded: encodeSharePayload(payload.data), payload: payload.data };
}
