"use client";

import { useMemo } from "react";
import { useComposer } from "@/components/store-provider";
import { derivePreview, type Preview } from "@/lib/request/preview";

/** The preview is derived from the composer state on every edit, never stored. */
export function usePreview(): Preview {
  const composer = useComposer((s) => s.composer);
  const target = useComposer((s) => s.target);
  return useMemo(() => derivePreview(composer, { target }), [composer, target]);
}
