"use client";

import { hasHidden, visibleName } from "@/lib/domain/request/tool-names";
import { Fragment, memo } from "react";
import { cn } from "@/components/ui/cn";
import type { ServerPreview } from "@/lib/domain/request/preview";
import type { ToolInfo } from "@/lib/domain/request/types";
import type { ToolFlag } from "@/lib/domain/request/tool-toggle";
import { OTHER_TOOLS_NAME, type MergedTool, type ResolvedValue } from "@/lib/domain/toolset/merge";

const SOURCE_LABELS: Record<ResolvedValue["source"], string> = {
  configs: "configs",
  default_config: "default_config",
  default: "default",
};

export interface MergedRowProps {
  serverId: string;
  serverName: string;
  tool: MergedTool;
  info: ToolInfo | undefined;
  onToggle: (serverId: string, tool: string, flag: ToolFlag) => void;
  /** Opens the Try dialog for a discovered tool. */
  onTry?: (tool: string) => void;
  /** Whether the tool's details row is open, and how to open or close it. */
  expanded?: boolean;
  onDetails?: (tool: string) => void;
  toolSource: ServerPreview["toolListSource"];
  /** The request has a tool search tool: a deferred row can be found by it. */
  searchable: boolean;
  /** Virtualised rows: the row's position (1-based, after the header row) and its measurer. */
  rowIndex?: number;
  measureRef?: (element: HTMLTableRowElement | null) => void;
}

/**
 * One tool's row. Memoised on the values it shows: an edit re-derives every row object, but only
 * rows whose values changed render again, so a server with hundreds of tools stays responsive.
 */
export const MergedRow = memo(function MergedRow({
  serverId,
  serverName,
  tool,
  info,
  onToggle,
  onTry,
  expanded = false,
  onDetails,
  toolSource,
  searchable,
  rowIndex,
  measureRef,
}: MergedRowProps) {
  const isOther = tool.name === OTHER_TOOLS_NAME;
  const deferred = tool.enabled.value && tool.deferLoading.value;
  const toggle = isOther ? undefined : (flag: ToolFlag) => onToggle(serverId, tool.name, flag);
  return (
    <tr
      ref={measureRef}
      data-index={rowIndex === undefined ? undefined : rowIndex - 2}
      aria-rowindex={rowIndex}
      data-testid="merged-row"
      data-server={serverName}
      data-tool={tool.name}
      data-enabled={String(tool.enabled.value)}
      data-defer-loading={String(tool.deferLoading.value)}
      data-enabled-source={tool.enabled.source}
      data-defer-loading-source={tool.deferLoading.source}
      data-destructive={info?.destructive ? "true" : undefined}
      data-tool-source={toolSource}
      data-searchable={deferred ? String(searchable) : undefined}
      id={isOther ? undefined : `tool-row-${serverName}-${tool.name}`}
      className={cn("border-t border-line", !tool.enabled.value && "text-muted")}
    >
      <th scope="row" className="px-3 py-1.5 text-left font-normal" title={info?.description}>
        {isOther ? (
          <span className="text-muted italic">every other tool</span>
        ) : (
          <span className="inline-flex flex-wrap items-center gap-1.5">
            {/* The disclosure and the name stay on one line while a long name wraps. */}
            <span className="inline-flex min-w-0 items-baseline gap-0.5">
              {info && onDetails ? (
                <button
                  type="button"
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailsId(serverId, tool.name) : undefined}
                  aria-label={`Details of ${tool.name}`}
                  className="-ml-1 rounded px-0.5 text-muted hover:bg-sunken hover:text-ink"
                  onClick={() => onDetails(tool.name)}
                >
                  <span aria-hidden="true" className={cn("inline-block", expanded && "rotate-90")}>
                    ▸
                  </span>
                </button>
              ) : null}
              <span
                className={cn(
                  "font-mono text-[13px] [overflow-wrap:anywhere]",
                  !tool.enabled.value && "line-through",
                )}
              >
                <Breakable text={visibleName(tool.name)} />
              </span>
            </span>
            {hasHidden(tool.name) ? (
              <span
                className="rounded bg-warn-soft px-1 text-[10px] font-semibold text-warn"
                title="Invisible or direction-changing characters, shown as code points: it can pass for another tool's name."
              >
                look-alike name
              </span>
            ) : null}
            {info?.destructive ? (
              <span
                className="rounded bg-danger-soft px-1 text-[10px] font-semibold text-danger"
                title="Annotated destructiveHint"
              >
                destructive
              </span>
            ) : null}
            {info?.needsTasks ? (
              <span
                className="rounded bg-danger-soft px-1 text-[10px] font-semibold text-danger"
                data-testid="needs-tasks"
              >
                needs MCP tasks: the connector cannot call it
              </span>
            ) : null}
            {info?.readOnly ? (
              <span className="rounded bg-sunken px-1 text-[10px] text-muted">read-only</span>
            ) : null}
            {info?.mayReturnImages ? (
              <span
                className="rounded bg-warn-soft px-1 text-[10px] font-semibold text-warn"
                title="It speaks of images: the API sends a text placeholder for one (reported, unconfirmed)."
              >
                may return images
              </span>
            ) : null}
            {deferred ? (
              <span
                className={cn(
                  "rounded px-1 text-[10px]",
                  searchable ? "bg-sunken text-muted" : "bg-danger-soft text-danger",
                )}
                title={
                  searchable
                    ? "Deferred: loaded when a tool search finds it"
                    : "Deferred, and the request has no tool search tool: the model can never load it"
                }
              >
                {searchable ? "by search" : "unreachable"}
              </span>
            ) : null}
            {info && onTry ? (
              <button
                type="button"
                className="rounded border border-line px-1.5 text-[11px] text-ink hover:bg-sunken"
                onClick={() => onTry(tool.name)}
              >
                Try
              </button>
            ) : null}
          </span>
        )}
      </th>
      <td className="px-3 py-1.5">
        <ValueCell
          label={`enabled of ${tool.name}`}
          value={tool.enabled}
          tone={tool.enabled.value ? "ok" : "danger"}
          onToggle={toggle && (() => toggle("enabled"))}
        />
      </td>
      <td className="px-3 py-1.5">
        <ValueCell
          label={`defer_loading of ${tool.name}`}
          value={tool.deferLoading}
          tone={tool.enabled.value ? (tool.deferLoading.value ? "warn" : "plain") : "muted"}
          onToggle={toggle && (() => toggle("deferLoading"))}
        />
      </td>
    </tr>
  );
}, sameRow);

function sameRow(a: MergedRowProps, b: MergedRowProps): boolean {
  return (
    a.serverId === b.serverId &&
    a.serverName === b.serverName &&
    a.info === b.info &&
    a.onToggle === b.onToggle &&
    a.onTry === b.onTry &&
    a.expanded === b.expanded &&
    a.onDetails === b.onDetails &&
    a.toolSource === b.toolSource &&
    a.searchable === b.searchable &&
    a.rowIndex === b.rowIndex &&
    a.measureRef === b.measureRef &&
    a.tool.name === b.tool.name &&
    a.tool.enabled.value === b.tool.enabled.value &&
    a.tool.enabled.source === b.tool.enabled.source &&
    a.tool.deferLoading.value === b.tool.deferLoading.value &&
    a.tool.deferLoading.source === b.tool.deferLoading.source
  );
}

const TONES = {
  ok: "bg-ok-soft text-ok",
  danger: "bg-danger-soft text-danger",
  warn: "bg-warn-soft text-warn",
  plain: "bg-sunken text-ink",
  muted: "bg-sunken text-muted",
} as const;

function ValueCell({
  label,
  value,
  tone,
  onToggle,
}: {
  label: string;
  value: ResolvedValue;
  tone: keyof typeof TONES;
  onToggle?: () => void;
}) {
  const chip = cn("rounded px-1.5 py-px font-mono text-xs font-medium", TONES[tone]);
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      {onToggle ? (
        <button
          type="button"
          className={cn(chip, "cursor-pointer ring-line hover:ring-1")}
          aria-label={`${label}: ${String(value.value)} from ${SOURCE_LABELS[value.source]}. Toggle`}
          onClick={onToggle}
        >
          {String(value.value)}
        </button>
      ) : (
        <span className={chip}>{String(value.value)}</span>
      )}
      <span className="text-[11px] text-muted" title="Where this value came from">
        ←{"\u00a0"}
        <Breakable text={SOURCE_LABELS[value.source]} />
      </span>
    </span>
  );
}

/** The id of a tool's details (its row's disclosure button controls it). */
export function detailsId(serverId: string, tool: string): string {
  return `tool-details-${serverId}-${encodeURIComponent(tool)}`;
}

/** A name that may wrap after its `_`, `-` and `.` (between words), not inside a word. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[_.-])/);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}
