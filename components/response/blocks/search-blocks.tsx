"use client";

import type {
  BetaMCPToolListingBlock,
  BetaServerToolUseBlock,
  BetaToolSearchToolResultBlock,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { cn } from "@/components/ui/cn";
import { resolveToolReference } from "@/lib/domain/tool-search/search";

/** The tool search call as the search it is: which search, for what, how many at most. */
export function ToolSearchCallView({ block }: { block: BetaServerToolUseBlock }) {
  const input = block.input as { pattern?: unknown; query?: unknown; limit?: unknown };
  const kind = block.name === "tool_search_tool_regex" ? "regex" : "BM25";
  const what =
    typeof input.pattern === "string"
      ? input.pattern
      : typeof input.query === "string"
        ? input.query
        : "";
  return (
    <div
      id={`block-${block.id}`}
      className="rounded-lg border border-line bg-sunken px-3 py-2 text-sm"
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="rounded bg-accent-soft px-1.5 py-px text-[10px] font-bold tracking-wide text-accent uppercase">
          Tool search
        </span>
        <span className="text-xs text-muted">{kind}</span>
        <code className="font-mono font-semibold break-all" data-testid="search-input">
          {kind === "regex" ? `/${what}/i` : `“${what}”`}
        </code>
        <span className="text-xs text-muted">
          limit {typeof input.limit === "number" ? input.limit : "5 (default)"}
        </span>
        <code className="ml-auto font-mono text-[11px] text-muted">{block.id}</code>
      </div>
    </div>
  );
}

/** What a tool search found: each tool (server and name, linked to its preview row), or its error. */
export function ToolSearchResultView({
  block,
  serverNames,
}: {
  block: BetaToolSearchToolResultBlock;
  serverNames: readonly string[];
}) {
  const content = block.content;
  if (content.type === "tool_search_tool_result_error") {
    return (
      <div className="ml-4 rounded-lg border-2 border-danger bg-danger-soft px-3 py-2 text-sm">
        <span className="rounded bg-danger px-2 py-0.5 text-xs font-bold text-panel">
          SEARCH ERROR
        </span>{" "}
        <code className="font-mono">{content.error_code}</code>
        {content.error_message ? <p className="mt-1">{content.error_message}</p> : null}
      </div>
    );
  }
  // Which server each reference is on: its name is server_tool (unconfirmed) or the bare name.
  const candidates = serverNames.flatMap((server) =>
    content.tool_references.map((reference) => ({
      server,
      name: reference.tool_name.startsWith(`${server}_`)
        ? reference.tool_name.slice(server.length + 1)
        : reference.tool_name,
    })),
  );
  return (
    <div className="ml-4 rounded-lg border border-ok/40 bg-ok-soft px-3 py-2 text-sm">
      <p className="text-xs text-muted">
        ↳ found {content.tool_references.length} tool
        {content.tool_references.length === 1 ? "" : "s"}
        <span className="ml-1">(the reference name format is unconfirmed)</span>
      </p>
      <ol className="mt-1 flex flex-wrap gap-1.5" data-testid="search-results">
        {content.tool_references.map((reference, index) => {
          const found = resolveToolReference(candidates, reference.tool_name);
          const label = found ? `${found.server}.${found.name}` : reference.tool_name;
          return (
            <li key={index}>
              <a
                href={found ? `#tool-row-${found.server}-${found.name}` : undefined}
                className={cn(
                  "rounded border border-line bg-panel px-1.5 py-0.5 font-mono text-xs",
                  found && "hover:underline",
                )}
                title={reference.tool_name}
              >
                {label}
              </a>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A tool listing the API fetched (mcp-client-2026-09-15): it goes back unchanged in the next turn. */
export function ToolListingView({ block }: { block: BetaMCPToolListingBlock }) {
  return (
    <details className="rounded-lg border border-line bg-sunken px-3 py-2 text-sm">
      <summary className="cursor-pointer">
        <span className="rounded bg-accent-soft px-1.5 py-px text-[10px] font-bold tracking-wide text-accent uppercase">
          Tool listing
        </span>{" "}
        <code className="font-mono">{block.mcp_server_name}</code>: {block.tools.length} tools, sent
        back with the conversation so the server is not asked again
      </summary>
      <ul className="mt-2 columns-2 font-mono text-xs">
        {block.tools.map((tool) => (
          <li key={tool.name}>{tool.name}</li>
        ))}
      </ul>
    </details>
  );
}
