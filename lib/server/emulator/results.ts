import "server-only";
// An MCP tool's result as the connector passes it on: text as text; an image replaced by the
// text the real API is reported to put in its place (anthropics/claude-ai-mcp#969), with
// is_error false; a failed call in words, naming the scope a 403 asked for.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { droppedImageText } from "@/lib/domain/blocks/image-placeholder";
import type { AuthChallenge } from "@/lib/server/mcp/client";

export function toResult(result: CallToolResult): { isError: boolean; text: string } {
  const parts = (result.content ?? []).map((item) => {
    switch (item.type) {
      case "text":
        return item.text;
      case "image":
        return droppedImageText(item.mimeType);
      case "audio":
        return `[audio: ${item.mimeType}, ${Math.round((item.data.length * 3) / 4)} bytes]`;
      case "resource":
        return "text" in item.resource ? item.resource.text : `[resource ${item.resource.uri}]`;
      case "resource_link":
        return `[resource link ${item.uri}]`;
      default:
        return JSON.stringify(item);
    }
  });
  if (parts.length === 0 && result.structuredContent)
    parts.push(JSON.stringify(result.structuredContent));
  return { isError: result.isError === true, text: parts.join("\n") || "(no content)" };
}

/** A failed call in words; a 403 that asks for more scope says which (the card offers it). */
export function describeToolFailure(error: unknown, challenge: AuthChallenge | undefined): string {
  if (challenge?.error === "insufficient_scope") {
    return `Tool call failed: HTTP 403 insufficient_scope: the server wants the scope "${challenge.scope ?? ""}". Sign in again with it.`;
  }
  return `Tool call failed: ${error instanceof Error ? error.message : String(error)}`;
}
