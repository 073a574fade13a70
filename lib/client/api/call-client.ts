// The browser's side of calling a tool by hand: POST /api/mcp/call, and read the answer with zod
// (the result block with the response's own block schema) before anything renders it.
import type { BetaContentBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { z } from "zod";
import { contentBlockSchema, depthWithin } from "@/lib/domain/blocks/schema";
import { protocolLogSchema, type ProtocolEntry } from "@/lib/domain/protocol/log";
import { readRouteError, unreachableError } from "./route-error";

export const CALL_PATH = "/api/mcp/call";

const answerSchema = z.object({
  block: contentBlockSchema,
  raw: z.unknown().refine((raw) => depthWithin(raw, 64), "The raw result is nested too deeply."),
  durationMs: z.number().nonnegative(),
  log: protocolLogSchema.optional().catch(undefined),
});

export interface ToolCallRequest {
  url: string;
  authorizationToken: string;
  tool: string;
  arguments: Record<string, unknown>;
}

export type ToolCallOutcome =
  | {
      ok: true;
      block: BetaContentBlock;
      raw: unknown;
      durationMs: number;
      log?: ProtocolEntry[];
    }
  | { ok: false; message: string; log?: ProtocolEntry[] };

export async function requestToolCall(
  call: ToolCallRequest,
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<ToolCallOutcome> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(CALL_PATH, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        url: call.url,
        tool: call.tool,
        arguments: call.arguments,
        ...(call.authorizationToken ? { authorization_token: call.authorizationToken } : {}),
      }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, message: "The call was cancelled." };
    return { ok: false, message: unreachableError(error, false).message };
  }
  if (!response.ok) {
    const failure = await readRouteError(response);
    const log = protocolLogSchema.safeParse(failure.fields.log);
    return { ok: false, message: failure.message, ...(log.success ? { log: log.data } : {}) };
  }
  const parsed = answerSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success || parsed.data.block.type !== "mcp_tool_result")
    return { ok: false, message: "The tool's answer could not be read." };
  return {
    ok: true,
    // Checked by the response's own block schema above.
    block: parsed.data.block as unknown as BetaContentBlock,
    raw: parsed.data.raw,
    durationMs: parsed.data.durationMs,
    ...(parsed.data.log ? { log: parsed.data.log } : {}),
  };
}
