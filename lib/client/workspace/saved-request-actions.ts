// Saving the composer into a collection and opening a saved request back into it: the encoded
// configuration both ways (tokens never in it), tokens already typed kept for the same servers.
import type { NewId } from "@/lib/domain/request/composer";
import type { ComposerState } from "@/lib/domain/request/types";
import { decodeShareState, encodeShareState, MAX_STORED_CHARS } from "@/lib/domain/share/codec";
import { carryTokens } from "@/lib/domain/workspace/carry-tokens";
import type { SavedRequest } from "@/lib/domain/workspace/wire";
import { getRequest, saveRequest, updateRequest } from "./workspace-client";

export interface SaveInput {
  composer: ComposerState;
  fields: { name: string; folder: string; description: string };
  collectionId: string;
  /** Update this saved request; null saves a new one ("Save as"). */
  openRequestId: string | null;
}

export type SaveOutcome = { ok: true; saved: SavedRequest } | { ok: false; message: string };

export async function saveComposer(input: SaveInput): Promise<SaveOutcome> {
  const state = encodeShareState(input.composer);
  const answer = input.openRequestId
    ? await updateRequest(input.openRequestId, { ...input.fields, state })
    : await saveRequest({ ...input.fields, collectionId: input.collectionId, state });
  return answer.ok
    ? { ok: true, saved: answer.data }
    : { ok: false, message: answer.error.message };
}

export type OpenOutcome =
  | { ok: true; state: ComposerState; stillNeedingToken: string[]; missingUrlParts: string[] }
  | { ok: false; message: string };

export async function openSavedRequest(
  id: string,
  current: ComposerState,
  newId: NewId,
): Promise<OpenOutcome> {
  const answer = await getRequest(id);
  if (!answer.ok) return { ok: false, message: `Not opened: ${answer.error.message}` };
  const decoded = decodeShareState(answer.data.state, newId, { maxChars: MAX_STORED_CHARS });
  if (!decoded.success) return { ok: false, message: `Not opened: ${decoded.error}` };
  const carried = carryTokens(current, decoded.data.state, decoded.data.serversNeedingToken);
  return {
    ok: true,
    state: carried.state,
    stillNeedingToken: carried.stillNeeded,
    missingUrlParts: decoded.data.serversMissingUrlParts,
  };
}
