import { describe, expect, it } from "vitest";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { derivePreview } from "./preview";
import { comparePin, describeDrift, pinFromDiscovery, stableJson } from "./pin-drift";
import { createDefaultState } from "./composer";
import { sequentialIds } from "@/test/support/sequential-ids";
import { buildRequest } from "./build-request";

const tool = (
  name: string,
  description = `${name} it`,
  properties: Record<string, unknown> = {},
) => ({
  name,
  description,
  inputSchema: { type: "object", properties },
  destructive: false,
  readOnly: false,
});

describe("pinned tool lists", () => {
  it("are made from a discovery and go into the toolset as `tools`", () => {
    const pinned = pinFromDiscovery([tool("list_events"), tool("search_events")]);
    expect(pinned).toEqual([
      {
        name: "list_events",
        description: "list_events it",
        inputSchema: { type: "object", properties: {} },
      },
      {
        name: "search_events",
        description: "search_events it",
        inputSchema: { type: "object", properties: {} },
      },
    ]);
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    state.servers[0]!.pinnedTools = pinned;
    const toolset = buildRequest(state).tools?.[0];
    expect(toolset).toMatchObject({
      type: "mcp_toolset",
      tools: [
        {
          name: "list_events",
          description: "list_events it",
          input_schema: { type: "object", properties: {} },
        },
        {
          name: "search_events",
          description: "search_events it",
          input_schema: { type: "object", properties: {} },
        },
      ],
    });
  });

  it("report drift: tools added, removed, or with another description or schema (key order aside)", () => {
    const pinned = pinFromDiscovery([
      tool("a"),
      tool("b", "old words"),
      tool("c", "c it", { x: { type: "string" } }),
      tool("d", "d it", { p: { type: "string" }, q: { type: "number" } }),
    ]);
    const live = [
      tool("b", "new words"),
      tool("c", "c it", { x: { type: "number" } }),
      // The same schema, keys in another order: not a change.
      {
        ...tool("d"),
        inputSchema: {
          properties: { q: { type: "number" }, p: { type: "string" } },
          type: "object",
        },
      },
      tool("e"),
    ];
    const drift = comparePin(pinned, live);
    expect(drift).toMatchObject({
      added: ["e"],
      removed: ["a"],
      changed: [
        { name: "b", description: { pinned: "old words", live: "new words" } },
        { name: "c", inputSchema: { pinned: expect.stringContaining('"string"') as unknown } },
      ],
    });
    expect(describeDrift(drift!)).toBe("1 added, 1 removed, 2 changed");
    expect(comparePin(pinned.slice(3), [live[2]!])).toBeNull();
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it("make the preview's rows the pinned list, with the drift from the live discovery", () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    state.servers[0]!.pinnedTools = pinFromDiscovery([tool("list_events")]);
    const live = [tool("list_events"), tool("create_event")];
    const preview = derivePreview(state, {
      discoveredTools: { [state.servers[0]!.id]: live },
      validate: validateRequest,
    });
    const calendar = preview.servers[0]!;
    expect(calendar.toolListSource).toBe("pinned");
    expect(calendar.merge.tools.map((row) => row.name)).toEqual(["list_events"]);
    expect(calendar.drift).toMatchObject({ added: ["create_event"], removed: [], changed: [] });
    expect(preview.servers[1]!.toolListSource).toBe("configs");
  });
});
