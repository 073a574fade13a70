// A rough token count (~4 characters a token), used the same way by the preview's "what is sent"
// figures and by the emulator's usage, so deferring tools visibly lowers both.
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface ToolDefinitionLike {
  name: string;
  description?: string;
  inputSchema?: unknown;
}

const definitionTokens = new WeakMap<ToolDefinitionLike, number>();

/** The tokens a tool's definition costs when it is sent up front; computed once per tool object. */
export function estimateDefinitionTokens(tool: ToolDefinitionLike): number {
  const cached = definitionTokens.get(tool);
  if (cached !== undefined) return cached;
  const tokens = countDefinitionTokens(tool);
  definitionTokens.set(tool, tokens);
  return tokens;
}

function countDefinitionTokens(tool: ToolDefinitionLike): number {
  return estimateTokens(
    JSON.stringify({
      name: tool.name,
      description: tool.description ?? "",
      input_schema: tool.inputSchema ?? {},
    }),
  );
}
