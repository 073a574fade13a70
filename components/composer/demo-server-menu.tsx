"use client";

import { useEffect, useRef } from "react";
import { useAppStore } from "@/components/store-provider";
import { serverFieldId } from "@/lib/domain/request/field-ids";
import { DEMO_SERVER_BLURBS } from "@/lib/domain/demo/blurbs";
import { DEMO_SERVER_KINDS } from "@/lib/domain/demo/servers";

/**
 * The app's own demo MCP servers, one click each: a card with its name, URL and demo token.
 * Escape, a choice or focus leaving the list closes it.
 */
export function DemoServerMenu({ onClose }: { onClose: () => void }) {
  const addDemoServer = useAppStore((s) => s.addDemoServer);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector("button")?.focus();
  }, []);
  return (
    // The keys and focus come from its buttons, bubbling up: the list itself is not a control.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <ul
      ref={listRef}
      id="demo-server-menu"
      aria-label="Demo servers"
      className="absolute inset-x-0 top-full z-20 mt-1 space-y-0.5 rounded-lg border border-line bg-panel p-1.5 shadow-lg"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
      onBlur={(event) => {
        const next = event.relatedTarget;
        // Its own opener toggles it: closing here as well would reopen it at once.
        const opener = next?.getAttribute("aria-controls") === "demo-server-menu";
        if (!event.currentTarget.contains(next) && !opener) onClose();
      }}
    >
      {DEMO_SERVER_KINDS.map((kind) => (
        <li key={kind}>
          <button
            type="button"
            className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-sunken focus-visible:bg-sunken"
            onClick={() => {
              const serverId = addDemoServer(kind);
              onClose();
              requestAnimationFrame(() =>
                document
                  .getElementById(serverFieldId(serverId, "card"))
                  ?.scrollIntoView({ block: "nearest" }),
              );
            }}
          >
            <span className="font-mono font-medium">{kind}</span>
            <span className="block text-xs text-muted">{DEMO_SERVER_BLURBS[kind]}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
