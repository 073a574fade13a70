"use client";

import { memo, useCallback, useDeferredValue, useRef, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectDiscovery } from "@/lib/client/store/selectors";
import { lazyComponent } from "@/components/ui/lazy-component";
import { lazyDialog } from "@/components/ui/lazy-dialog";
import type { ServerPreview } from "@/lib/domain/request/preview";
import { describeSummary, type MergedTool } from "@/lib/domain/toolset/merge";
import { discoveryFailureLabel } from "@/lib/domain/request/discovery-failure";
import { MergedRow, detailsId } from "./merged-row";

/** From this many rows on, only the rows in view are rendered (the virtualiser loads then). */
export const VIRTUAL_ROWS_FROM = 150;

const VirtualRows = lazyComponent(
  () => import("./virtual-rows").then((module) => module.VirtualRows),
  // Until the virtualiser has loaded: the first screenful, plainly.
  ({ count, renderRow }) =>
    Array.from({ length: Math.min(count, 30) }, (_, index) => renderRow(index, undefined)),
);
/** Try: call one tool by hand (its form and the call's client load on the first click). */
const TryToolDialog = lazyDialog(() => import("@/components/tool-call/try-tool-dialog"));
/** A tool's details row (title, description, annotations, schemas): loaded on the first expand. */
const DetailsRow = lazyComponent(
  () => import("./tool-details").then((module) => module.ToolDetailsRow),
  ({ measureRef, rowIndex }) => (
    <tr ref={measureRef} data-index={rowIndex === undefined ? undefined : rowIndex - 2}>
      <td colSpan={3} className="px-3 py-1 text-xs text-muted">
        Loading the details…
      </td>
    </tr>
  ),
);
/** Notices few servers need (client-side only, pinned): their words load when one is shown. */
const ServerNotice = lazyComponent(() =>
  import("./drift-notice").then((module) => module.ServerNotice),
);
const DriftNotice = lazyComponent(() =>
  import("./drift-notice").then((module) => module.DriftNotice),
);

/**
 * Memoised on its server's preview, which stays the same object while nothing about the server
 * changed: typing elsewhere does not render a 10,000-row table again.
 */
export const MergedTable = memo(function MergedTable({ server }: { server: ServerPreview }) {
  const toggleTool = useAppStore((s) => s.toggleTool);
  const discovery = useAppStore(selectDiscovery(server.serverId));
  const hasToolSearch = useAppStore((s) => s.composer.toolSearch !== "none");
  const [filter, setFilter] = useState("");
  // The tool last tried; its dialog stays mounted (what was typed survives closing) while open.
  const [trying, setTrying] = useState<{ name: string; open: boolean } | null>(null);
  const tryTool = useCallback((name: string) => setTrying({ name, open: true }), []);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggleDetails = useCallback(
    (tool: string) =>
      setExpanded((open) => {
        const next = new Set(open);
        if (!next.delete(tool)) next.add(tool);
        return next;
      }),
    [],
  );
  const triedInfo = trying ? server.toolInfo.get(trying.name) : undefined;
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const all: MergedTool[] = server.merge.otherTools
    ? [...server.merge.tools, server.merge.otherTools]
    : server.merge.tools;
  const rows = deferredFilter
    ? all.filter((tool) => tool.name.toLowerCase().includes(deferredFilter))
    : all;
  // An open tool's details are a row of their own under it (spanning the table): the virtualiser
  // counts them as rows, so it measures and places them like any other.
  const entries: { tool: MergedTool; details: boolean }[] | null = expanded.size
    ? rows.flatMap((tool) =>
        expanded.has(tool.name) && server.toolInfo.has(tool.name)
          ? [
              { tool, details: false },
              { tool, details: true },
            ]
          : [{ tool, details: false }],
      )
    : null;
  const count = entries ? entries.length : rows.length;
  const name = server.name || "(unnamed)";
  const filterId = `filter-${server.serverId}`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const virtual = count >= VIRTUAL_ROWS_FROM;
  const renderEntry = (
    index: number,
    rowIndex?: number,
    measureRef?: (element: HTMLTableRowElement | null) => void,
  ) => {
    const entry = entries ? entries[index]! : { tool: rows[index]!, details: false };
    if (entry.details)
      return (
        <DetailsRow
          key={`${entry.tool.name} details`}
          info={server.toolInfo.get(entry.tool.name)!}
          id={detailsId(server.serverId, entry.tool.name)}
          rowIndex={rowIndex}
          measureRef={measureRef}
        />
      );
    return renderRow(entry.tool, rowIndex, measureRef);
  };
  const renderRow = (
    tool: MergedTool,
    rowIndex?: number,
    measureRef?: (element: HTMLTableRowElement | null) => void,
  ) => (
    <MergedRow
      key={tool.name}
      serverId={server.serverId}
      serverName={server.name}
      tool={tool}
      info={server.toolInfo.get(tool.name)}
      onToggle={toggleTool}
      onTry={tryTool}
      expanded={expanded.has(tool.name)}
      onDetails={toggleDetails}
      toolSource={server.toolListSource}
      searchable={hasToolSearch}
      rowIndex={rowIndex}
      measureRef={measureRef}
    />
  );
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
        {server.clientSide ? <ServerNotice kind="client-side" /> : null}
        {server.toolListSource === "pinned" ? <ServerNotice kind="pinned" /> : null}
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
          <p
            className={discovery?.status === "error" ? "text-xs text-danger" : "text-xs text-muted"}
            data-testid={discovery?.status === "error" ? "server-discovery-failed" : undefined}
          >
            {discovery?.status === "error"
              ? `Discovery failed (${discoveryFailureLabel(discovery.kind)})`
              : "Not discovered yet"}
            : rows are the tools named in configs.
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
              placeholder={`Filter ${all.length.toLocaleString("en-US")} tools…`}
              onChange={(event) => setFilter(event.target.value)}
              className="w-full rounded-md border border-line bg-panel px-2 py-1 text-xs"
            />
          </div>
        ) : null}
      </header>
      <div ref={scrollRef} className="max-h-[28rem] overflow-auto">
        <table
          className="w-full table-fixed text-sm"
          // Virtualised, the rows in the DOM are a window: the count and each row's place say
          // where it is among all of them.
          aria-rowcount={virtual ? count + 1 : undefined}
        >
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
            <tr aria-rowindex={virtual ? 1 : undefined}>
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
          <tbody ref={bodyRef}>
            {virtual ? (
              <VirtualRows
                count={count}
                scrollRef={scrollRef}
                bodyRef={bodyRef}
                renderRow={(index, measureRef) => renderEntry(index, index + 2, measureRef)}
              />
            ) : (
              Array.from({ length: count }, (_, index) => renderEntry(index))
            )}
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
      {trying && triedInfo ? (
        <TryToolDialog
          key={trying.name}
          open={trying.open}
          onClose={() => setTrying({ ...trying, open: false })}
          serverId={server.serverId}
          serverName={server.name}
          tool={triedInfo}
        />
      ) : null}
    </section>
  );
});

export function formatTokens(tokens: number): string {
  return tokens >= 1000 ? `${(tokens / 1000).toFixed(1)}k` : String(tokens);
}
