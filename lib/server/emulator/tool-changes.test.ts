// Tool changes mid-conversation in the emulator, through the official SDK: a toolset added by a
// tool_addition in a system message is callable from then on, a withdrawn toolset or tool is not,
// and the documented errors name what is missing.
import { APIError } from "@anthropic-ai/sdk";
import type {
  BetaMessage,
  BetaMessageParam,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { describe, expect, it } from "vitest";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { emulatorWithDemoServers } from "@/test/support/emulator-harness";

const harness = emulatorWithDemoServers();

const BETAS = ["mcp-client-2026-09-15", "inline-tools-2026-09-15"];

function request(messages: BetaMessageParam[], betas = BETAS) {
  return {
    model: "claude-opus-4-6",
    max_tokens: 1024,
    // tasks only when a change adds it (else it is defined but not referenced: a 400 of its own).
    mcp_servers: [
      { type: "url" as const, url: harness.demoUrl("calendar"), name: "calendar" },
      ...(JSON.stringify(messages).includes('"tasks"')
        ? [
            {
              type: "url" as const,
              url: harness.demoUrl("tasks"),
              name: "tasks",
              authorization_token: DEMO_TASKS_TOKEN,
            },
          ]
        : []),
    ],
    tools: [{ type: "mcp_toolset" as const, mcp_server_name: "calendar" }],
    messages,
    betas,
  };
}

const addTasks: BetaMessageParam = {
  role: "system",
  content: [
    {
      type: "tool_addition",
      tool: {
        type: "tool_definition",
        definition: { type: "mcp_toolset", mcp_server_name: "tasks" },
      },
    },
  ],
};
const calls = (message: BetaMessage) =>
  message.content.flatMap((block) =>
    block.type === "mcp_tool_use" ? [`${block.server_name}.${block.name}`] : [],
  );
const textOf = (message: BetaMessage) =>
  message.content.map((block) => (block.type === "text" ? block.text : "")).join("\n");

describe("tool changes mid-conversation in the emulator", () => {
  it("calls a toolset a tool_addition defined, for a server with no toolset in tools", async () => {
    const message = await harness
      .client()
      .beta.messages.create(
        request([
          { role: "user", content: "hello" },
          { role: "assistant", content: "Hello." },
          addTasks,
          { role: "user", content: "call tasks.list_tasks {}" },
        ]),
      );
    expect(calls(message)).toEqual(["tasks.list_tasks"]);
    const result = message.content.find((block) => block.type === "mcp_tool_result");
    expect(result).toMatchObject({ is_error: false });
  });

  it("does not call a toolset or a tool that a tool_removal withdrew", async () => {
    const removedToolset = await harness.client().beta.messages.create(
      request(
        [
          {
            role: "system",
            content: [
              {
                type: "tool_removal",
                tool: { type: "mcp_toolset_reference", server_name: "calendar" },
              },
            ],
          },
          { role: "user", content: "call calendar.list_events {}" },
        ],
        ["mcp-client-2025-11-20", "mid-conversation-tool-changes-2026-07-01"],
      ),
    );
    expect(calls(removedToolset)).toEqual([]);
    expect(textOf(removedToolset)).toContain("`list_events` of `calendar` is not available");

    const removedTool = await harness.client().beta.messages.create(
      request(
        [
          {
            role: "system",
            content: [
              {
                type: "tool_removal",
                tool: { type: "mcp_tool_reference", server_name: "calendar", name: "list_events" },
              },
            ],
          },
          {
            role: "user",
            content:
              'call calendar.list_events {}\ncall calendar.search_events {"query": "review"}',
          },
        ],
        ["mcp-client-2025-11-20", "mid-conversation-tool-changes-2026-07-01"],
      ),
    );
    expect(calls(removedTool)).toEqual(["calendar.search_events"]);
  });

  it("answers the documented 400s: the missing beta, an undefined server, a second toolset", async () => {
    const refused = async (messages: BetaMessageParam[], betas?: string[]) => {
      const error = await harness
        .client()
        .beta.messages.create(request(messages, betas))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).status).toBe(400);
      return String((error as APIError).message);
    };
    const go = { role: "user" as const, content: "go" };
    expect(await refused([addTasks, go], ["mcp-client-2025-11-20"])).toContain(
      "'inline-tools-2026-09-15'",
    );
    expect(
      await refused([addTasks, go], ["mcp-client-2025-11-20", "inline-tools-2026-09-15"]),
    ).toContain("'mcp-client-2026-09-15'");
    expect(
      await refused([
        {
          role: "system",
          content: [
            { type: "tool_removal", tool: { type: "mcp_toolset_reference", server_name: "notes" } },
          ],
        },
        go,
      ]),
    ).toContain("'notes' is not defined in mcp_servers");
    expect(
      await refused([
        {
          role: "system",
          content: [
            {
              type: "tool_addition",
              tool: {
                type: "tool_definition",
                definition: { type: "mcp_toolset", mcp_server_name: "calendar" },
              },
            },
          ],
        },
        go,
      ]),
    ).toContain("tool_name_conflict");
  });

  it("counts the 4 MB of definitions over the toolsets tool changes add", async () => {
    // Three servers of 10,000 small tools (~1.8 MB of definitions each): one in tools, the others
    // added mid-conversation. One added stays under 4 MB; both pass it.
    const bulk = (name: string) => ({
      type: "url" as const,
      url: `${harness.demoUrl("bulk")}?tools=10000&as=${name}`,
      name,
    });
    const add = (name: string) => ({
      type: "tool_addition" as const,
      tool: {
        type: "tool_definition" as const,
        definition: { type: "mcp_toolset" as const, mcp_server_name: name },
      },
    });
    const ask = (added: string[]) =>
      harness
        .client()
        .beta.messages.create({
          model: "claude-opus-4-6",
          max_tokens: 256,
          mcp_servers: ["bulk_a", ...added].map(bulk),
          tools: [{ type: "mcp_toolset" as const, mcp_server_name: "bulk_a" }],
          messages: [
            { role: "user", content: "hello" },
            { role: "assistant", content: "Hello." },
            { role: "system", content: added.map(add) },
            { role: "user", content: "nothing to call" },
          ],
          betas: BETAS,
        })
        .catch((error: unknown) => error);
    const under = await ask(["bulk_b"]);
    expect(under).not.toBeInstanceOf(APIError);
    const over = await ask(["bulk_b", "bulk_c"]);
    expect(over).toBeInstanceOf(APIError);
    expect((over as APIError).status).toBe(400);
    expect(JSON.stringify((over as APIError).error)).toContain("available_tools_limit_exceeded");
    expect(String((over as APIError).message)).toContain("at most 4 MB");
  }, 60_000);
});
