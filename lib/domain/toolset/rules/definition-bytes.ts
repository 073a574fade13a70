// The API's other available-tools limit: at most 4 MB of tool definitions in a request (400
// available_tools_limit_exceeded), over the tools still enabled once every tool change has applied
// — the emulator counts them the same way (lib/server/emulator/tool-lists.ts). Sizes come from
// the discovered definitions' JSON, so only discovered servers count, and the figure is an estimate
// of what the API measures.
import { finalToolsets } from "@/lib/domain/request/tool-changes";
import { resolveTool, type ToolsetLayers } from "../merge";
import type { Report, ToolDefinition, ValidationContext } from "../problems";

export const MAX_DEFINITION_BYTES = 4 * 1024 * 1024;

interface DefinitionSizes {
  byName: ReadonlyMap<string, number>;
  /** All of the server's definitions together. */
  total: number;
}

/** Measured once per discovered list (the same object across edits). */
const sizesOf = new WeakMap<readonly ToolDefinition[], DefinitionSizes>();

function definitionSizes(tools: readonly ToolDefinition[]): DefinitionSizes {
  let sizes = sizesOf.get(tools);
  if (!sizes) {
    const byName = new Map<string, number>();
    let total = 0;
    for (const { name, title, description, inputSchema, outputSchema, annotations } of tools) {
      const bytes = JSON.stringify({
        name,
        title,
        description,
        inputSchema,
        outputSchema,
        annotations,
      }).length;
      byName.set(name, bytes);
      total += bytes;
    }
    sizesOf.set(tools, (sizes = { byName, total }));
  }
  return sizes;
}

export function validateDefinitionBytes(
  request: { tools?: unknown; messages?: unknown },
  context: ValidationContext,
  report: Report,
): void {
  const definitions = context.toolDefinitions;
  if (!definitions) return;
  const sizes: Record<string, DefinitionSizes> = {};
  for (const [server, tools] of Object.entries(definitions)) sizes[server] = definitionSizes(tools);
  // All the listed definitions together under the limit cannot pass it: nothing to add up.
  let listed = 0;
  for (const server of Object.values(sizes)) listed += server.total;
  if (listed <= MAX_DEFINITION_BYTES) return;
  let offeredBytes = 0;
  for (const [server, offered] of finalToolsets(request)) {
    const known = sizes[server];
    if (!known) continue;
    const removed = new Set(offered.removedTools);
    const layers = offered.toolset as unknown as ToolsetLayers;
    for (const [name, bytes] of known.byName)
      if (!removed.has(name) && resolveTool(layers, name).enabled.value) offeredBytes += bytes;
  }
  if (offeredBytes > MAX_DEFINITION_BYTES)
    report(
      "error",
      "too_many_definition_bytes",
      "tools",
      `The enabled tools' definitions come to about ${(offeredBytes / 1024 / 1024).toFixed(1)} MB: the API allows at most 4 MB (error_code available_tools_limit_exceeded). Disable tools, or split the servers over requests.`,
      `The available tools' definitions exceed 4 MB.`,
    );
}
