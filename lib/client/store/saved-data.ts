// What this app keeps in the browser, as one JSON document a person can download before resetting
// it (the escape hatch of the pane error boundary). Tokens are blanked in the copy: a file on disk
// is not the place for them, and they are easy to paste again.
import { HISTORY_STORAGE_KEY } from "@/lib/domain/history/storage-key";
import { STORAGE_KEY } from "./storage-key";

export const SAVED_DATA_KEYS = [STORAGE_KEY, HISTORY_STORAGE_KEY] as const;
const SECRET_FIELDS = new Set(["authorizationToken", "authorization_token", "browserApiKey"]);

type ReadableStorage = Pick<Storage, "getItem">;

/** The saved entries, each parsed when it parses (kept as text when it does not), tokens blanked. */
export function collectSavedData(storage: ReadableStorage): string {
  const entries: Record<string, unknown> = {};
  for (const key of SAVED_DATA_KEYS) {
    const text = storage.getItem(key);
    if (text === null) continue;
    try {
      entries[key] = blankSecrets(JSON.parse(text));
    } catch {
      entries[key] = text.replace(
        /"(authorizationToken|authorization_token)"\s*:\s*"[^"]*"/g,
        '"$1":""',
      );
    }
  }
  return JSON.stringify({ savedBy: "mcp-connector-playground", entries }, null, 2);
}

function blankSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blankSecrets);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_FIELDS.has(key) && typeof inner === "string" ? "" : blankSecrets(inner),
    ]),
  );
}

export function clearSavedData(storage: Pick<Storage, "removeItem">): void {
  for (const key of SAVED_DATA_KEYS) storage.removeItem(key);
}
