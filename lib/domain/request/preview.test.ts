import { describe, expect, it } from "vitest";
import { sequentialIds } from "@/test/support/sequential-ids";
import { createDefaultState } from "./composer";
import { derivePreview } from "./preview";

describe("the preview's token counts", () => {
  it("count what is known and say what is not, when one server is not discovered", () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    const [calendar, tasks] = state.servers;
    const tool = (name: string) => ({
      name,
      description: `${name}: does a thing with the calendar for the person asking.`,
      inputSchema: { type: "object", properties: { q: { type: "string" } } },
      destructive: false,
      readOnly: true,
    });
    const onlyCalendar = derivePreview(state, {
      discoveredTools: { [calendar!.id]: [tool("list_events"), tool("search_events")] },
    });
    expect(onlyCalendar.totalUpFrontTokens).toBeNull();
    expect(onlyCalendar.knownUpFrontTokens).toBe(onlyCalendar.servers[0]!.upFrontTokens);
    expect(onlyCalendar.knownUpFrontTokens).toBeGreaterThan(0);
    expect(onlyCalendar.uncountedServers).toBe(1);
    const both = derivePreview(state, {
      discoveredTools: {
        [calendar!.id]: [tool("list_events"), tool("search_events")],
        [tasks!.id]: [tool("list_tasks")],
      },
    });
    expect(both.uncountedServers).toBe(0);
    expect(both.knownUpFrontTokens).toBe(both.totalUpFrontTokens);
  });
});
