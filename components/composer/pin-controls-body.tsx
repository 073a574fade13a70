"use client";

import { usePreview } from "@/components/preview/use-preview";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { describeDrift } from "@/lib/domain/request/pin-drift";
import type { ServerDraft } from "@/lib/domain/request/types";
import { selectDiscovered } from "@/lib/client/store/selectors";

/**
 * Pinning (mcp-client-2026-09-15): the discovered list becomes the toolset's `tools`, so the API
 * uses exactly it and does not ask the server; a drifted live server is pointed out. Loaded
 * once a server is pinned or discovered (components/composer/pin-controls.tsx).
 */
export default function PinControlsBody({ server, title }: { server: ServerDraft; title: string }) {
  const discovery = useAppStore(selectDiscovered(server.id));
  const pin = useAppStore((s) => s.pinTools);
  const unpin = useAppStore((s) => s.unpinTools);
  const preview = usePreview();
  const drift = preview.servers.find((entry) => entry.serverId === server.id)?.drift ?? null;
  const discovered = discovery !== undefined;

  if (server.pinnedTools) {
    return (
      <div data-testid="pin-controls" className="flex flex-wrap items-center gap-2 text-xs">
        <span>
          <strong className="font-medium">Pinned</strong>: {server.pinnedTools.length} tools; the
          API will not ask the server for its list.
        </span>
        {drift ? (
          <span role="alert" className="font-medium text-warn">
            The live server has drifted: {describeDrift(drift)} (diff in the preview).
          </span>
        ) : null}
        {drift && discovered ? (
          <Button
            size="sm"
            onClick={() => pin(server.id)}
            aria-label={`Re-pin the tool list of ${title}`}
          >
            Re-pin from the live list
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          onClick={() => unpin(server.id)}
          aria-label={`Unpin the tool list of ${title}`}
        >
          Unpin
        </Button>
      </div>
    );
  }
  if (!discovered) return null;
  return (
    <div data-testid="pin-controls" className="flex flex-wrap items-center gap-2 text-xs">
      <Button
        size="sm"
        onClick={() => pin(server.id)}
        aria-label={`Pin this tool list of ${title}`}
      >
        Pin this tool list
      </Button>
      <span className="text-muted">
        Sends the {discovery.result.tools.length.toLocaleString("en-US")} tools with the request
        (mcp-client-2026-09-15): the server is not asked, and a drift is pointed out here.
      </span>
    </div>
  );
}
