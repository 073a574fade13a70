"use client";

import { useEffect, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectTarget } from "@/lib/client/store/selectors";
import { cn } from "@/components/ui/cn";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { ServerInfo } from "@/lib/domain/api/server-info";
import { TARGETS, type Target } from "@/lib/domain/request/targets";

const LABELS: Record<Target, string> = { emulator: "Emulator", anthropic: "Anthropic API" };
export type { ServerInfo };

/** What the server says of its own key (whether one is set, never the key). */
export function useServerInfo(): ServerInfo | null {
  const [info, setInfo] = useState<ServerInfo | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/target", { signal: controller.signal })
      .then((response) => response.json())
      .then(async (json: unknown) => {
        const { parseServerInfo } = await import("@/lib/domain/api/server-info");
        const parsed = parseServerInfo(json);
        if (parsed && !controller.signal.aborted) setInfo(parsed);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return info;
}

export function TargetSwitch() {
  const target = useAppStore(selectTarget);
  const setTarget = useAppStore((s) => s.setTarget);
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

const ApiKeyBarBody = lazyComponent(() =>
  import("./api-key-bar").then((module) => module.ApiKeyBarBody),
);

/** Shown when the Anthropic API is the target (its code loads then). */
export function ApiKeyBar({ serverInfo }: { serverInfo: ServerInfo | null }) {
  const target = useAppStore(selectTarget);
  return target === "anthropic" ? <ApiKeyBarBody serverInfo={serverInfo} /> : null;
}
