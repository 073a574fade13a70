import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeSummary,
  mergeToolset,
  resolveTool,
  summarizeTools,
  tallyToolset,
  type ToolsetLayers,
} from "./merge";

const CALENDAR = [
  "list_events",
  "search_events",
  "create_event",
  "delete_all_events",
  "share_calendar_publicly",
];

function table(toolset: ToolsetLayers, names = CALENDAR) {
  return Object.fromEntries(
    mergeToolset(toolset, names).tools.map((tool) => [
      tool.name,
      `${tool.enabled.value}/${tool.enabled.source} ${tool.deferLoading.value}/${tool.deferLoading.source}`,
    ]),
  );
}

describe("mergeToolset: the API docs' worked examples", () => {
  it("A: configs override default_config per field", () => {
    const result = table({
      default_config: { defer_loading: true },
      configs: { search_events: { enabled: false } },
    });
    expect(result.search_events).toBe("false/configs true/default_config");
    expect(result.list_events).toBe("true/default true/default_config");
    expect(result.delete_all_events).toBe("true/default true/default_config");
  });

  it("B: no default_config and no configs enables everything, nothing deferred", () => {
    for (const row of Object.values(table({}))) expect(row).toBe("true/default false/default");
  });

  it("C: allowlist enables only the listed tools", () => {
    const merge = mergeToolset(
      {
        default_config: { enabled: false },
        configs: { search_events: { enabled: true }, create_event: { enabled: true } },
      },
      CALENDAR,
    );
    expect(merge.tools.filter((t) => t.enabled.value).map((t) => t.name)).toEqual([
      "search_events",
      "create_event",
    ]);
    expect(merge.tools.find((t) => t.name === "list_events")?.enabled.source).toBe(
      "default_config",
    );
  });

  it("D: denylist disables only the listed tools", () => {
    const merge = mergeToolset(
      {
        configs: {
          delete_all_events: { enabled: false },
          share_calendar_publicly: { enabled: false },
        },
      },
      CALENDAR,
    );
    expect(merge.tools.filter((t) => !t.enabled.value).map((t) => t.name)).toEqual([
      "delete_all_events",
      "share_calendar_publicly",
    ]);
  });

  it("E: mixed; list_events inherits defer_loading from default_config", () => {
    const result = table({
      default_config: { enabled: false, defer_loading: true },
      configs: {
        search_events: { enabled: true, defer_loading: false },
        list_events: { enabled: true },
      },
    });
    expect(result.search_events).toBe("true/configs false/configs");
    expect(result.list_events).toBe("true/configs true/default_config");
    expect(result.create_event).toBe("false/default_config true/default_config");
  });
});

describe("mergeToolset without a discovered list", () => {
  it("rows come from the configs keys plus an every-other-tool row", () => {
    const merge = mergeToolset({
      default_config: { enabled: false },
      configs: { a: { enabled: true } },
    });
    expect(merge.tools.map((t) => t.name)).toEqual(["a"]);
    expect(merge.otherTools?.enabled).toEqual({ value: false, source: "default_config" });
    expect(merge.otherTools?.deferLoading).toEqual({ value: false, source: "default" });
  });

  it("reports configs names the server does not list", () => {
    expect(
      mergeToolset({ configs: { nope: { enabled: false } } }, ["a"]).unknownConfigNames,
    ).toEqual(["nope"]);
  });

  it("does not read inherited object properties as tool configs", () => {
    expect(resolveTool({ configs: {} }, "toString").enabled.source).toBe("default");
  });
});

describe("summary", () => {
  it("counts enabled, deferred and disabled tools", () => {
    const merge = mergeToolset(
      {
        default_config: { defer_loading: true },
        configs: { a: { enabled: false }, b: { defer_loading: false } },
      },
      ["a", "b", "c", "d"],
    );
    const summary = summarizeTools(merge.tools);
    expect(summary).toEqual({ enabled: 3, deferred: 2, upFront: 1, disabled: 1 });
    expect(describeSummary(summary)).toBe("3 tools enabled, 2 deferred, 1 disabled");
  });
});

const flag = fc.option(fc.boolean(), { nil: undefined });
const flags = fc.record({ enabled: flag, defer_loading: flag }, { requiredKeys: [] });
const toolName = fc.constantFrom("a", "b", "c", "d", "e", "__proto__", "constructor");
const toolset = fc.record(
  { default_config: flags, configs: fc.dictionary(toolName, flags) },
  { requiredKeys: [] },
);

describe("merge precedence holds for any input (property)", () => {
  it("each field takes configs, else default_config, else the system default, and names its source", () => {
    fc.assert(
      fc.property(toolset, fc.uniqueArray(toolName), (layers, names) => {
        const merge = mergeToolset(layers, names);
        expect(merge.tools.map((t) => t.name)).toEqual(names);
        for (const tool of merge.tools) {
          const own =
            layers.configs && Object.hasOwn(layers.configs, tool.name)
              ? layers.configs[tool.name]
              : undefined;
          for (const [field, key, fallback] of [
            ["enabled", "enabled", true],
            ["deferLoading", "defer_loading", false],
          ] as const) {
            const resolved = tool[field];
            if (own?.[key] !== undefined)
              expect(resolved).toEqual({ value: own[key], source: "configs" });
            else if (layers.default_config?.[key] !== undefined) {
              expect(resolved).toEqual({
                value: layers.default_config[key],
                source: "default_config",
              });
            } else expect(resolved).toEqual({ value: fallback, source: "default" });
          }
        }
        const summary = summarizeTools(merge.tools);
        expect(summary.enabled + summary.disabled).toBe(names.length);
        expect(summary.deferred + summary.upFront).toBe(summary.enabled);
      }),
      { numRuns: 2000 },
    );
  });

  it("a tool absent from configs is exactly the every-other-tool row", () => {
    fc.assert(
      fc.property(toolset, (layers) => {
        const other = mergeToolset(layers).otherTools;
        const fresh = resolveTool(layers, "tool-that-is-not-configured");
        expect(other?.enabled).toEqual(fresh.enabled);
        expect(other?.deferLoading).toEqual(fresh.deferLoading);
      }),
    );
  });
});

describe("tallyToolset agrees with the full merge (property)", () => {
  it("counts the same up-front and deferred tools", () => {
    fc.assert(
      fc.property(
        toolset,
        fc.option(fc.uniqueArray(toolName), { nil: undefined }),
        (layers, names) => {
          const merge = mergeToolset(layers, names);
          const summary = summarizeTools(merge.tools);
          const tally = tallyToolset(layers, names);
          expect(tally.upFront).toBe(summary.upFront);
          expect(tally.deferred).toBe(summary.deferred);
          const other = merge.otherTools;
          expect(tally.othersUpFront).toBe(
            !!other && other.enabled.value && !other.deferLoading.value,
          );
          expect(tally.othersDeferred).toBe(
            !!other && other.enabled.value && other.deferLoading.value,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
