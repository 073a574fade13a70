// Pinned tool lists (mcp-client-2026-09-15) against the live server: made from a discovery, and
// compared with a later one — tools added, removed, or whose description or input schema changed —
// so a pin that has gone stale is seen before the model works from it.
import type { ToolInfo } from "./types";
import type { PinnedTool } from "./types";

export interface PinChange {
  name: string;
  description?: { pinned: string; live: string };
  inputSchema?: { pinned: string; live: string };
}

export interface PinDrift {
  added: string[];
  removed: string[];
  changed: PinChange[];
}

/** JSON with object keys sorted: two schemas that differ only in key order are the same. */
export function stableJson(value: unknown, indent = 0): string {
  const sort = (inner: unknown): unknown =>
    Array.isArray(inner)
      ? inner.map(sort)
      : inner && typeof inner === "object"
        ? Object.fromEntries(
            Object.keys(inner)
              .sort()
              .map((key) => [key, sort((inner as Record<string, unknown>)[key])]),
          )
        : inner;
  return JSON.stringify(sort(value), null, indent);
}

export function pinFromDiscovery(tools: readonly ToolInfo[]): PinnedTool[] {
  return tools.map((tool) => ({
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    inputSchema:
      tool.inputSchema && typeof tool.inputSchema === "object"
        ? (tool.inputSchema as Record<string, unknown>)
        : { type: "object" },
  }));
}

/** How the live list differs from the pin; null when it does not. */
export function comparePin(
  pinned: readonly PinnedTool[],
  live: readonly Pick<ToolInfo, "name" | "description" | "inputSchema">[],
): PinDrift | null {
  const liveByName = new Map(live.map((tool) => [tool.name, tool]));
  const pinnedNames = new Set(pinned.map((tool) => tool.name));
  const drift: PinDrift = {
    added: live.filter((tool) => !pinnedNames.has(tool.name)).map((tool) => tool.name),
    removed: pinned.filter((tool) => !liveByName.has(tool.name)).map((tool) => tool.name),
    changed: [],
  };
  for (const tool of pinned) {
    const current = liveByName.get(tool.name);
    if (!current) continue;
    const change: PinChange = { name: tool.name };
    if ((tool.description ?? "") !== (current.description ?? ""))
      change.description = { pinned: tool.description ?? "", live: current.description ?? "" };
    const pinnedSchema = stableJson(tool.inputSchema, 2);
    const liveSchema = stableJson(current.inputSchema ?? { type: "object" }, 2);
    if (pinnedSchema !== liveSchema)
      change.inputSchema = { pinned: pinnedSchema, live: liveSchema };
    if (change.description || change.inputSchema) drift.changed.push(change);
  }
  return drift.added.length || drift.removed.length || drift.changed.length ? drift : null;
}

export function describeDrift(drift: PinDrift): string {
  return [
    drift.added.length ? `${drift.added.length} added` : "",
    drift.removed.length ? `${drift.removed.length} removed` : "",
    drift.changed.length ? `${drift.changed.length} changed` : "",
  ]
    .filter(Boolean)
    .join(", ");
}
