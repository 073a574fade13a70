import { describe, expect, it } from "vitest";
import { signInSuggestions } from "./suggestions";

const servers = [
  { id: "s1", name: "notes" },
  { id: "s2", name: "calendar" },
];

describe("sign-in suggestions from an answer", () => {
  it("reads the API's refused-token error", () => {
    expect(
      signInSuggestions(
        {
          errorMessage:
            "Invalid authorization token for MCP server 'notes'. Please check your token and try again.",
        },
        servers,
      ),
    ).toEqual([{ serverId: "s1", serverName: "notes", reason: "token-refused" }]);
  });

  it("reads a tool result refused for want of scope, and finds its server through the call", () => {
    const blocks = [
      { type: "mcp_tool_use", id: "u1", server_name: "notes" },
      {
        type: "mcp_tool_result",
        tool_use_id: "u1",
        is_error: true,
        content: [
          {
            type: "text",
            text: 'Tool call failed: HTTP 403 insufficient_scope: the server wants the scope "notes:read notes:write". Sign in again with it.',
          },
        ],
      },
      { type: "mcp_tool_use", id: "u2", server_name: "calendar" },
      { type: "mcp_tool_result", tool_use_id: "u2", is_error: true, content: "other failure" },
    ];
    expect(signInSuggestions({ blocks }, servers)).toEqual([
      {
        serverId: "s1",
        serverName: "notes",
        reason: "needs-scope",
        scope: "notes:read notes:write",
      },
    ]);
    expect(signInSuggestions({ blocks }, [])).toEqual([]);
  });
});
