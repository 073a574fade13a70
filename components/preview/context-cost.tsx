"use client";

import { useEffect, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { requestTokenCount, type TokenCountOutcome } from "@/lib/client/api/count-tokens-client";
import { selectTarget } from "@/lib/client/store/selectors";
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import { countTokensParams } from "@/lib/domain/request/count-tokens";
import { formatTokens } from "./merged-table";

/** A pause in editing this long before the API is asked to count (never on every keystroke). */
export const COUNT_DEBOUNCE_MS = 1500;

/** The deferred share of the definitions: 99.8%, not a rounded-up "100%". */
function formatShare(deferred: number, upFront: number): string {
  const share = (100 * deferred) / (deferred + upFront);
  return `${share >= 99.5 ? share.toFixed(1) : Math.round(share)}%`;
}

/**
 * What the definitions cost up front and what deferring keeps out, counting what is known — the
 * playground's estimate; with the Anthropic API as target, also the API's own count_tokens.
 */
export function ContextCost({
  knownUpFrontTokens,
  uncountedServers,
  deferredTokens,
  hasToolSearch,
  request,
}: {
  knownUpFrontTokens: number;
  uncountedServers: number;
  deferredTokens: number;
  hasToolSearch: boolean;
  request: MessagesRequest;
}) {
  const target = useAppStore(selectTarget);
  return (
    <div className="space-y-1 text-xs" data-testid="context-cost">
      <p data-testid="token-estimate">
        <span className="rounded bg-sunken px-1 py-px text-[10px] font-semibold tracking-wide text-muted uppercase">
          estimate
        </span>{" "}
        Up front: ~{formatTokens(knownUpFrontTokens)} tokens of definitions
        {uncountedServers
          ? ` (${uncountedServers} server${uncountedServers === 1 ? "" : "s"} not discovered yet: not counted)`
          : ""}
        {deferredTokens > 0 ? (
          <>
            . Deferred: ~{formatTokens(deferredTokens)} tokens kept out of the prompt
            {hasToolSearch
              ? ` — tool search saves ${formatShare(deferredTokens, knownUpFrontTokens)} of the ${uncountedServers ? "known " : ""}definitions, and loads only what it finds.`
              : ", but without a tool search tool the model can never load them."}
          </>
        ) : (
          ". Nothing is deferred."
        )}
      </p>
      {target === "anthropic" ? <ApiTokenCount request={request} /> : null}
    </div>
  );
}

/** The real API's count_tokens for the request as it stands, asked after a pause in editing. */
function ApiTokenCount({ request }: { request: MessagesRequest }) {
  const apiKey = useAppStore((s) => s.browserApiKey);
  const params = JSON.stringify(countTokensParams(request));
  const [count, setCount] = useState<{ params: string; outcome: TokenCountOutcome } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void requestTokenCount(JSON.parse(params) as Parameters<typeof requestTokenCount>[0], {
        target: "anthropic",
        apiKey: apiKey || undefined,
        signal: controller.signal,
      }).then((outcome) => {
        if (!controller.signal.aborted) setCount({ params, outcome });
      });
    }, COUNT_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [params, apiKey]);
  const current = count?.params === params ? count.outcome : null;
  return (
    <p
      data-testid="token-count"
      data-state={current ? (current.ok ? "counted" : "failed") : "waiting"}
    >
      <span className="rounded bg-accent-soft px-1 py-px text-[10px] font-semibold tracking-wide text-accent uppercase">
        counted by the API
      </span>{" "}
      {!current
        ? "Counting when you pause…"
        : current.ok
          ? `${current.inputTokens.toLocaleString("en-US")} input tokens for the whole request (system, messages and the definitions it loads; deferred tools are not counted until a search loads them).`
          : `The API could not count: ${current.message}`}
    </p>
  );
}
