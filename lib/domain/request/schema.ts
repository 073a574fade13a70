// zod schema of the composer state: every place it comes back from outside (localStorage, and
// later share links) goes through here, so a corrupt or hostile value never reaches the store.
import { z } from "zod";
import { requestOptionsSchema } from "./options";
import { contentBlocksSchema, describeIssue } from "@/lib/domain/blocks/schema";
import { CACHE_TTLS, MCP_BETAS, TOOL_SEARCH_KINDS, type ComposerState } from "./types";

const toolFlags = {
  enabled: z.boolean().optional(),
  deferLoading: z.boolean().optional(),
};

const idSchema = z.string().min(1).max(100);

export const pinnedToolSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(100_000).optional(),
  inputSchema: z.record(z.string(), z.unknown()),
});

export const serverDraftSchema = z.object({
  id: idSchema,
  name: z.string().max(1000),
  url: z.string().max(4000),
  authorizationToken: z.string().max(20_000),
  defaultConfig: z.object(toolFlags),
  configs: z.array(z.object({ id: idSchema, tool: z.string().max(1000), ...toolFlags })).max(5000),
  cacheTtl: z.enum(CACHE_TTLS),
  keepUrlSecrets: z.boolean().optional(),
  pinnedTools: z.array(pinnedToolSchema).max(10_000).optional(),
  stdio: z
    .object({
      command: z.string().max(4000),
      args: z.array(z.string().max(4000)).max(200),
      env: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/)).max(200),
    })
    .optional(),
  readOnlyAllowlist: z.boolean().optional(),
});

/**
 * A turn's content: text, or blocks — those the app renders checked field by field, the rest kept
 * as they are (they go back to the API unchanged).
 */
export const turnContentSchema = z.union([z.string().max(200_000), contentBlocksSchema]);

export const conversationTurnSchema = z.object({
  id: idSchema,
  // "system": a tool change between turns.
  role: z.enum(["user", "assistant", "system"]),
  content: turnContentSchema,
});

export const composerStateSchema = z.object({
  model: z.string().max(200),
  maxTokens: z.number().int().min(0).max(10_000_000),
  system: z.string().max(200_000),
  // Saved before conversations and streaming existed: no turns, streaming on.
  conversation: z.array(conversationTurnSchema).max(500).default([]),
  message: z.string().max(200_000),
  stream: z.boolean().default(true),
  beta: z.enum([...MCP_BETAS, "none"]),
  toolSearch: z.enum(TOOL_SEARCH_KINDS),
  servers: z.array(serverDraftSchema).max(200),
  options: requestOptionsSchema.optional(),
  // Checked when evaluated (lib/domain/checks/spec), like a collection file's.
  checks: z
    .array(z.object({ id: idSchema, spec: z.record(z.string(), z.unknown()) }))
    .max(200)
    .optional(),
});

export function parseComposerState(
  value: unknown,
): { success: true; data: ComposerState } | { success: false; error: string } {
  const result = composerStateSchema.safeParse(value);
  // The blocks are checked only down to their `type`; the API judges the rest.
  if (result.success) return { success: true, data: result.data as ComposerState };
  return { success: false, error: describeIssue(result.error) };
}
