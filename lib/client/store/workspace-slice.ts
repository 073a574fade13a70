// The workspace slice: which saved request the composer came from (so Save updates it and the
// header can say there are unsaved changes), and the tokens a loaded configuration left out (the
// prompt under the header asks for them, for share links, short links and saved requests alike).
import type { SliceContext, WorkspaceSlice, OpenRequest } from "./store-types";

export const OPEN_REQUEST_KEY = "mcp-playground:open-request";

const FIELD_LIMITS = { id: 100, collectionId: 100, name: 200, fingerprint: 64 } as const;

/**
 * The open request kept in storage, checked field by field (zod stays out of the first load);
 * null when there is none or it is damaged.
 */
export function readOpenRequest(storage: Pick<Storage, "getItem">): OpenRequest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(OPEN_REQUEST_KEY) ?? "null");
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const record = raw as Record<string, unknown>;
  const keys = Object.keys(FIELD_LIMITS) as (keyof typeof FIELD_LIMITS)[];
  if (Object.keys(record).length !== keys.length) return null;
  for (const key of keys) {
    const value = record[key];
    if (typeof value !== "string" || value.length === 0 || value.length > FIELD_LIMITS[key])
      return null;
  }
  return record as unknown as OpenRequest;
}

export function createWorkspaceSlice({ set, options }: SliceContext): WorkspaceSlice {
  const storage = () => options.storage ?? localStorage;
  return {
    openRequest: null,
    secretsPrompt: null,
    setOpenRequest: (openRequest) => {
      set({ openRequest });
      try {
        if (openRequest) void storage().setItem(OPEN_REQUEST_KEY, JSON.stringify(openRequest));
        else void storage().removeItem(OPEN_REQUEST_KEY);
      } catch {
        // Storage refused: the marker lasts this page only.
      }
    },
    restoreOpenRequest: () => {
      try {
        const stored = storage().getItem(OPEN_REQUEST_KEY);
        if (typeof stored === "string")
          set({ openRequest: readOpenRequest({ getItem: () => stored }) });
      } catch {
        // Nothing to restore.
      }
    },
    askForSecrets: (prompt) =>
      set({
        secretsPrompt:
          prompt.tokenServerIds.length || prompt.urlPartServerIds.length ? prompt : null,
      }),
    dismissSecretsPrompt: (part) =>
      set((state) => {
        if (!state.secretsPrompt) return {};
        const next = {
          ...state.secretsPrompt,
          ...(part === "tokens" ? { tokenServerIds: [] } : { urlPartServerIds: [] }),
        };
        return {
          secretsPrompt: next.tokenServerIds.length || next.urlPartServerIds.length ? next : null,
        };
      }),
  };
}
