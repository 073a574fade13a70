// The count_tokens call for a Messages request: the same request without what only a Message
// takes (max_tokens, stream, stop_sequences, temperature, metadata, service_tier, …), so the API
// counts exactly the prompt, system and tool definitions the Message would send.
import type { MessageCountTokensParams } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { MessagesRequest } from "./build-request";

/** The fields of `client.beta.messages.countTokens` params that a Messages request can carry. */
const COUNTED_FIELDS = [
  "model",
  "messages",
  "system",
  "tools",
  "tool_choice",
  "mcp_servers",
  "thinking",
  "output_config",
  "cache_control",
  "context_management",
  "betas",
] as const satisfies readonly (keyof MessageCountTokensParams)[];

export function countTokensParams(request: MessagesRequest): MessageCountTokensParams {
  const params: Record<string, unknown> = {};
  for (const field of COUNTED_FIELDS) {
    const value = (request as unknown as Record<string, unknown>)[field];
    if (value !== undefined) params[field] = value;
  }
  return params as unknown as MessageCountTokensParams;
}
