import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildToolset } from "./build-request";
import { createServer } from "./composer";
import { toggleToolFlag, type ToolFlag } from "./tool-toggle";
import type { ServerDraft } from "./types";
import { sequentialIds } from "@/test/support/sequential-ids";

describe("toggleToolFlag", () => {
  it("writes the minimal configs entry and removes it when the value returns to the inherited one", () => {
    const newId = sequentialIds();
    const server = createServer(newId, { name: "calendar", defaultConfig: { enabled: false } });
    const on = toggleToolFlag(server, "search_events", "enabled", newId);
    expect(buildToolset(on).configs).toEqual({ search_events: { enabled: true } });
    const deferred = toggleToolFlag(on, "search_events", "deferLoading", newId);
    expect(buildToolset(deferred).configs).toEqual({
      search_events: { enabled: true, defer_loading: true },
    });
    const back = toggleToolFlag(
      toggleToolFlag(deferred, "search_events", "deferLoading", newId),
      "search_events",
      "enabled",
      newId,
    );
    expect(back.configs).toEqual([]);
    expect(buildToolset(back)).toEqual(buildToolset(server));
  });
});

const flag = fc.option(fc.boolean(), { nil: undefined });
const toolNames = ["a", "b", "c", "list_events", "delete_all_events"];

/** Server drafts whose configs are minimal: one row per tool, no value equal to what it would inherit. */
const minimalServer = fc
  .record({
    enabled: flag,
    deferLoading: flag,
    rows: fc.uniqueArray(
      fc.record({ tool: fc.constantFrom(...toolNames), enabled: flag, deferLoading: flag }),
      {
        selector: (row) => row.tool,
      },
    ),
  })
  .map(({ enabled, deferLoading, rows }): ServerDraft => {
    const inheritedEnabled = enabled ?? true;
    const inheritedDefer = deferLoading ?? false;
    const configs = rows
      .map((row, i) => ({
        id: `r${i}`,
        tool: row.tool,
        enabled: row.enabled === inheritedEnabled ? undefined : row.enabled,
        deferLoading: row.deferLoading === inheritedDefer ? undefined : row.deferLoading,
      }))
      .filter((row) => row.enabled !== undefined || row.deferLoading !== undefined);
    return {
      id: "s",
      name: "srv",
      url: "https://x.dev",
      authorizationToken: "",
      defaultConfig: { enabled, deferLoading },
      configs,
      cacheTtl: "none",
    };
  });

describe("toggle then un-toggle (property)", () => {
  it("leaves configs as they were, for any minimal config, tool and field", () => {
    fc.assert(
      fc.property(
        minimalServer,
        fc.constantFrom(...toolNames),
        fc.constantFrom<ToolFlag>("enabled", "deferLoading"),
        (server, tool, field) => {
          const newId = sequentialIds();
          const once = toggleToolFlag(server, tool, field, newId);
          const twice = toggleToolFlag(once, tool, field, newId);
          expect(buildToolset(twice)).toEqual(buildToolset(server));
          // And the first toggle really flipped the value.
          const read = (s: ServerDraft) => {
            const wire = buildToolset(s);
            const own = wire.configs?.[tool];
            return field === "enabled"
              ? (own?.enabled ?? wire.default_config?.enabled ?? true)
              : (own?.defer_loading ?? wire.default_config?.defer_loading ?? false);
          };
          expect(read(once)).toBe(!read(server));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
