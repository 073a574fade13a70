"use client";

import { useState } from "react";
import { lazyComponent } from "@/components/ui/lazy-component";
import { readShareFragment } from "@/lib/domain/share/fragment";
import { readShortLinkPath } from "@/lib/domain/workspace/short-link-path";
import type { IncomingLink } from "./shared-link-banner-body";

const SharedLinkBannerBody = lazyComponent(() =>
  import("./shared-link-banner-body").then((module) => module.default),
);

function incomingLink(): IncomingLink | null {
  const fragment = readShareFragment(window.location.hash);
  if (fragment !== null) return { kind: "fragment", value: fragment };
  const id = readShortLinkPath(window.location.pathname);
  return id === null ? null : { kind: "short", id };
}

/** Opening a share link (`#s=…`) or a short link (`/s/<id>`); nothing loads for any other page. */
export function SharedLinkBanner() {
  // Read once, on the first render (this app renders in the browser only).
  const [link] = useState(incomingLink);
  return link === null ? null : <SharedLinkBannerBody link={link} />;
}
