// The offline Messages API with the MCP connector: validates like the API, really connects to each
// MCP server, applies its toolset, lets the scripted model call tools, and answers a BetaMessage
// with the blocks in the documented order (text → mcp_tool_use → mcp_tool_result → … → text).
import type {
  BetaContentBlock,
  BetaMCPToolset,
  BetaMessage,
  BetaMessageParam,
  BetaRequestMCPServerURLDefinition,
  BetaTextBlock,
  BetaUsage,
  MessageCreateParamsBase,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import {
  callMcpTool,
  connectMcp,
  listAllTools,
  McpConnectionError,
  type AuthChallenge,
  type McpSession,
} from "../mcp/client";
import { processLimits, type PlaygroundLimits } from "../limits";
import { resolveTool } from "../toolset/merge";
import { estimateDefinitionTokens, estimateTokens } from "../toolset/token-estimate";
import { validateRequest } from "../toolset/validate";
import { ApiError } from "./errors";
import { createApiId, type IdPrefix } from "./ids";
import { describeOverview, describeUnavailable, planTurn, type ServerView } from "./scripted-model";

export interface EmulatorOptions {
  /** The betas from the anthropic-beta header (the SDK sends `betas` there, not in the body). */
  betas: readonly string[];
  signal?: AbortSignal;
  fetch?: typeof fetch;
  connectTimeoutMs?: number;
  toolTimeoutMs?: number;
  /** Makes the ids; random API-shaped ids by default (tests pass a deterministic one). */
  createId?: (prefix: IdPrefix) => string;
  /** Fan-out caps; the process's settings by default. */
  limits?: PlaygroundLimits;
}

export type EmulatorRequest = MessageCreateParamsBase;

/**
 * What the emulator produces, in order, as soon as each part is known: the streamed and the
 * non-streamed answer are both made from these, so they cannot disagree.
 */
export type EmulatorStep =
  | { type: "start"; message: BetaMessage }
  | { type: "block"; block: BetaContentBlock }
  | { type: "end"; stopReason: "end_turn"; usage: BetaUsage };

/** The emulator's own MCP client name, like the API's "Anthropic/API". */
const CLIENT_INFO = { name: "mcp-connector-playground-emulator", version: "0.1.0" };
const RESULT_PREVIEW_CHARS = 1500;

export async function runEmulator(
  request: EmulatorRequest,
  options: EmulatorOptions,
): Promise<BetaMessage> {
  let message: BetaMessage | undefined;
  for await (const step of emulatorSteps(request, options)) {
    if (step.type === "start") message = step.message;
    else if (!message) throw new Error("emulator: a step came before the start");
    else if (step.type === "block") message.content.push(step.block);
    else message = { ...message, stop_reason: step.stopReason, usage: step.usage };
  }
  if (!message) throw new Error("emulator: no message was produced");
  return message;
}

/**
 * Validates and connects first (failures there throw before anything is yielded, so they become
 * ordinary HTTP errors), then yields the message's parts as they happen. Closing the generator
 * early (a cancelled stream) closes the MCP sessions.
 */
export async function* emulatorSteps(
  request: EmulatorRequest,
  options: EmulatorOptions,
): AsyncGenerator<EmulatorStep, void, undefined> {
  const betas = [...options.betas, ...(request.betas ?? [])];
  const firstError = validateRequest({ ...request, betas }, { target: "emulator" }).find(
    (problem) => problem.severity === "error",
  );
  if (firstError) throw new ApiError(400, firstError.apiMessage ?? firstError.message);

  const servers = request.mcp_servers ?? [];
  const toolsets = (request.tools ?? []).filter(
    (tool): tool is BetaMCPToolset => tool.type === "mcp_toolset",
  );
  const limits = options.limits ?? processLimits();
  if (servers.length > limits.maxMcpServers) {
    throw new ApiError(
      400,
      `mcp_servers: this emulator takes at most ${limits.maxMcpServers} MCP servers in one request (PLAYGROUND_MAX_MCP_SERVERS); this one has ${servers.length}.`,
    );
  }
  const sessions = new Map<string, McpSession>();
  // One server failing stops the others still connecting; every session that opened is closed.
  const connecting = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, connecting.signal])
    : connecting.signal;
  try {
    const settled = await Promise.allSettled(
      servers.map(async (server) => {
        try {
          const session = await connectServer(server, { ...options, signal });
          sessions.set(server.name, session);
          const tools = await listServerTools(server, session, signal, limits);
          return viewServer(
            server,
            toolsets.find((t) => t.mcp_server_name === server.name),
            tools,
          );
        } catch (error) {
          connecting.abort();
          throw error;
        }
      }),
    );
    const failed = settled.find((result) => result.status === "rejected");
    if (failed) throw firstCause(settled, failed.reason);
    const views = settled.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    yield* respond(request, views, sessions, { ...options, limits });
  } finally {
    await Promise.all([...sessions.values()].map((session) => session.close()));
  }
}

/** The error that started a failure, not the aborts it caused in the other servers. */
function firstCause(settled: PromiseSettledResult<unknown>[], fallback: unknown): unknown {
  const reasons = settled.flatMap((result): unknown[] =>
    result.status === "rejected" ? [result.reason] : [],
  );
  return (
    reasons.find(
      (reason) => !(reason instanceof ApiError && /cancelled|aborted/i.test(reason.message)),
    ) ?? fallback
  );
}

async function listServerTools(
  server: BetaRequestMCPServerURLDefinition,
  session: McpSession,
  signal: AbortSignal,
  limits: PlaygroundLimits,
): Promise<Tool[]> {
  try {
    return await listAllTools(session, signal, {
      maxTools: limits.maxTools,
      maxBytes: limits.maxToolBytes,
    });
  } catch (error) {
    if (error instanceof McpConnectionError && error.kind === "limit") {
      throw new ApiError(
        400,
        `MCP server '${server.name}': ${error.message}`,
        "available_tools_limit_exceeded",
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, `Failed to list the tools of MCP server '${server.name}': ${reason}`);
  }
}

async function connectServer(
  server: BetaRequestMCPServerURLDefinition,
  options: EmulatorOptions,
): Promise<McpSession> {
  try {
    return await connectMcp(server.url, {
      authorizationToken: server.authorization_token,
      connectTimeoutMs: options.connectTimeoutMs,
      signal: options.signal,
      fetch: options.fetch,
      clientInfo: CLIENT_INFO,
    });
  } catch (error) {
    if (error instanceof McpConnectionError && error.kind === "unauthorized") {
      throw new ApiError(
        400,
        `Invalid authorization token for MCP server '${server.name}'. Please check your token and try again.`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    // The real API's status and text here are unconfirmed (it was a 500 in mid-2025); see the README.
    throw new ApiError(400, `Failed to connect to MCP server '${server.name}': ${reason}`);
  }
}

interface ResolvedServer {
  view: ServerView;
  tools: Map<string, Tool>;
}

function viewServer(
  server: BetaRequestMCPServerURLDefinition,
  toolset: BetaMCPToolset | undefined,
  tools: Tool[],
): ResolvedServer {
  const view: ServerView = { name: server.name, callable: [], deferred: [], disabled: [] };
  const legacy = toolset ? null : server.tool_configuration;
  for (const tool of tools) {
    let enabled: boolean;
    let deferred: boolean;
    if (toolset) {
      const merged = resolveTool(toolset, tool.name);
      enabled = merged.enabled.value;
      deferred = merged.deferLoading.value;
    } else {
      // The deprecated 2025-04-04 shape: tool_configuration inside the server.
      enabled =
        legacy?.enabled !== false &&
        (!legacy?.allowed_tools || legacy.allowed_tools.includes(tool.name));
      deferred = false;
    }
    if (!enabled) view.disabled.push(tool.name);
    else if (deferred) view.deferred.push(tool.name);
    else
      view.callable.push({
        name: tool.name,
        description: tool.description,
        inputSchema: tool.inputSchema,
      });
  }
  return { view, tools: new Map(tools.map((tool) => [tool.name, tool])) };
}

async function* respond(
  request: EmulatorRequest,
  resolved: ResolvedServer[],
  sessions: Map<string, McpSession>,
  options: EmulatorOptions,
): AsyncGenerator<EmulatorStep, void, undefined> {
  const createId = options.createId ?? createApiId;
  const views = resolved.map((server) => server.view);
  const plan = planTurn(lastUserText(request.messages), views);
  const promptTokens = estimatePromptTokens(request, views);
  const usage = (inputTokens: number, outputTokens: number): BetaUsage => ({
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: null,
    fallback_credit: null,
    inference_geo: null,
    iterations: null,
    output_tokens_details: null,
    server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
    service_tier: "standard",
    speed: null,
  });
  yield {
    type: "start",
    message: {
      id: createId("msg"),
      type: "message",
      role: "assistant",
      model: request.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      container: null,
      context_management: null,
      diagnostics: null,
      // As the API's message_start: the prompt so far and one output token.
      usage: usage(promptTokens, 1),
    },
  };

  let resultTokens = 0;
  let outputTokens = 0;
  const emit = (block: BetaContentBlock): EmulatorStep => {
    if (block.type === "text") outputTokens += estimateTokens(block.text);
    if (block.type === "mcp_tool_use")
      outputTokens += estimateTokens(JSON.stringify(block.input)) + 10;
    return { type: "block", block };
  };

  if (plan.kind === "overview") {
    yield emit(textBlock(describeOverview(views)));
  } else {
    const notes = [...plan.parseErrors, ...plan.unavailable.map(describeUnavailable)];
    const maxCalls = options.limits?.maxToolCallsPerTurn ?? processLimits().maxToolCallsPerTurn;
    const calls = plan.calls.slice(0, maxCalls);
    if (plan.calls.length > maxCalls) {
      notes.push(
        `${plan.calls.length} tool calls were asked for; this emulator makes at most ${maxCalls} in one turn (PLAYGROUND_MAX_TOOL_CALLS), so the last ${plan.calls.length - maxCalls} are not made.`,
      );
    }
    if (calls.length === 0) {
      yield emit(textBlock(notes.join("\n\n")));
    } else {
      const intro = `I'll call ${calls.map((call) => `\`${call.server}.${call.tool}\``).join(", ")}.`;
      yield emit(textBlock([...notes, intro].join("\n\n")));
      const outcomes: string[] = [];
      for (const call of calls) {
        const id = createId("mcptoolu");
        yield emit({
          type: "mcp_tool_use",
          id,
          name: call.tool,
          server_name: call.server,
          input: call.input,
        });
        const session = sessions.get(call.server);
        const result = session
          ? await callMcpTool(session, call.tool, call.input, {
              signal: options.signal,
              timeoutMs: options.toolTimeoutMs,
            }).then(
              (value) => toResult(value),
              (error: unknown) => ({
                isError: true,
                text: describeToolFailure(error, session.challenge?.()),
              }),
            )
          : { isError: true, text: "No session for this server." };
        resultTokens += estimateTokens(result.text);
        yield emit({
          type: "mcp_tool_result",
          tool_use_id: id,
          is_error: result.isError,
          content: [textBlock(result.text)],
        });
        outcomes.push(
          result.isError
            ? `**${call.server}.${call.tool}** failed: ${preview(result.text)}`
            : `**${call.server}.${call.tool}** returned:\n\n\`\`\`\n${preview(result.text)}\n\`\`\``,
        );
      }
      yield emit(textBlock(outcomes.join("\n\n")));
    }
  }
  yield {
    type: "end",
    stopReason: "end_turn",
    usage: usage(promptTokens + resultTokens, Math.max(1, outputTokens)),
  };
}

/** A failed call in words; a 403 that asks for more scope says which (the card offers it). */
function describeToolFailure(error: unknown, challenge: AuthChallenge | undefined): string {
  if (challenge?.error === "insufficient_scope") {
    return `Tool call failed: HTTP 403 insufficient_scope: the server wants the scope "${challenge.scope ?? ""}". Sign in again with it.`;
  }
  return `Tool call failed: ${error instanceof Error ? error.message : String(error)}`;
}

function textBlock(text: string): BetaTextBlock {
  return { type: "text", text, citations: null };
}

function toResult(result: CallToolResult): { isError: boolean; text: string } {
  const parts = (result.content ?? []).map((item) => {
    switch (item.type) {
      case "text":
        return item.text;
      case "image":
      case "audio":
        return `[${item.type}: ${item.mimeType}, ${Math.round((item.data.length * 3) / 4)} bytes]`;
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

function preview(text: string): string {
  return text.length > RESULT_PREVIEW_CHARS ? `${text.slice(0, RESULT_PREVIEW_CHARS)}…` : text;
}

export function lastUserText(messages: readonly BetaMessageParam[]): string {
  const last = [...messages].reverse().find((message) => message.role === "user");
  if (!last) return "";
  if (typeof last.content === "string") return last.content;
  return last.content
    .map((block) => (block.type === "text" ? block.text : ""))
    .filter(Boolean)
    .join("\n");
}

function estimatePromptTokens(request: EmulatorRequest, views: readonly ServerView[]): number {
  const system =
    typeof request.system === "string" ? request.system : JSON.stringify(request.system ?? "");
  const messages = JSON.stringify(request.messages);
  const definitions = views.reduce(
    (sum, view) =>
      sum + view.callable.reduce((inner, tool) => inner + estimateDefinitionTokens(tool), 0),
    0,
  );
  return estimateTokens(system) + estimateTokens(messages) + definitions;
}
