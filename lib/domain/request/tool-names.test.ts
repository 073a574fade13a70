import { describe, expect, it } from "vitest";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { findLookalike, namesWithHidden } from "./tool-name-index";
import { hasHidden, looksAlike, toolNameProblem, visibleName, withoutHidden } from "./tool-names";

const LOOKALIKES = ["list_\u202etasks", "list\u200btasks", "list_tasks\u2066", "\ufefflist_tasks"];

describe("tool names a person can read", () => {
  it("flags names outside the rule, and says why in words", () => {
    expect(toolNameProblem("list_tasks")).toBeNull();
    expect(toolNameProblem("get.weather-v2")).toBeNull();
    expect(toolNameProblem('<img src=x onerror="alert(1)">')).toContain("characters outside");
    expect(toolNameProblem("")).toContain("empty");
    expect(toolNameProblem("x".repeat(129))).toContain("over 128");
    for (const name of LOOKALIKES) expect(toolNameProblem(name)).toContain("invisible");
  });

  it("shows hidden characters as code points, and finds look-alikes", () => {
    expect(visibleName("list_\u202etasks")).toBe("list_⟨U+202E⟩tasks");
    expect(visibleName("list\u200btasks")).toBe("list⟨U+200B⟩tasks");
    expect(withoutHidden("list\u200b_tasks")).toBe("list_tasks");
    expect(hasHidden("list_tasks")).toBe(false);
    expect(looksAlike("list\u200b_tasks", "list_tasks")).toBe(true);
    expect(looksAlike("list_tasks", "list_tasks")).toBe(false);
  });

  it("finds a listed look-alike and the listed names with hidden characters, by an index", () => {
    const listed = ["add_task", "list\u200b_tasks", "list_tasks", "\ufeffadd_task"];
    expect(findLookalike(listed, "list_tasks")).toBe("list\u200b_tasks");
    expect(findLookalike(listed, "list\u2066_tasks")).toBe("list\u200b_tasks");
    expect(findLookalike(listed, "add_task")).toBe("\ufeffadd_task");
    expect(findLookalike(listed, "remove_task")).toBeUndefined();
    expect(findLookalike(["list_tasks"], "list_tasks")).toBeUndefined();
    expect(namesWithHidden(listed)).toEqual(["list\u200b_tasks", "\ufeffadd_task"]);
    expect(namesWithHidden(["a", "b"])).toEqual([]);
  });

  it("warns when a configs key differs from a listed tool only by hidden characters", () => {
    const request = {
      model: "m",
      max_tokens: 10,
      messages: [{ role: "user", content: "hi" }],
      betas: ["mcp-client-2025-11-20"],
      mcp_servers: [{ type: "url", url: "https://mcp.example.com/mcp", name: "tasks" }],
      tools: [
        {
          type: "mcp_toolset",
          mcp_server_name: "tasks",
          configs: { list_tasks: { enabled: false } },
        },
      ],
    };
    const problems = validateRequest(request, {
      serverTools: { tasks: ["list\u200b_tasks", "complete_task"] },
    });
    const lookalike = problems.find((problem) => problem.code === "lookalike_tool");
    expect(lookalike?.message).toContain("list⟨U+200B⟩_tasks");
    expect(problems.map((problem) => problem.code)).toContain("hidden_characters_in_tool_name");
  });
});
