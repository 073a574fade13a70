// When an answer says a server wants a sign-in — the API's (and the emulator's) "Invalid
// authorization token for MCP server 'X'", or a tool result refused for want of scope — which
// server, and with what scope, the response pane offers to sign in to.
import type { ServerDraft } from "@/lib/domain/request/types";

export interface SignInSuggestion {
  serverId: string;
  serverName: string;
  scope?: string;
  reason: "token-refused" | "needs-scope";
}

const TOKEN_REFUSED = /Invalid authorization token for MCP server '([^']+)'/;
const NEEDS_SCOPE = /insufficient_scope: the server wants the scope "([^"]*)"/;

interface BlockLike {
  type: string;
  id?: unknown;
  server_name?: unknown;
  tool_use_id?: unknown;
  is_error?: unknown;
  content?: unknown;
}

function resultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: { text?: unknown }) => (typeof part.text === "string" ? part.text : ""))
    .join("\n");
}

export function signInSuggestions(
  answer: { errorMessage?: string; blocks?: readonly BlockLike[] },
  servers: readonly Pick<ServerDraft, "id" | "name">[],
): SignInSuggestion[] {
  const found = new Map<string, SignInSuggestion>();
  const add = (serverName: string, reason: SignInSuggestion["reason"], scope?: string) => {
    const server = servers.find((candidate) => candidate.name === serverName);
    if (server && !found.has(server.id))
      found.set(server.id, {
        serverId: server.id,
        serverName,
        reason,
        ...(scope ? { scope } : {}),
      });
  };
  const refused = answer.errorMessage ? TOKEN_REFUSED.exec(answer.errorMessage) : null;
  if (refused?.[1]) add(refused[1], "token-refused");
  const callServer = new Map<unknown, string>();
  for (const block of answer.blocks ?? []) {
    if (block.type === "mcp_tool_use" && typeof block.server_name === "string")
      callServer.set(block.id, block.server_name);
    if (block.type === "mcp_tool_result" && block.is_error === true) {
      const scope = NEEDS_SCOPE.exec(resultText(block.content))?.[1];
      const serverName = callServer.get(block.tool_use_id);
      if (scope !== undefined && serverName) add(serverName, "needs-scope", scope);
    }
  }
  return [...found.values()];
}
