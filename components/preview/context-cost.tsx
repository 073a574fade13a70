"use client";

import { formatTokens } from "./merged-table";

/** The deferred share of the definitions: 99.8%, not a rounded-up "100%". */
function formatShare(deferred: number, upFront: number): string {
  const share = (100 * deferred) / (deferred + upFront);
  return `${share >= 99.5 ? share.toFixed(1) : Math.round(share)}%`;
}

/** What the definitions cost up front and what deferring keeps out, counting what is known. */
export function ContextCost({
  knownUpFrontTokens,
  uncountedServers,
  deferredTokens,
  hasToolSearch,
}: {
  knownUpFrontTokens: number;
  uncountedServers: number;
  deferredTokens: number;
  hasToolSearch: boolean;
}) {
  return (
    <p className="text-xs" data-testid="context-cost">
      Up front: ~{formatTokens(knownUpFrontTokens)} tokens of definitions
      {uncountedServers
        ? ` (${uncountedServers} server${uncountedServers === 1 ? "" : "s"} not discovered yet: not counted)`
        : ""}
      . Deferred: ~{formatTokens(deferredTokens)} tokens kept out of the prompt
      {hasToolSearch
        ? ` — tool search saves ${formatShare(deferredTokens, knownUpFrontTokens)} of the ${uncountedServers ? "known " : ""}definitions, and loads only what it finds.`
        : ", but without a tool search tool the model can never load them."}
    </p>
  );
}
