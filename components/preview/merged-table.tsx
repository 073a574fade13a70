"use client";

import { memo, useDeferredValue, useState } from "react";
import { useComposer } from "@/components/store-provider";
import { cn } from "@/components/ui/cn";
import { describeDrift, type PinDrift } from "@/lib/request/pin-drift";
import type { ServerPreview, ToolInfo } from "@/lib/request/preview";
import type { ToolFlag } from "@/lib/request/tool-toggle";
import {
  describeSummary,
  OTHER_TOOLS_NAME,
  type MergedTool,
  type ResolvedValue,
} from "@/lib/toolset/merge";

const SOURCE_LABELS: Record<ResolvedValue["source"], string> = {
  configs: "configs",
  default_config: "default_config",
  default: "default",
};

export function MergedTable({ server }: { server: ServerPreview }) {
  const toggleTool = useComposer((s) => s.toggleTool);
  const hasToolSearch = useComposer((s) => s.composer.toolSearch !== "none");
  const [filter, setFilter] = useState("");
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const all: MergedTool[] = server.merge.otherTools
    ? [...server.merge.tools, server.merge.otherTools]
    : server.merge.tools;
  const rows = deferredFilter
    ? all.filter((tool) => tool.name.toLowerCase().includes(deferredFilter))
    : all;
  const name = server.name || "(unnamed)";
  const filterId = `filter-${server.serverId}`;
  return (
    <section
      aria-label={`Merged tools of ${name}`}
      className="overflow-hidden rounded-lg border border-line bg-panel"
    >
      <header className="space-y-1 border-b border-line px-3 py-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="font-mono text-sm font-semibold">{name}</h3>
          <p className="text-xs text-muted" data-testid="server-summary">
            {describeSummary(server.summary)}
            {server.merge.otherTools ? " among named tools" : ""}
          </p>
        </div>
        {server.toolListSource === "pinned" ? (
          <p className="text-xs" data-testid="tool-list-pinned">
            <span className="rounded bg-accent-soft px-1.5 py-px text-[10px] font-bold tracking-wide text-accent uppercase">
              pinned
            </span>{" "}
            The rows are the pinned list: the API uses exactly these and does not ask the server.
          </p>
        ) : null}
        {server.drift ? <DriftNotice drift={server.drift} /> : null}
        {server.discovered ? (
          <p className="text-xs text-muted" data-testid="server-sent">
            Sent to the model: <strong className="text-ink">{server.summary.upFront}</strong>{" "}
            {server.summary.upFront === 1 ? "definition" : "definitions"} up front (~
            {formatTokens(server.upFrontTokens ?? 0)} tokens),{" "}
            <strong className="text-ink">{server.summary.deferred}</strong> deferred
            {server.summary.deferred > 0
              ? hasToolSearch
                ? ` (~${formatTokens(server.deferredTokens ?? 0)} tokens, loaded only when a tool search finds them)`
                : " — unreachable: the request has no tool search tool"
              : ""}
            . Click a value to toggle it.
          </p>
        ) : (
          <p className="text-xs text-muted">
            Not discovered yet: rows are the tools named in configs.
          </p>
        )}
        {server.discovered && all.length > 8 ? (
          <div>
            <label htmlFor={filterId} className="sr-only">
              Filter tools of {name}
            </label>
            <input
              id={filterId}
              type="search"
              value={filter}
              placeholder={`Filter ${all.length} tools…`}
              onChange={(event) => setFilter(event.target.value)}
              className="w-full rounded-md border border-line bg-panel px-2 py-1 text-xs"
            />
          </div>
        ) : null}
      </header>
      <div className="max-h-[28rem] overflow-auto">
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">
            Effective enabled and defer_loading of each tool of {name}
          </caption>
          {/* Fixed layout: a change in one row does not make the browser re-measure hundreds. */}
          <colgroup>
            <col className="w-[44%]" />
            <col className="w-[25%]" />
            <col className="w-[31%]" />
          </colgroup>
          <thead className="sticky top-0 bg-sunken text-left text-[11px] tracking-wide text-muted uppercase">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Tool
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                enabled
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                defer_loading
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((tool) => (
              <MergedRow
                key={tool.name}
                serverId={server.serverId}
                serverName={server.name}
                tool={tool}
                info={server.toolInfo.get(tool.name)}
                onToggle={toggleTool}
                toolSource={server.toolListSource}
                searchable={hasToolSearch}
              />
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={3} className="px-3 py-3 text-center text-xs text-muted">
                  {all.length === 0 ? "This server lists no tools." : "No tool matches the filter."}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface MergedRowProps {
  serverId: string;
  serverName: string;
  tool: MergedTool;
  info: ToolInfo | undefined;
  onToggle: (serverId: string, tool: string, flag: ToolFlag) => void;
  toolSource: ServerPreview["toolListSource"];
  /** The request has a tool search tool: a deferred row can be found by it. */
  searchable: boolean;
}

/**
 * One tool's row. Memoised on the values it shows: an edit re-derives every row object, but only
 * rows whose values changed render again, so a server with hundreds of tools stays responsive.
 */
const MergedRow = memo(function MergedRow({
  serverId,
  serverName,
  tool,
  info,
  onToggle,
  toolSource,
  searchable,
}: MergedRowProps) {
  const isOther = tool.name === OTHER_TOOLS_NAME;
  const deferred = tool.enabled.value && tool.deferLoading.value;
  const toggle = isOther ? undefined : (flag: ToolFlag) => onToggle(serverId, tool.name, flag);
  return (
    <tr
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
            <span
              className={cn(
                "font-mono text-[13px] [overflow-wrap:anywhere]",
                !tool.enabled.value && "line-through",
              )}
            >
              {tool.name}
            </span>
            {info?.destructive ? (
              <span
                className="rounded bg-danger-soft px-1 text-[10px] font-semibold text-danger"
                title="Annotated destructiveHint"
              >
                destructive
              </span>
            ) : null}
            {info?.readOnly ? (
              <span className="rounded bg-sunken px-1 text-[10px] text-muted">read-only</span>
            ) : null}
            {info?.mayReturnImages ? (
              <span
                className="rounded bg-warn-soft px-1 text-[10px] font-semibold text-warn"
                title="Its description or output schema speaks of images. The API replaces an image result with a text placeholder (reported, unconfirmed)."
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
    a.toolSource === b.toolSource &&
    a.searchable === b.searchable &&
    a.tool.name === b.tool.name &&
    a.tool.enabled.value === b.tool.enabled.value &&
    a.tool.enabled.source === b.tool.enabled.source &&
    a.tool.deferLoading.value === b.tool.deferLoading.value &&
    a.tool.deferLoading.source === b.tool.deferLoading.source
  );
}

/** The live server no longer matches the pinned list: what changed, as a diff. */
function DriftNotice({ drift }: { drift: PinDrift }) {
  return (
    <details
      data-testid="pin-drift"
      className="rounded-md border border-warn/40 bg-warn-soft px-2 py-1.5 text-xs text-ink"
    >
      <summary className="cursor-pointer font-semibold text-warn">
        The live server has drifted from the pin: {describeDrift(drift)}
      </summary>
      <ul className="mt-1 space-y-1 font-mono text-[11px]">
        {drift.added.map((name) => (
          <li key={`+${name}`} data-diff="added" className="text-ok">
            + {name} (on the server, not in the pin)
          </li>
        ))}
        {drift.removed.map((name) => (
          <li key={`-${name}`} data-diff="removed" className="text-danger">
            − {name} (in the pin, gone from the server)
          </li>
        ))}
        {drift.changed.map((change) => (
          <li key={`~${change.name}`} data-diff="changed">
            ~ {change.name}
            {change.description ? (
              <div className="ml-3">
                <div className="text-danger">− description: {change.description.pinned}</div>
                <div className="text-ok">+ description: {change.description.live}</div>
              </div>
            ) : null}
            {change.inputSchema ? (
              <div className="ml-3 grid grid-cols-2 gap-2">
                <pre className="overflow-auto text-danger">{change.inputSchema.pinned}</pre>
                <pre className="overflow-auto text-ok">{change.inputSchema.live}</pre>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function formatTokens(tokens: number): string {
  return tokens >= 1000 ? `${(tokens / 1000).toFixed(1)}k` : String(tokens);
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
      <span className="text-[11px] whitespace-nowrap text-muted" title="Where this value came from">
        ← {SOURCE_LABELS[value.source]}
      </span>
    </span>
  );
}
