"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useAppStore } from "@/components/store-provider";
import { derivePreview, type Preview } from "@/lib/domain/request/preview";
import type { ToolInfo } from "@/lib/domain/request/types";
import { discoveryKey } from "@/lib/client/store/app-store";

const PreviewContext = createContext<Preview | null>(null);

/**
 * Derives the preview once per edit for the whole page (tabs, preview pane, Get code), rather
 * than once per component that shows part of it. Derived, never stored.
 */
export function PreviewProvider({ children }: { children: ReactNode }) {
  const composer = useAppStore((s) => s.composer);
  const target = useAppStore((s) => s.target);
  const discoveries = useAppStore((s) => s.discoveries);
  const preview = useMemo(() => {
    const discoveredTools: Record<string, readonly ToolInfo[]> = {};
    for (const server of composer.servers) {
      const discovery = discoveries[server.id];
      // Only a result made with the server's current url and token describes it.
      if (!discovery || discovery.key !== discoveryKey(server)) continue;
      if (discovery.status === "ok") discoveredTools[server.id] = discovery.result.tools;
      else if (discovery.status === "loading" && discovery.previous) {
        discoveredTools[server.id] = discovery.previous.tools;
      }
    }
    return derivePreview(composer, { target, discoveredTools });
  }, [composer, target, discoveries]);
  return <PreviewContext.Provider value={preview}>{children}</PreviewContext.Provider>;
}

export function usePreview(): Preview {
  const preview = useContext(PreviewContext);
  if (!preview) throw new Error("usePreview must be used inside <PreviewProvider>");
  return preview;
}
