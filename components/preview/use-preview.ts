"use client";

import { useMemo } from "react";
import { useComposer } from "@/components/store-provider";
import { derivePreview, type Preview, type ToolInfo } from "@/lib/request/preview";
import { discoveryKey } from "@/lib/store/composer-store";

/** The preview is derived from the composer state on every edit, never stored. */
export function usePreview(): Preview {
  const composer = useComposer((s) => s.composer);
  const target = useComposer((s) => s.target);
  const discoveries = useComposer((s) => s.discoveries);
  return useMemo(() => {
    const discoveredTools: Record<string, readonly ToolInfo[]> = {};
    for (const server of composer.servers) {
      const discovery = discoveries[server.id];
      // Only a result made with the server's current url and token describes it.
      if (!discovery || discovery.key !== discoveryKey(server)) continue;
      if (discovery.status === "ok") discoveredTools[server.id] = discovery.result.tools;
      else if (discovery.status === "loading" && discovery.previous)
        discoveredTools[server.id] = discovery.previous.tools;
    }
    return derivePreview(composer, { target, discoveredTools });
  }, [composer, target, discoveries]);
}
