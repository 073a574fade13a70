"use client";

import { useState } from "react";
import { lazyComponent } from "@/components/ui/lazy-component";
import { readShareFragment } from "@/lib/domain/share/fragment";

const SharedLinkBannerBody = lazyComponent(() =>
  import("./shared-link-banner-body").then((module) => module.default),
);

/** Opening a share link; nothing (and nothing loaded) when the page was not opened from one. */
export function SharedLinkBanner() {
  // Read once, on the first render (this app renders in the browser only).
  const [value] = useState(() => readShareFragment(window.location.hash));
  return value === null ? null : <SharedLinkBannerBody value={value} />;
}
