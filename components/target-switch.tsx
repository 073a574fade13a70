"use client";

import { useEffect, useState } from "react";
import { z } from "zod";
import { useComposer } from "@/components/store-provider";
import { cn } from "@/components/ui/cn";
import { TARGETS, type Target } from "@/lib/api/targets";

const LABELS: Record<Target, string> = { emulator: "Emulator", anthropic: "Anthropic API" };
const serverInfoSchema = z.object({
  serverHasKey: z.boolean(),
  customBaseUrl: z.boolean(),
  serverKeyUsable: z.boolean(),
  accessConfigured: z.boolean(),
  accessGranted: z.boolean(),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

/** What the server says of its own key (whether one is set, never the key). */
export function useServerInfo(): ServerInfo | null {
  const [info, setInfo] = useState<ServerInfo | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/target", { signal: controller.signal })
      .then((response) => response.json())
      .then((json: unknown) => {
        const parsed = serverInfoSchema.safeParse(json);
        if (parsed.success) setInfo(parsed.data);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return info;
}

export function TargetSwitch() {
  const target = useComposer((s) => s.target);
  const setTarget = useComposer((s) => s.setTarget);
  return (
    <div
      role="radiogroup"
      aria-label="Target"
      className="inline-flex rounded-md border border-line bg-sunken p-0.5"
    >
      {TARGETS.map((option) => {
        const checked = option === target;
        return (
          <label
            key={option}
            className={cn(
              "relative flex cursor-pointer items-center gap-1.5 rounded px-2 py-1 text-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent",
              checked ? "bg-panel font-medium text-ink shadow-sm" : "text-muted hover:text-ink",
            )}
          >
            <input
              type="radio"
              name="target"
              className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
              checked={checked}
              onChange={() => setTarget(option)}
            />
            <span
              aria-hidden="true"
              className={cn(
                "h-1.5 w-1.5 rounded-full",
                checked ? (option === "emulator" ? "bg-ok" : "bg-accent") : "bg-line",
              )}
            />
            {LABELS[option]}
          </label>
        );
      })}
    </div>
  );
}

/** Shown when the Anthropic API is the target and the server has no key of its own. */
export function ApiKeyBar({ serverInfo }: { serverInfo: ServerInfo | null }) {
  const target = useComposer((s) => s.target);
  const apiKey = useComposer((s) => s.browserApiKey);
  const setApiKey = useComposer((s) => s.setBrowserApiKey);
  if (target !== "anthropic") return null;
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
