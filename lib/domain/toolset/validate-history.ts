// The conversation's MCP blocks that only a newer beta knows: an `mcp_tool_listing` sent back
// needs `mcp-client-2026-09-15` (without it the API's answer is undocumented: the emulator's
// default is a 400), and must name a server the request defines (`tool_reference_unresolved`).
export interface HistoryProblem {
  code: "listing_needs_beta" | "listing_server_unknown";
  path: string;
  message: string;
}

export function validateHistoryBlocks(
  messages: unknown,
  options: { pinningBeta: boolean; serverNames: ReadonlySet<string> },
): HistoryProblem[] {
  if (!Array.isArray(messages)) return [];
  const problems: HistoryProblem[] = [];
  messages.forEach((message: unknown, i) => {
    const content = (message as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) return;
    content.forEach((block: unknown, j) => {
      const listing = block as { type?: unknown; mcp_server_name?: unknown } | null;
      if (listing?.type !== "mcp_tool_listing") return;
      const path = `messages.${i}.content.${j}`;
      if (!options.pinningBeta) {
        problems.push({
          code: "listing_needs_beta",
          path,
          message: `${path}: an mcp_tool_listing block needs the 'mcp-client-2026-09-15' beta (it is how that beta reuses a listing).`,
        });
      } else if (
        typeof listing.mcp_server_name !== "string" ||
        !options.serverNames.has(listing.mcp_server_name)
      ) {
        problems.push({
          code: "listing_server_unknown",
          path,
          message: `${path}: the listing names MCP server '${String(listing.mcp_server_name)}', which mcp_servers does not define (tool_reference_unresolved).`,
        });
      }
    });
  });
  return problems;
}
