"use client";

import type { BetaContentBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { JsonBlock } from "@/components/preview/request-json";
import { useAppStore } from "@/components/store-provider";
import { selectServers } from "@/lib/client/store/selectors";
import { cn } from "@/components/ui/cn";
import { ToolListingView, ToolSearchCallView, ToolSearchResultView } from "./blocks/search-blocks";
import { TextBlockView } from "./blocks/text-block";
import { droppedImageFormats } from "@/lib/domain/blocks/image-placeholder";

/**
 * Every block of the response, in order; one this app does not know is shown as JSON, not dropped.
 * While a stream runs, `streaming` says which blocks are still open and holds their input so far.
 */
export function ResponseBlocks({
  content,
  streaming,
  label = "Response blocks",
  anchor,
}: {
  content: readonly BetaContentBlock[];
  streaming?: { open: readonly number[]; partialInput: Readonly<Record<number, string>> };
  label?: string;
  /** Gives each block an id `<anchor>-<index>` (checks jump to them). */
  anchor?: string;
}) {
  // The composer's server names tell which server a tool search's reference is on.
  const servers = useAppStore(selectServers);
  const serverNames = servers.map((server) => server.name);
  const calls = new Map<string, { server: string; name: string }>();
  for (const block of content) {
    if (block.type === "mcp_tool_use")
      calls.set(block.id, { server: block.server_name, name: block.name });
  }
  return (
    <ol className="space-y-3" aria-label={label}>
      {content.map((block, index) => {
        const open = streaming?.open.includes(index) ?? false;
        return (
          <li
            key={index}
            id={anchor ? `${anchor}-${index}` : undefined}
            tabIndex={anchor ? -1 : undefined}
            data-block-type={block.type}
            data-is-error={isErrorResult(block) ? "true" : undefined}
            data-streaming={open ? "true" : undefined}
          >
            <BlockView
              block={block}
              calls={calls}
              open={open}
              partialInput={streaming?.partialInput[index]}
              serverNames={serverNames}
            />
          </li>
        );
      })}
    </ol>
  );
}

function isErrorResult(block: BetaContentBlock): boolean {
  return block.type === "mcp_tool_result" && block.is_error === true;
}

/** A tool result's text; parts that are not text are named rather than dropped. */
function resultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: { type?: unknown; text?: unknown }) =>
      typeof part.text === "string" ? part.text : `[${String(part.type)}]`,
    )
    .join("\n");
}

function StreamingCaret() {
  return (
    <span
      aria-hidden="true"
      className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse rounded-sm bg-accent align-middle"
    />
  );
}

function BlockView({
  block,
  calls,
  open,
  partialInput,
  serverNames,
}: {
  block: BetaContentBlock;
  calls: Map<string, { server: string; name: string }>;
  open: boolean;
  partialInput: string | undefined;
  serverNames: readonly string[];
}) {
  switch (block.type) {
    case "text":
      return (
        <div className="rounded-lg px-1">
          {/* While it streams, plain text: half-written Markdown would flicker between forms. */}
          {open ? (
            <p className="text-sm leading-relaxed whitespace-pre-wrap">
              {block.text}
              <StreamingCaret />
            </p>
          ) : (
            <TextBlockView text={block.text} />
          )}
        </div>
      );
    case "thinking":
      return (
        <details className="rounded-lg border border-line bg-sunken px-3 py-2 text-sm">
          <summary className="cursor-pointer text-xs font-medium text-muted">Thinking</summary>
          <p className="mt-2 whitespace-pre-wrap text-muted">{block.thinking}</p>
        </details>
      );
    case "mcp_tool_use": {
      // `()` for a call without arguments: `(…)` would read as input left out.
      const noInput =
        !open &&
        typeof block.input === "object" &&
        block.input !== null &&
        Object.keys(block.input).length === 0;
      return (
        <div id={`block-${block.id}`} className="rounded-lg border border-line bg-sunken">
          <div className="flex flex-wrap items-baseline gap-2 border-b border-line px-3 py-1.5">
            <span className="rounded bg-accent-soft px-1.5 py-px text-[10px] font-bold tracking-wide text-accent uppercase">
              Tool call
            </span>
            <code className="font-mono text-sm font-semibold">
              {block.server_name}.{block.name}({noInput ? "" : "…"})
            </code>
            <code className="ml-auto font-mono text-[11px] text-muted">{block.id}</code>
          </div>
          {noInput ? null : (
            <pre
              // Focusable, so a keyboard can scroll a wide input sideways.
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
              tabIndex={0}
              aria-label={`Input of ${block.server_name}.${block.name}`}
              className="overflow-x-auto p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-accent"
            >
              {open ? (
                <>
                  {partialInput ?? ""}
                  <StreamingCaret />
                </>
              ) : (
                JSON.stringify(block.input, null, 2)
              )}
            </pre>
          )}
        </div>
      );
    }
    case "mcp_tool_result": {
      const call = calls.get(block.tool_use_id);
      const text = resultText(block.content);
      return (
        <div
          className={cn(
            "ml-4 rounded-lg border-2",
            block.is_error ? "border-danger bg-danger-soft" : "border-ok/40 bg-ok-soft",
          )}
        >
          <div className="flex flex-wrap items-center gap-2 px-3 py-1.5">
            <span
              className={cn(
                "rounded px-2 py-0.5 text-xs font-bold tracking-wide text-panel",
                block.is_error ? "bg-danger" : "bg-ok",
              )}
            >
              {block.is_error ? "ERROR" : "OK"}
            </span>
            <a href={`#block-${block.tool_use_id}`} className="text-xs text-muted hover:underline">
              ↳ result of {call ? `${call.server}.${call.name}` : block.tool_use_id}
            </a>
          </div>
          {droppedImageFormats(text).length ? (
            <p
              role="note"
              data-testid="image-dropped"
              className="mx-3 mb-2 rounded-md border-2 border-warn bg-warn-soft px-2 py-1 text-xs font-semibold text-warn"
            >
              The API dropped an image this tool returned ({droppedImageFormats(text).join(", ")}):
              the model saw only this placeholder text. The real API does the same (reported,
              anthropics/claude-ai-mcp#969).
            </p>
          ) : null}
          <pre className="max-h-72 overflow-auto px-3 pb-3 font-mono text-xs whitespace-pre-wrap text-ink">
            {text}
          </pre>
        </div>
      );
    }
    case "server_tool_use":
      if (block.name === "tool_search_tool_regex" || block.name === "tool_search_tool_bm25")
        return <ToolSearchCallView block={block} />;
      return <UnknownBlock block={block} />;
    case "tool_search_tool_result":
      return <ToolSearchResultView block={block} serverNames={serverNames} />;
    case "mcp_tool_listing":
      return <ToolListingView block={block} />;
    default:
      return <UnknownBlock block={block} />;
  }
}

/** A block this app has no view of its own for: shown as JSON, never dropped. */
function UnknownBlock({ block }: { block: BetaContentBlock }) {
  return (
    <div className="space-y-1">
      <p className="text-xs text-muted">
        Block <code className="font-mono">{block.type}</code>, shown as JSON:
      </p>
      <JsonBlock value={block} label={`${block.type} block`} />
    </div>
  );
}
