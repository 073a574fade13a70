import { describe, expect, it } from "vitest";
import { sequentialIds } from "@/test/support/sequential-ids";
import { createDefaultState } from "./composer";
import { derivePreview } from "./preview";
import { findDiscoveryProblems } from "./discovery-problems";

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

describe("a failed discovery in the problems list", () => {
  it("names the server and the failure, and points at its token for a 401", () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    const [calendar, tasks] = state.servers;
    const preview = derivePreview(state, {
      findDiscoveryProblems,
      discoveryFailures: {
        [tasks!.id]: { kind: "unauthorized", message: "No token given: the server asks for one." },
        [calendar!.id]: { kind: "network", message: "The server did not answer." },
      },
    });
    const failed = preview.problems.filter((problem) => problem.code === "discovery_failed");
    expect(failed.map((problem) => problem.path)).toEqual([
      "calendar › discovery",
      "tasks › discovery",
    ]);
    expect(failed[1]!.message).toContain("failed (401): No token given");
    expect(failed[1]!.fieldId).toContain(tasks!.id);
    expect(failed[1]!.fieldId).toContain("token");
    expect(failed[0]!.fieldId).toContain("url");
    const none = derivePreview(state, { findDiscoveryProblems }).problems;
    expect(none.some((p) => p.code === "discovery_failed")).toBe(false);
  });
});

describe("the preview across edits", () => {
  it("hands back the same server rows when only the message changed, and new ones when a server did", () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    const [calendar, tasks] = state.servers;
    const tools = [
      { name: "free_busy", description: "", inputSchema: {}, destructive: false, readOnly: true },
    ];
    const discoveredTools = { [calendar!.id]: tools };
    const first = derivePreview(state, { discoveredTools });
    const typed = derivePreview(
      { ...state, message: `${state.message} and more` },
      {
        discoveredTools: { ...discoveredTools },
      },
    );
    expect(typed.request).not.toEqual(first.request);
    expect(typed.servers).toBe(first.servers);

    // One server's setting changed: its rows are new, the other server's are the same object.
    const denied = {
      ...state,
      servers: [
        { ...calendar!, defaultConfig: { ...calendar!.defaultConfig, deferLoading: true } },
        tasks!,
      ],
    };
    const edited = derivePreview(denied, { discoveredTools: { [calendar!.id]: tools } });
    expect(edited.servers).not.toBe(first.servers);
    const freeBusy = (preview: typeof first) =>
      preview.servers[0]!.merge.tools.find((tool) => tool.name === "free_busy")!;
    expect(freeBusy(first).deferLoading.value).toBe(false);
    expect(freeBusy(edited).deferLoading.value).toBe(true);
    expect(edited.servers[1]).toBe(first.servers[1]);

    // A new discovery of the same server: new rows, though the draft is the same object.
    const rediscovered = derivePreview(denied, {
      discoveredTools: { [calendar!.id]: [...tools, { ...tools[0]!, name: "create_event" }] },
    });
    expect(rediscovered.servers[0]).not.toBe(edited.servers[0]);
    expect(rediscovered.servers[0]!.merge.tools.map((tool) => tool.name)).toContain("create_event");
  });
});
