import "server-only";
// POST /api/mcp/call: call one tool of one MCP server by hand (the Try dialog). The same guard as
// discovery — the address policy, the connection pool, the body and answer caps — and the
// connector's 30 s tool-call patience. The call goes to the server named and nowhere else; the
// token is used for the connection only, never logged or echoed.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { recordedMcpConnection, type McpRouteEnvironment } from "./mcp-connection";
import { redactSecrets } from "@/lib/domain/api/redact";
import { describeToolFailure, toResult } from "@/lib/server/emulator/results";
import { bodyRefusal, errorResponse } from "@/lib/server/http/error-response";
import { readJsonBody } from "@/lib/server/http/read-body";
import {
  BUSY_RETRY_SECONDS,
  callMcpTool,
  connectMcp,
  McpConnectionError,
} from "@/lib/server/mcp/client";
import { STATUS_BY_FAILURE } from "@/lib/server/mcp/errors";

export const CALL_BODY_BYTES = 256 * 1024;
/** The connector's patience with one tool call (the emulator's default too). */
export const TOOL_CALL_TIMEOUT_MS = 30_000;

export const callRequestSchema = z.object({
  url: z.string().min(1, "url is required").max(4000),
  authorization_token: z.string().max(20_000).nullish(),
  tool: z.string().min(1, "tool is required").max(512),
  arguments: z.record(z.string(), z.unknown()).default({}),
  timeout_ms: z.number().int().min(100).max(TOOL_CALL_TIMEOUT_MS).optional(),
});

export type CallEnvironment = McpRouteEnvironment;

/** What one call answered: the result block as the connector would pass it on, and the raw result. */
export interface CallAnswer {
  /** An `mcp_tool_result` as the API would put it in the response (images as its placeholder). */
  block: {
    type: "mcp_tool_result";
    tool_use_id: string;
    is_error: boolean;
    content: { type: "text"; text: string }[];
  };
  /** The server's own result, with binary data left out (its size said instead). */
  raw: unknown;
  durationMs: number;
  /** What the call exchanged with the server (its protocol log). */
  log: unknown;
}

export async function handleCallRequest(
  request: Request,
  env: CallEnvironment = {},
): Promise<Response> {
  const body = await readJsonBody(request, CALL_BODY_BYTES);
  if (!body.ok) return bodyRefusal(body, CALL_BODY_BYTES);
  const parsed = callRequestSchema.safeParse(body.json);
  if (!parsed.success)
    return errorResponse(
      400,
      parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
        .join("; "),
      { fields: { kind: "bad_request" } },
    );
  const { url, authorization_token: token, tool, arguments: args } = parsed.data;
  const timeoutMs = parsed.data.timeout_ms ?? TOOL_CALL_TIMEOUT_MS;
  const secrets = [token];
  // What this call exchanged, for the dialog's protocol log.
  const connection = recordedMcpConnection(request, url, env, secrets);
  const log = connection.log;
  const started = performance.now();
  let session;
  try {
    session = await connectMcp(url, {
      authorizationToken: token,
      connectTimeoutMs: Math.min(timeoutMs, 10_000),
      fetch: connection.fetch,
      signal: request.signal,
      pool: connection.pool,
    });
  } catch (error) {
    const failure =
      error instanceof McpConnectionError
        ? error
        : new McpConnectionError("protocol", String(error));
    return errorResponse(
      STATUS_BY_FAILURE[failure.kind],
      redactSecrets(`Could not connect to the server: ${failure.message}`, secrets),
      {
        fields: { kind: failure.kind, log: log() },
        ...(failure.kind === "busy"
          ? { headers: { "retry-after": String(BUSY_RETRY_SECONDS) } }
          : {}),
      },
    );
  }
  try {
    const outcome = await callMcpTool(session, tool, args, {
      signal: request.signal,
      timeoutMs,
    }).then(
      (result) => ({ ...toResult(result), raw: withoutBinary(result) }),
      (error: unknown) => ({
        isError: true,
        text: describeToolFailure(error, session.challenge?.()),
        raw: null as unknown,
      }),
    );
    const answer: CallAnswer = {
      block: {
        type: "mcp_tool_result",
        tool_use_id: "try",
        is_error: outcome.isError,
        content: [{ type: "text", text: redactSecrets(outcome.text, secrets) }],
      },
      raw: outcome.raw,
      durationMs: Math.round(performance.now() - started),
      log: log(),
    };
    return new Response(redactSecrets(JSON.stringify(answer), secrets), {
      headers: { "content-type": "application/json" },
    });
  } finally {
    await session.close();
  }
}

/** A result with image and audio data replaced by its size: the dialog shows what came, not the bytes. */
function withoutBinary(result: CallToolResult): CallToolResult {
  return {
    ...result,
    content: (result.content ?? []).map((item) =>
      (item.type === "image" || item.type === "audio") && typeof item.data === "string"
        ? { ...item, data: `(${Math.round((item.data.length * 3) / 4)} bytes of base64 data)` }
        : item,
    ),
  };
}
