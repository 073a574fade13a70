/** Where the composer state is kept in localStorage; the layout's theme script reads it too. */
export const STORAGE_KEY = "mcp-playground:composer";

/** The active environment (its secret values blanked). */
export const ENVIRONMENT_KEY = "mcp-playground:environment";
