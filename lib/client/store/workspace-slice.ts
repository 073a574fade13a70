// The workspace slice: which saved request the composer came from (so Save updates it and the
// header can say there are unsaved changes), and the tokens a loaded configuration left out (the
// prompt under the header asks for them, for share links, short links and saved requests alike).
import type { SliceContext, WorkspaceSlice, OpenRequest } from "./store-types";

export const OPEN_REQUEST_KEY = "mcp-playground:open-request";
import { ENVIRONMENT_KEY } from "./storage-key";

export { ENVIRONMENT_KEY };

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
  const keep = (key: string, value: unknown) => {
    try {
      if (value) void storage().setItem(key, JSON.stringify(value));
      else void storage().removeItem(key);
    } catch {
      // Storage refused: it lasts this page only.
    }
  };
  return {
    openRequest: null,
    secretsPrompt: null,
    activeEnvironment: null,
    environmentSecrets: {},
    setActiveEnvironment: (environment) => {
      // Callers are the lazily loaded environment components: they blank secret values first
      // (withoutSecretValues), so none is kept in storage.
      set({ activeEnvironment: environment });
      keep(ENVIRONMENT_KEY, environment);
    },
    setEnvironmentSecret: (name, value) =>
      set((state) => ({ environmentSecrets: { ...state.environmentSecrets, [name]: value } })),
    setOpenRequest: (openRequest) => {
      set({ openRequest });
      keep(OPEN_REQUEST_KEY, openRequest);
    },
    restoreOpenRequest: () => {
      try {
        const stored = storage().getItem(OPEN_REQUEST_KEY);
        if (typeof stored === "string")
          set({ openRequest: readOpenRequest({ getItem: () => stored }) });
        const environment = storage().getItem(ENVIRONMENT_KEY);
        // Its checker loads only when there is one to read: most pages have none.
        if (typeof environment === "string")
          void import("./environment-storage").then(
            ({ readActiveEnvironment }) =>
              set({ activeEnvironment: readActiveEnvironment({ getItem: () => environment }) }),
            () => undefined,
          );
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
