import { describe, expect, it } from "vitest";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { importRequest } from "@/lib/domain/import/import-request";
import { generateSnippet } from "@/lib/domain/export/snippets";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import { sequentialIds } from "@/test/support/sequential-ids";
import { buildRequest } from "./build-request";
import { createDefaultState } from "./composer";
import { insertToolChange, toolChangeBlock } from "./tool-change-edits";
import {
  finalToolsets,
  INLINE_TOOLS_BETA,
  replayToolChanges,
  TOOL_CHANGES_BETA,
  toolChangeBetas,
} from "./tool-changes";

const servers = [
  { type: "url", url: "https://calendar.example.com/mcp", name: "calendar" },
  { type: "url", url: "https://tasks.example.com/mcp", name: "tasks" },
];
const system = (...content: unknown[]) => ({ role: "system", content });
const addTasks = {
  type: "tool_addition",
  tool: {
    type: "tool_definition",
    definition: {
      type: "mcp_toolset",
      mcp_server_name: "tasks",
      default_config: { defer_loading: true },
    },
  },
};
const removeCalendar = {
  type: "tool_removal",
  tool: { type: "mcp_toolset_reference", server_name: "calendar" },
};
const removeTool = (name: string) => ({
  type: "tool_removal",
  tool: { type: "mcp_tool_reference", server_name: "calendar", name },
});
const request = (messages: unknown[], betas: string[]) => ({
  model: "claude-opus-4-6",
  max_tokens: 1024,
  // tasks only when a change adds it (else it is defined but not referenced).
  mcp_servers: JSON.stringify(messages).includes('"tasks"') ? servers : servers.slice(0, 1),
  tools: [{ type: "mcp_toolset", mcp_server_name: "calendar" }],
  messages,
  betas,
});
const codes = (problems: { code: string; severity: string }[]) =>
  problems.filter((problem) => problem.severity === "error").map((problem) => problem.code);

describe("replaying tool changes", () => {
  it("adds a toolset, withdraws one tool, then the whole toolset, from the message on", () => {
    const messages = [
      { role: "user", content: "hi" },
      system(addTasks, removeTool("delete_all_events")),
      { role: "user", content: "more" },
      system(removeCalendar),
      { role: "user", content: "last" },
    ];
    const { after, problems } = replayToolChanges({ tools: request([], []).tools, messages });
    expect(problems).toEqual([]);
    expect([...after[0]!.keys()]).toEqual(["calendar"]);
    expect([...after[1]!.keys()]).toEqual(["calendar", "tasks"]);
    expect(after[1]!.get("calendar")?.removedTools).toEqual(["delete_all_events"]);
    expect(after[1]!.get("tasks")).toMatchObject({ from: 1 });
    expect([...finalToolsets({ tools: request([], []).tools, messages }).keys()]).toEqual([
      "tasks",
    ]);
  });

  it("re-adds a withdrawn toolset or tool by reference", () => {
    const messages = [
      system(removeTool("list_events"), removeCalendar),
      system({
        type: "tool_addition",
        tool: { type: "mcp_toolset_reference", server_name: "calendar" },
      }),
      system({
        type: "tool_addition",
        tool: { type: "mcp_tool_reference", server_name: "calendar", name: "list_events" },
      }),
    ];
    const { after, problems } = replayToolChanges({ tools: request([], []).tools, messages });
    expect(problems).toEqual([]);
    expect(after[0]!.has("calendar")).toBe(false);
    expect(after[1]!.get("calendar")?.removedTools).toEqual([]);
  });

  it("asks for the betas the changes need", () => {
    expect(toolChangeBetas([system(removeCalendar)])).toEqual([TOOL_CHANGES_BETA]);
    expect(toolChangeBetas([system(addTasks, removeCalendar)])).toEqual([INLINE_TOOLS_BETA]);
    expect(toolChangeBetas([{ role: "user", content: "hi" }])).toEqual([]);
  });
});

describe("the validator's rules for tool changes", () => {
  const all = ["mcp-client-2026-09-15", INLINE_TOOLS_BETA];

  it("passes a toolset added mid-conversation for a server with no toolset in tools", () => {
    const problems = validateRequest(
      request(
        [{ role: "user", content: "hi" }, system(addTasks), { role: "user", content: "go" }],
        all,
      ),
    );
    expect(codes(problems)).toEqual([]);
  });

  it("names the missing beta for a definition, for an MCP definition, and for a reference", () => {
    expect(
      codes(
        validateRequest(
          request([system(addTasks), { role: "user", content: "go" }], ["mcp-client-2025-11-20"]),
        ),
      ),
    ).toEqual(["tool_change_needs_beta", "tool_change_needs_beta"]);
    const mcpMissing = validateRequest(
      request(
        [system(addTasks), { role: "user", content: "go" }],
        ["mcp-client-2025-11-20", INLINE_TOOLS_BETA],
      ),
    );
    expect(
      mcpMissing.find((problem) => problem.code === "tool_change_needs_beta")?.message,
    ).toContain("'mcp-client-2026-09-15'");
    const reference = validateRequest(
      request([system(removeCalendar), { role: "user", content: "go" }], ["mcp-client-2025-11-20"]),
    );
    expect(
      reference.find((problem) => problem.code === "tool_change_needs_beta")?.message,
    ).toContain(`'${TOOL_CHANGES_BETA}'`);
    expect(
      codes(
        validateRequest(
          request(
            [system(removeCalendar), { role: "user", content: "go" }],
            ["mcp-client-2025-11-20", TOOL_CHANGES_BETA],
          ),
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a change that names a server mcp_servers does not define (tool_reference_unresolved)", () => {
    const problems = validateRequest(
      request(
        [
          system({
            type: "tool_removal",
            tool: { type: "mcp_toolset_reference", server_name: "notes" },
          }),
          { role: "user", content: "go" },
        ],
        all,
      ),
    );
    expect(codes(problems)).toEqual(["tool_reference_unresolved"]);
    expect(problems[0]?.message).toContain("'notes' is not defined in mcp_servers");
  });

  it("refuses a second toolset for a server that already has one (tool_name_conflict)", () => {
    const again = {
      type: "tool_addition",
      tool: {
        type: "tool_definition",
        definition: { type: "mcp_toolset", mcp_server_name: "calendar" },
      },
    };
    expect(
      codes(validateRequest(request([system(again), { role: "user", content: "go" }], all))),
    ).toEqual(["tool_name_conflict"]);
  });

  it("counts deferred tools on what is offered after the changes", () => {
    const many = Array.from({ length: 10_001 }, (_, index) => `tool_${index}`);
    const problems = validateRequest(
      request([system(addTasks), { role: "user", content: "go" }], all),
      { serverTools: { calendar: ["list_events"], tasks: many } },
    );
    expect(codes(problems)).toContain("too_many_deferred_tools");
  });
});

describe("tool changes made in the composer", () => {
  const composed = () => {
    const state = createDefaultState(sequentialIds(), "http://localhost:3000");
    const tasks = state.servers[1]!;
    state.servers[1] = { ...tasks, defaultConfig: { deferLoading: true }, configs: [] };
    state.beta = "mcp-client-2026-09-15";
    state.conversation = [
      { id: "t1", role: "user", content: "hello" },
      { id: "t2", role: "assistant", content: "Hello." },
    ];
    state.conversation = insertToolChange(
      state.conversation,
      1,
      toolChangeBlock("add_toolset", "tasks"),
      () => "t3",
    );
    return state;
  };

  it("send the added server's toolset in the tool_addition, as its card sets it, with the betas", () => {
    const request = buildRequest(composed());
    expect(
      request.tools?.map((tool) => (tool as { mcp_server_name?: string }).mcp_server_name),
    ).toEqual(["calendar"]);
    expect(request.messages[2]).toEqual({
      role: "system",
      content: [
        {
          type: "tool_addition",
          tool: {
            type: "tool_definition",
            definition: {
              type: "mcp_toolset",
              mcp_server_name: "tasks",
              default_config: { defer_loading: true },
            },
          },
        },
      ],
    });
    expect(request.betas).toEqual(["mcp-client-2026-09-15", INLINE_TOOLS_BETA]);
    expect(
      validateRequest(request, { target: "emulator" }).filter(
        (problem) => problem.severity === "error",
      ),
    ).toEqual([]);
  });

  it("come back whole through import (collection files), share links and snippets", () => {
    const request = buildRequest(composed());
    const imported = importRequest(JSON.stringify(request), sequentialIds());
    if (!imported.success) throw new Error(imported.error);
    expect(buildRequest(imported.data.state)).toEqual(request);
    expect(imported.data.notes.filter((note) => note.includes("no mcp_toolset"))).toEqual([]);
    const shared = decodeShareState(encodeShareState(composed()), sequentialIds());
    if (!shared.success) throw new Error(shared.error);
    expect(buildRequest(shared.data.state).messages).toEqual(request.messages);
    expect(generateSnippet("curl", request)).toContain('"type": "tool_addition"');
  });
});
