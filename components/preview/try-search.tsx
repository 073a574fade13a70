"use client";

import { memo, useDeferredValue, useEffect, useMemo, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { LOAD_FAILED_MESSAGE } from "@/lib/client/store/load-failure";
import type { ServerPreview } from "@/lib/domain/request/preview";
import type { RegexSearchOutcome } from "@/lib/domain/tool-search/regex-search";
import { bm25Search, buildBm25Index, type SearchableTool } from "@/lib/domain/tool-search/search";

/**
 * A regex search, run as the emulator runs it (RE2, in slices that leave the page responsive);
 * its engine loads with the first pattern. Null while it runs, and for an empty pattern.
 */
function useRegexSearch(
  pattern: string,
  tools: readonly SearchableTool[],
): RegexSearchOutcome | null {
  const [done, setDone] = useState<{
    pattern: string;
    tools: readonly SearchableTool[];
    outcome: RegexSearchOutcome;
  } | null>(null);
  useEffect(() => {
    if (!pattern) return;
    let live = true;
    import("@/lib/domain/tool-search/regex-search")
      .then((engine) => engine.regexSearch(tools, pattern))
      .then(
        (outcome) => live && setDone({ pattern, tools, outcome }),
        () =>
          live &&
          setDone({
            pattern,
            tools,
            outcome: { ok: false, errorCode: "invalid_tool_input", message: LOAD_FAILED_MESSAGE },
          }),
      );
    return () => {
      live = false;
    };
  }, [pattern, tools]);
  return pattern && done?.pattern === pattern && done.tools === tools ? done.outcome : null;
}

/**
 * "Try a search": the emulator's own regex / BM25 code over the deferred tools known here, so a
 * person sees which tools their wording surfaces before sending.
 */
export const TrySearch = memo(function TrySearch({
  servers,
}: {
  servers: readonly ServerPreview[];
}) {
  const requestKind = useAppStore((s) => s.composer.toolSearch);
  const [chosenKind, setChosenKind] = useState<"regex" | "bm25">("bm25");
  const kind = requestKind === "none" ? chosenKind : requestKind;
  const [text, setText] = useState("");
  const query = useDeferredValue(text.trim());

  const deferred = useMemo<SearchableTool[]>(
    () =>
      servers.flatMap((server) =>
        server.merge.tools.flatMap((row) => {
          const info = server.toolInfo.get(row.name);
          return row.enabled.value && row.deferLoading.value && info
            ? [
                {
                  server: server.name,
                  name: info.name,
                  description: info.description,
                  inputSchema: info.inputSchema,
                },
              ]
            : [];
        }),
      ),
    [servers],
  );
  // Built only once there is something to search for: every edit of a big server makes a new
  // tool list, and indexing thousands of tools on each click would be felt.
  const searching = query !== "";
  const index = useMemo(
    () => (kind === "bm25" && searching ? buildBm25Index(deferred) : null),
    [deferred, kind, searching],
  );
  const regexOutcome = useRegexSearch(kind === "regex" ? query : "", deferred);
  if (deferred.length === 0) return null;
  const outcome =
    kind === "regex" ? regexOutcome : query && index ? bm25Search(index, query) : null;

  return (
    <section
      aria-labelledby="try-search-heading"
      className="space-y-2 rounded-lg border border-line bg-panel p-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="try-search-heading" className="text-sm font-semibold">
          Try a search
        </h3>
        <p className="text-xs text-muted">
          over {deferred.length} deferred tool{deferred.length === 1 ? "" : "s"}, with the
          emulator&apos;s own code
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {requestKind === "none" ? (
          <select
            aria-label="Search kind"
            value={chosenKind}
            onChange={(event) => setChosenKind(event.target.value === "regex" ? "regex" : "bm25")}
            className="rounded-md border border-line bg-panel px-2 py-1 text-xs"
          >
            <option value="bm25">BM25</option>
            <option value="regex">regex</option>
          </select>
        ) : (
          <span className="text-xs text-muted">
            {kind === "regex" ? "regex" : "BM25"} (the request&apos;s tool search)
          </span>
        )}
        <input
          type="search"
          aria-label="Search the deferred tools"
          value={text}
          placeholder={
            kind === "regex"
              ? "a pattern, e.g. billing_.*export"
              : "words, e.g. export billing records"
          }
          onChange={(event) => setText(event.target.value)}
          className="min-w-0 flex-1 rounded-md border border-line bg-panel px-2 py-1 font-mono text-xs"
        />
      </div>
      {requestKind === "none" ? (
        <p className="text-xs text-warn">
          The request has no tool search tool, so the model cannot run this search: choose one in
          the composer.
        </p>
      ) : null}
      {outcome && !outcome.ok ? (
        <p role="alert" className="text-xs text-danger">
          {outcome.errorCode}: {outcome.message}
        </p>
      ) : null}
      {outcome?.ok ? (
        <ol data-testid="try-search-results" className="flex flex-wrap gap-1.5" aria-live="polite">
          {outcome.matches.length === 0 ? (
            <li className="text-xs text-muted">No tool found.</li>
          ) : null}
          {outcome.matches.map((match) => (
            <li key={`${match.server}.${match.name}`}>
              <a
                href={`#tool-row-${match.server}-${match.name}`}
                className="rounded border border-line bg-sunken px-1.5 py-0.5 font-mono text-xs hover:underline"
              >
                {match.server}.{match.name}
              </a>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="text-[11px] text-muted">
        The first 5 results, as the API returns by default. BM25 puts a tool whose name is the query
        first; regex is case-insensitive, as Python&apos;s re.search, and runs on RE2 (linear time:
        no pattern can hang the page or the emulator).
      </p>
    </section>
  );
});
