import "server-only";
// Where the emulator gets each server's tools, as the API does: a pinned `tools` list on the
// toolset (mcp-client-2026-09-15) wins; else a `mcp_tool_listing` for that server in the history
// (2026-09-15); else the server's live tools/list. Then the toolset's merge sorts them into
// callable, deferred and disabled, and the API's available-tools limits are enforced.
import type {
  BetaMCPToolListingBlock,
  BetaMCPToolset,
  BetaMessageParam,
  BetaRequestMCPServerURLDefinition,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { resolveTool } from "@/lib/domain/toolset/merge";
import { ApiError } from "./errors";
import type { ServerView, ToolView } from "./scripted-model";

export const PINNING_BETA = "mcp-client-2026-09-15";
/** The API's available-tools limits (available_tools_limit_exceeded). */
export const AVAILABLE_TOOLS_LIMITS = { deferredTools: 10_000, definitionBytes: 4 * 1024 * 1024 };

export type ToolListSource = "pinned" | "history" | "live";

/** The last `mcp_tool_listing` per server in the conversation's assistant turns. */
export function historyListings(messages: readonly BetaMessageParam[]): Map<string, ToolView[]> {
  const listings = new Map<string, ToolView[]>();
  for (const message of messages) {
    if (message.role !== "assistant" || !Array.isArray(message.content)) continue;
    for (const block of message.content) {
      if (block.type !== "mcp_tool_listing") continue;
      listings.set(
        block.mcp_server_name,
        block.tools.map((tool) => ({
          name: tool.name,
          ...(tool.description ? { description: tool.description } : {}),
          inputSchema: tool.input_schema,
        })),
      );
    }
  }
  return listings;
}

export function pinnedTools(toolset: BetaMCPToolset | undefined): ToolView[] | null {
  if (!toolset?.tools) return null;
  return toolset.tools.map((tool) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    inputSchema: tool.input_schema,
  }));
}

export function listingBlock(
  serverName: string,
  tools: readonly ToolView[],
): BetaMCPToolListingBlock {
  return {
    type: "mcp_tool_listing",
    mcp_server_name: serverName,
    tools: tools.map((tool) => ({
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      input_schema: tool.inputSchema,
    })),
  };
}

/** Tools already surfaced by a tool search earlier in the conversation (they stay loaded). */
export function referencedInHistory(messages: readonly BetaMessageParam[]): Set<string> {
  const names = new Set<string>();
  for (const message of messages) {
    if (!Array.isArray(message.content)) continue;
    for (const block of message.content) {
      if (block.type !== "tool_search_tool_result") continue;
      const content = block.content;
      if (content.type === "tool_search_tool_search_result")
        for (const reference of content.tool_references) names.add(reference.tool_name);
    }
  }
  return names;
}

/**
 * The toolset's merge over a server's tools. A deferred tool that a search surfaced earlier in
 * the conversation is callable, as the API keeps discovered tools loaded.
 */
export function viewServer(
  server: BetaRequestMCPServerURLDefinition,
  toolset: BetaMCPToolset | undefined,
  tools: readonly ToolView[],
  surfaced: ReadonlySet<string>,
): ServerView {
  const view: ServerView = { name: server.name, callable: [], deferred: [], disabled: [] };
  const legacy = toolset ? null : server.tool_configuration;
  for (const tool of tools) {
    let enabled: boolean;
    let deferred: boolean;
    if (toolset) {
      const merged = resolveTool(toolset, tool.name);
      enabled = merged.enabled.value;
      deferred = merged.deferLoading.value;
    } else {
      // The deprecated 2025-04-04 shape: tool_configuration inside the server.
      enabled =
        legacy?.enabled !== false &&
        (!legacy?.allowed_tools || legacy.allowed_tools.includes(tool.name));
      deferred = false;
    }
    const wasSurfaced = surfaced.has(`${server.name}_${tool.name}`) || surfaced.has(tool.name);
    if (!enabled) view.disabled.push(tool.name);
    else if (deferred && !wasSurfaced) view.deferred.push(tool);
    else view.callable.push(tool);
  }
  return view;
}

/** 400 available_tools_limit_exceeded past 10,000 deferred tools or 4 MB of definitions. */
export function checkAvailableTools(views: readonly ServerView[]): void {
  const deferred = views.reduce((sum, view) => sum + view.deferred.length, 0);
  if (deferred > AVAILABLE_TOOLS_LIMITS.deferredTools) {
    throw new ApiError(
      400,
      `This request makes ${deferred} deferred tools available; at most ${AVAILABLE_TOOLS_LIMITS.deferredTools} are allowed.`,
      "available_tools_limit_exceeded",
    );
  }
  const bytes = views.reduce(
    (sum, view) =>
      sum +
      [...view.callable, ...view.deferred].reduce(
        (inner, tool) => inner + JSON.stringify(tool).length,
        0,
      ),
    0,
  );
  if (bytes > AVAILABLE_TOOLS_LIMITS.definitionBytes) {
    throw new ApiError(
      400,
      `The available tools' definitions come to ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 4 MB are allowed.`,
      "available_tools_limit_exceeded",
    );
  }
}
