// The 4 MB of tool definitions a request may make available (available_tools_limit_exceeded):
// counted over the discovered definitions still enabled once every tool change has applied.
import { describe, expect, it } from "vitest";
import { validateRequest } from "./validate";

/** A server's 1,000 tools of about 1.5 KB each: 1.5 MB of definitions. */
const definitions = (server: string) =>
  Array.from({ length: 1000 }, (_, index) => ({
    name: `${server}_tool_${index}`,
    description: `Tool ${index} of ${server}. `.padEnd(1400, "x"),
    inputSchema: { type: "object", properties: { q: { type: "string" } } },
  }));
const SERVERS = ["a", "b", "c"];
const toolDefinitions = Object.fromEntries(SERVERS.map((name) => [name, definitions(name)]));

function request(
  tools: unknown[],
  messages: unknown[] = [{ role: "user", content: "go" }],
  betas = ["mcp-client-2025-11-20"],
) {
  return {
    model: "claude-opus-4-6",
    max_tokens: 256,
    betas,
    mcp_servers: SERVERS.map((name) => ({
      type: "url",
      url: `https://${name}.example.com/mcp`,
      name,
    })),
    tools,
    messages,
  };
}
const toolset = (name: string, extra: object = {}) => ({
  type: "mcp_toolset",
  mcp_server_name: name,
  ...extra,
});
const bytesProblems = (body: unknown) =>
  validateRequest(body, { toolDefinitions }).filter(
    (problem) => problem.code === "too_many_definition_bytes",
  );

describe("the 4 MB of tool definitions", () => {
  it("is an error past 4 MB of enabled definitions, with the figure and the API's code", () => {
    const [problem, ...more] = bytesProblems(request(SERVERS.map((name) => toolset(name))));
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ severity: "error", path: "tools" });
    expect(problem!.message).toMatch(/about 4\.\d MB/);
    expect(problem!.message).toContain("available_tools_limit_exceeded");
  });

  it("counts only enabled tools: a denied server's definitions are not sent", () => {
    expect(
      bytesProblems(
        request([toolset("a"), toolset("b"), toolset("c", { default_config: { enabled: false } })]),
      ),
    ).toEqual([]);
  });

  it("counts what the tool changes leave: a withdrawn toolset frees its share, an added one adds", () => {
    const betas = ["mcp-client-2026-09-15", "inline-tools-2026-09-15"];
    const history = [
      { role: "user", content: "hi" },
      { role: "assistant", content: "Hello." },
    ];
    const withdrawn = request(
      SERVERS.map((name) => toolset(name)),
      [
        ...history,
        {
          role: "system",
          content: [
            { type: "tool_removal", tool: { type: "mcp_toolset_reference", server_name: "c" } },
          ],
        },
        { role: "user", content: "go" },
      ],
      betas,
    );
    expect(bytesProblems(withdrawn)).toEqual([]);
    const added = request(
      [toolset("a"), toolset("b")],
      [
        ...history,
        {
          role: "system",
          content: [
            {
              type: "tool_addition",
              tool: { type: "tool_definition", definition: toolset("c") },
            },
          ],
        },
        { role: "user", content: "go" },
      ],
      betas,
    );
    expect(bytesProblems(added)).toHaveLength(1);
  });
});
