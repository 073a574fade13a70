"use client";

import { useAppStore } from "@/components/store-provider";
import { describeSummary } from "@/lib/domain/toolset/merge";
import { formatTokens, MergedTable } from "./merged-table";
import { lazyComponent } from "@/components/ui/lazy-component";
import { LOAD_FAILED_MESSAGE } from "@/lib/client/store/load-failure";
import { usePreview, useRulesState } from "./use-preview";

// The search trial (and the search code) loads once there are deferred tools to search.
/** The problems list loads with the API's rules, right after the page (which says it checks). */
const ProblemsList = lazyComponent(
  () => import("./problems-list").then((module) => module.ProblemsList),
  () => (
    <p data-testid="problems-checking" className="px-1 py-2 text-sm text-muted">
      Checking the request against the API&apos;s rules…
    </p>
  ),
);
/** The Request JSON view and its editor: below the tables, so loaded after the page. */
const RequestJsonPanel = lazyComponent(
  () => import("./request-json-panel").then((module) => module.RequestJsonPanel),
  () => <p className="h-40 text-xs text-muted">Loading the request JSON…</p>,
);
const TrySearch = lazyComponent(() => import("./try-search").then((module) => module.TrySearch));
// What deferring saves: only with deferred tools, so its words load then.
const ContextCost = lazyComponent(() =>
  import("./context-cost").then((module) => module.ContextCost),
);

export function PreviewPane({ onFocusField }: { onFocusField: (fieldId: string) => void }) {
  const preview = usePreview();
  const rules = useRulesState();
  const upgradeBeta = useAppStore((s) => s.upgradeBeta);
  const errors = preview.errorCount;
  const deferredTokens = preview.servers.reduce(
    (sum, server) => sum + (server.deferredTokens ?? 0),
    0,
  );
  const warnings = preview.problems.filter((problem) => problem.severity === "warning").length;

  return (
    <div className="space-y-5">
      <section aria-labelledby="problems-heading" className="space-y-2">
        <h2 id="problems-heading" className="flex items-center gap-2 text-sm font-semibold">
          Problems
          <span className="text-xs font-normal text-muted" data-testid="problem-counts">
            {errors} {errors === 1 ? "error" : "errors"}, {warnings}{" "}
            {warnings === 1 ? "warning" : "warnings"}
            {preview.validated ? "" : " so far"}
          </span>
        </h2>
        {rules.status === "failed" ? (
          <p
            role="alert"
            className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm"
          >
            The API&apos;s rules could not be loaded, so this request is not checked.{" "}
            {LOAD_FAILED_MESSAGE}{" "}
            <button type="button" className="underline" onClick={rules.retry}>
              Try again
            </button>
          </p>
        ) : null}
        <ProblemsList
          validated={preview.validated}
          problems={preview.problems}
          onFocusField={onFocusField}
          onUpgradeBeta={upgradeBeta}
        />
      </section>

      <section aria-labelledby="merged-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="merged-heading" className="text-sm font-semibold">
            Effective tools
          </h2>
          <p className="text-xs text-muted" data-testid="total-summary">
            {describeSummary(preview.total)}
            {preview.totalUpFrontTokens !== null
              ? ` · ${preview.total.upFront} ${preview.total.upFront === 1 ? "definition" : "definitions"} up front, ~${formatTokens(preview.totalUpFrontTokens)} tokens`
              : ""}
          </p>
        </div>
        {deferredTokens > 0 || preview.knownUpFrontTokens > 0 ? (
          <ContextCost
            knownUpFrontTokens={preview.knownUpFrontTokens}
            uncountedServers={preview.uncountedServers}
            deferredTokens={deferredTokens}
            request={preview.request}
            hasToolSearch={
              preview.request.tools?.some((tool) =>
                String(tool.type).startsWith("tool_search_tool"),
              ) ?? false
            }
          />
        ) : null}
        {preview.total.deferred > 0 ? <TrySearch servers={preview.servers} /> : null}
        {preview.servers.length === 0 ? (
          <p className="text-sm text-muted">Add an MCP server to see its tools here.</p>
        ) : (
          <p className="text-xs text-muted">
            Each value shows where it came from: <code className="font-mono">configs</code> (the
            tool&apos;s own setting), <code className="font-mono">default_config</code>, or the
            system default (enabled true, defer_loading false).
          </p>
        )}
        {preview.servers.map((server) => (
          <MergedTable key={server.serverId} server={server} />
        ))}
      </section>

      <section aria-labelledby="json-heading" className="space-y-2">
        <h2 id="json-heading" className="flex items-baseline gap-2 text-sm font-semibold">
          Request JSON
          <span className="text-xs font-normal text-muted">
            client.beta.messages.create(…) · tokens hidden
          </span>
        </h2>
        <RequestJsonPanel request={preview.request} />
      </section>
    </div>
  );
}
