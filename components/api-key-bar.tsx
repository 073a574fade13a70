"use client";

import { useAppStore } from "@/components/store-provider";
import type { ServerInfo } from "@/lib/domain/api/server-info";

/**
 * With the Anthropic API as the target: which key Send uses — the server's, or one pasted here
 * (kept in this tab only).
 */
export function ApiKeyBarBody({ serverInfo }: { serverInfo: ServerInfo | null }) {
  const apiKey = useAppStore((s) => s.browserApiKey);
  const setApiKey = useAppStore((s) => s.setBrowserApiKey);
  if (serverInfo?.serverHasKey && serverInfo.serverKeyUsable && !apiKey) {
    return (
      <p className="border-b border-line bg-accent-soft px-4 py-1.5 text-xs text-ink">
        Sending to the Anthropic API with the server&apos;s key (ANTHROPIC_API_KEY).
      </p>
    );
  }
  const locked = serverInfo?.serverHasKey && !serverInfo.serverKeyUsable;
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-line bg-accent-soft px-4 py-1.5 text-xs">
      <label htmlFor="browser-api-key" className="font-medium">
        Anthropic API key
      </label>
      <input
        id="browser-api-key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        placeholder="sk-ant-…"
        onChange={(event) => setApiKey(event.target.value)}
        className="w-64 max-w-full rounded border border-line bg-panel px-2 py-1 font-mono"
      />
      <span className="text-muted">
        Kept in this tab only, sent with each request to this app&apos;s server, never stored or
        logged.
      </span>
      {locked ? (
        <span data-testid="server-key-locked" className="basis-full text-ink">
          This server has its own key, used here only with its access token:{" "}
          {serverInfo.accessConfigured ? (
            <a href="/access" className="text-accent underline">
              enter the access token
            </a>
          ) : (
            "its operator has not set one (PLAYGROUND_ACCESS_TOKEN)"
          )}
          , or paste your own key.
        </span>
      ) : null}
    </div>
  );
}
