// Test support: an assistant turn as the API returns it with the MCP connector, and a two-turn
// conversation holding it. Characters a shell or a template would touch ($, `) are on purpose.
import type { BetaContentBlockParam } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { ConversationTurn } from "../../lib/domain/request/types";

export function toolTurnBlocks(): BetaContentBlockParam[] {
  return [
    { type: "text", text: "I'll call `calendar.list_events`.", citations: null },
    {
      type: "mcp_tool_use",
      id: "mcptoolu_01",
      name: "list_events",
      server_name: "calendar",
      input: {},
    },
    {
      type: "mcp_tool_result",
      tool_use_id: "mcptoolu_01",
      is_error: false,
      content: [{ type: "text", text: "Stand-up at $9 `now`", citations: null }],
    },
  ];
}

export function twoTurnConversation(): ConversationTurn[] {
  return [
    { id: "t1", role: "user", content: "What is on?" },
    { id: "t2", role: "assistant", content: toolTurnBlocks() },
  ];
}
