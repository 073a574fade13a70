/** Where the run history is kept in localStorage (its own module: the page reads it without the rest). */
export const HISTORY_STORAGE_KEY = "mcp-connector-playground:history";
