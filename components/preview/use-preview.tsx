"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useAppStore } from "@/components/store-provider";
import { derivePreview, type Preview } from "@/lib/domain/request/preview";
import {
  discoveredToolsByServer,
  selectComposer,
  selectTarget,
} from "@/lib/client/store/selectors";

const PreviewContext = createContext<Preview | null>(null);

/**
 * Derives the preview once per edit for the whole page (tabs, preview pane, Get code), rather
 * than once per component that shows part of it. Derived, never stored.
 */
export function PreviewProvider({ children }: { children: ReactNode }) {
  const composer = useAppStore(selectComposer);
  const target = useAppStore(selectTarget);
  const discoveries = useAppStore((s) => s.discoveries);
  const preview = useMemo(
    () =>
      derivePreview(composer, {
        target,
        discoveredTools: discoveredToolsByServer(composer.servers, discoveries),
      }),
    [composer, target, discoveries],
  );
  return <PreviewContext.Provider value={preview}>{children}</PreviewContext.Provider>;
}

export function usePreview(): Preview {
  const preview = useContext(PreviewContext);
  if (!preview) throw new Error("usePreview must be used inside <PreviewProvider>");
  return preview;
}
