// zod schema of the composer state: every place it comes back from outside (localStorage, and
// later share links) goes through here, so a corrupt or hostile value never reaches the store.
import { z } from "zod";
import { CACHE_TTLS, MCP_BETAS, TOOL_SEARCH_KINDS, type ComposerState } from "./types";

const toolFlags = {
  enabled: z.boolean().optional(),
  deferLoading: z.boolean().optional(),
};

const idSchema = z.string().min(1).max(100);

export const serverDraftSchema = z.object({
  id: idSchema,
  name: z.string().max(1000),
  url: z.string().max(4000),
  authorizationToken: z.string().max(20_000),
  defaultConfig: z.object(toolFlags),
  configs: z.array(z.object({ id: idSchema, tool: z.string().max(1000), ...toolFlags })).max(5000),
  cacheTtl: z.enum(CACHE_TTLS),
});

export const composerStateSchema = z.object({
  model: z.string().max(200),
  maxTokens: z.number().int().min(0).max(10_000_000),
  system: z.string().max(200_000),
  message: z.string().max(200_000),
  beta: z.enum([...MCP_BETAS, "none"]),
  toolSearch: z.enum(TOOL_SEARCH_KINDS),
  servers: z.array(serverDraftSchema).max(200),
}) satisfies z.ZodType<ComposerState>;

export function parseComposerState(
  value: unknown,
): { success: true; data: ComposerState } | { success: false; error: string } {
  const result = composerStateSchema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: z.prettifyError(result.error) };
}
