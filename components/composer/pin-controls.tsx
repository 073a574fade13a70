"use client";

import { useAppStore } from "@/components/store-provider";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { ServerDraft } from "@/lib/domain/request/types";
import { selectDiscovered } from "@/lib/client/store/selectors";

const PinControlsBody = lazyComponent(() =>
  import("./pin-controls-body").then((module) => module.default),
);

/** Pin or unpin a server's tool list: offered once it is pinned or its tools were discovered. */
export function PinControls({ server, title }: { server: ServerDraft; title: string }) {
  const discovered = useAppStore((s) => selectDiscovered(server.id)(s) !== undefined);
  if (!server.pinnedTools && !discovered) return null;
  return <PinControlsBody server={server} title={title} />;
}
