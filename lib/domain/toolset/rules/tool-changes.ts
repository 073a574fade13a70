// Tool changes mid-conversation (lib/domain/request/tool-changes.ts): the betas they need, the
// servers they name, conflicts while replaying them, and the deferred-tools limit on what is
// offered once they have all applied. Beta errors' exact texts are unconfirmed ([?]): the
// emulator answers these words.
import {
  changedServer,
  finalToolsets,
  INLINE_TOOLS_BETA,
  MCP_DEFINITION_BETA,
  replayToolChanges,
  TOOL_CHANGES_BETA,
  toolChangesOf,
} from "@/lib/domain/request/tool-changes";
import { resolveTool, type ToolsetLayers } from "../merge";
import type { Report, ValidationContext } from "../problems";

const MAX_DEFERRED_TOOLS = 10_000;

export function validateToolChanges(
  request: { tools?: unknown; messages?: unknown },
  betas: readonly string[],
  serverNames: ReadonlyMap<string, number>,
  context: ValidationContext,
  report: Report,
): void {
  const changes = toolChangesOf(request.messages);
  if (changes.length === 0) return;
  const inline = betas.includes(INLINE_TOOLS_BETA);
  const references = inline || betas.includes(TOOL_CHANGES_BETA);
  const unresolvedPaths = new Set<string>();
  for (const { messageIndex, blockIndex, block } of changes) {
    const path = `messages.${messageIndex}.content.${blockIndex}`;
    const definition = block.tool?.type === "tool_definition";
    if (definition && !inline) {
      report(
        "error",
        "tool_change_needs_beta",
        path,
        `${path}: a ${block.type} with a tool_definition needs the '${INLINE_TOOLS_BETA}' beta.`,
        `${path}: tool_definition requires the '${INLINE_TOOLS_BETA}' beta.`,
      );
    } else if (!definition && !references) {
      report(
        "error",
        "tool_change_needs_beta",
        path,
        `${path}: a ${block.type} by reference needs the '${TOOL_CHANGES_BETA}' beta (or '${INLINE_TOOLS_BETA}').`,
        `${path}: ${block.type} requires the '${TOOL_CHANGES_BETA}' or '${INLINE_TOOLS_BETA}' beta.`,
      );
    }
    const server = changedServer(block);
    if (definition && server && !betas.includes(MCP_DEFINITION_BETA)) {
      report(
        "error",
        "tool_change_needs_beta",
        `${path}.tool.definition`,
        `${path}: an mcp_toolset defined in a tool_addition also needs the '${MCP_DEFINITION_BETA}' beta.`,
        `${path}.tool.definition: mcp_toolset requires the '${MCP_DEFINITION_BETA}' beta.`,
      );
    }
    if (server && !serverNames.has(server)) {
      unresolvedPaths.add(`${path}.tool`);
      report(
        "error",
        "tool_reference_unresolved",
        `${path}.tool`,
        `${path}: MCP server '${server}' is not defined in mcp_servers (tool_reference_unresolved). A tool change names a server; its URL and token stay in mcp_servers.`,
        `${path}.tool: MCP server '${server}' is not defined in mcp_servers.`,
      );
    }
  }
  const { problems } = replayToolChanges(request);
  // A change whose server is not defined at all was said above, once.
  for (const problem of problems)
    if (!unresolvedPaths.has(problem.path))
      report("error", problem.code, problem.path, problem.message, problem.message);

  // What is offered once every change applied, against the API's deferred-tools limit.
  const known = context.serverTools;
  if (!known) return;
  let deferred = 0;
  for (const [server, offered] of finalToolsets(request)) {
    const removed = new Set(offered.removedTools);
    const layers = offered.toolset as unknown as ToolsetLayers;
    for (const name of known[server] ?? []) {
      if (removed.has(name)) continue;
      const tool = resolveTool(layers, name);
      if (tool.enabled.value && tool.deferLoading.value) deferred += 1;
    }
  }
  if (deferred > MAX_DEFERRED_TOOLS)
    report(
      "error",
      "too_many_deferred_tools",
      "messages",
      `After the tool changes, ${deferred} deferred tools are offered: the API allows at most ${MAX_DEFERRED_TOOLS.toLocaleString("en-US")} (error_code available_tools_limit_exceeded).`,
    );
}
