import "server-only";
// The offline Messages API with the MCP connector: validates like the API, really connects to each
// MCP server, takes its tools (pinned, from a listing in the history, or live), applies its
// toolset, and lets the scripted model search and call tools (respond.ts), in the documented order.
import type {
  BetaMCPToolListingBlock,
  BetaMCPToolset,
  BetaMessage,
  BetaMessageTokensCount,
  BetaRequestMCPServerURLDefinition,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import {
  BUSY_RETRY_SECONDS,
  connectMcp,
  listAllTools,
  McpConnectionError,
  type McpSession,
} from "@/lib/server/mcp/client";
import { redactSecrets } from "@/lib/domain/api/redact";
import type { PlaygroundLimits } from "@/lib/domain/limits";
import { processLimits } from "@/lib/server/settings";
import type { ToolReferenceFormat } from "@/lib/domain/tool-search/search";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { changedServer, finalToolsets, toolChangesOf } from "@/lib/domain/request/tool-changes";
import { ApiError } from "./errors";
import { estimateInputTokens, respond } from "./respond";
import type { EmulatorOptions, EmulatorRequest, EmulatorStep } from "./types";
import type { ServerView, ToolView } from "./scripted-model";
import {
  checkAvailableTools,
  historyListings,
  listingBlock,
  pinnedTools,
  PINNING_BETA,
  referencedInHistory,
  viewServer,
} from "./tool-lists";

/** The emulator's own MCP client name, like the API's "Anthropic/API". */
const CLIENT_INFO = { name: "mcp-connector-playground-emulator", version: "0.1.0" };

export async function runEmulator(
  request: EmulatorRequest,
  options: EmulatorOptions,
): Promise<BetaMessage> {
  const steps = collectMessage(emulatorSteps(request, options));
  for (;;) {
    const next = await steps.next();
    if (next.done) return next.value;
  }
}

/** Passes the steps on and returns the message they make. */
export async function* collectMessage(
  steps: AsyncGenerator<EmulatorStep, void, undefined>,
): AsyncGenerator<EmulatorStep, BetaMessage, undefined> {
  let message: BetaMessage | undefined;
  for await (const step of steps) {
    if (step.type === "start") message = { ...step.message, content: [...step.message.content] };
    else if (!message) throw new Error("emulator: a step came before the start");
    else if (step.type === "block") message.content.push(step.block);
    else message = { ...message, stop_reason: step.stopReason, usage: step.usage };
    yield step;
  }
  if (!message) throw new Error("emulator: no message was produced");
  return message;
}

/** What a request's MCP servers offer once connected: their views, listings and open sessions. */
interface OpenServers {
  views: ServerView[];
  listings: BetaMCPToolListingBlock[];
  sessions: Map<string, McpSession>;
}

/**
 * Validates, connects to every server and reads its tools (pinned, from the history or listed).
 * A failure throws with every session closed; on success the caller closes `sessions`.
 */
async function openServers(
  request: EmulatorRequest,
  options: EmulatorOptions,
  limits: PlaygroundLimits,
): Promise<OpenServers> {
  const betas = [...options.betas, ...(request.betas ?? [])];
  const firstError = validateRequest({ ...request, betas }, { target: "emulator" }).find(
    (problem) => problem.severity === "error",
  );
  if (firstError) throw new ApiError(400, firstError.apiMessage ?? firstError.message);

  const servers = request.mcp_servers ?? [];
  const toolsets = (request.tools ?? []).filter(
    (tool): tool is BetaMCPToolset => tool.type === "mcp_toolset",
  );
  if (servers.length > limits.maxMcpServers) {
    throw new ApiError(
      400,
      `mcp_servers: this emulator takes at most ${limits.maxMcpServers} MCP servers in one request (PLAYGROUND_MAX_MCP_SERVERS); this one has ${servers.length}.`,
    );
  }
  const pinning = betas.includes(PINNING_BETA);
  const recorded = pinning ? historyListings(request.messages) : new Map<string, ToolView[]>();
  const surfaced = referencedInHistory(request.messages);
  // Tool changes mid-conversation: the model answers with what is offered after the last message.
  const offeredNow = finalToolsets(request);
  const changed = new Set(
    toolChangesOf(request.messages).flatMap(({ block }) => changedServer(block) ?? []),
  );
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
          const offered = offeredNow.get(server.name);
          const toolset =
            offered?.toolset ?? toolsets.find((t) => t.mcp_server_name === server.name);
          // Pinned wins over a listing in the history, which wins over asking the server.
          const pinned = pinnedTools(toolset);
          const fromHistory = recorded.get(server.name);
          const tools =
            pinned ?? fromHistory ?? (await listServerTools(server, session, signal, limits));
          return {
            view: offerOnly(
              viewServer(server, toolset, tools, surfaced),
              // A toolset a tool change withdrew offers nothing; a withdrawn tool is not offered.
              !offered && changed.has(server.name) ? null : (offered?.removedTools ?? []),
            ),
            listing: pinning && !pinned && !fromHistory ? listingBlock(server.name, tools) : null,
          };
        } catch (error) {
          connecting.abort();
          throw error;
        }
      }),
    );
    const failed = settled.find((result) => result.status === "rejected");
    if (failed) throw firstCause(settled, failed.reason);
    const resolved = settled.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    const views = resolved.map((entry) => entry.view);
    checkAvailableTools(views);
    return {
      views,
      listings: resolved.flatMap((entry) => (entry.listing ? [entry.listing] : [])),
      sessions,
    };
  } catch (error) {
    await closeAll(sessions);
    throw error;
  }
}

/** A server's view with what tool changes withdrew taken out (`null`: the whole toolset). */
function offerOnly(view: ServerView, removed: readonly string[] | null): ServerView {
  if (removed === null)
    return {
      ...view,
      callable: [],
      deferred: [],
      disabled: [
        ...view.disabled,
        ...view.callable.map((tool) => tool.name),
        ...view.deferred.map((tool) => tool.name),
      ],
    };
  if (removed.length === 0) return view;
  const gone = new Set(removed);
  return {
    ...view,
    callable: view.callable.filter((tool) => !gone.has(tool.name)),
    deferred: view.deferred.filter((tool) => !gone.has(tool.name)),
    disabled: [...view.disabled, ...removed],
  };
}

function closeAll(sessions: Map<string, McpSession>): Promise<unknown> {
  return Promise.all([...sessions.values()].map((session) => session.close()));
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
  const limits = options.limits ?? processLimits();
  const { views, listings, sessions } = await openServers(request, options, limits);
  try {
    yield* respond({
      request,
      views,
      listings,
      sessions,
      options: { ...options, limits },
      referenceFormat: options.referenceFormat ?? referenceFormatFromEnv(),
    });
  } finally {
    await closeAll(sessions);
  }
}

/**
 * POST /v1/messages/count_tokens: the same validation and tool lists as a Message, and the same
 * estimate its usage starts from — system, messages and the definitions actually loaded (deferred
 * tools only once a tool search surfaced them; the tool search tool itself counts).
 */
export async function countTokens(
  request: EmulatorRequest,
  options: EmulatorOptions,
): Promise<BetaMessageTokensCount> {
  const limits = options.limits ?? processLimits();
  // count_tokens takes no max_tokens: the rules that need one see the smallest.
  const { views, sessions } = await openServers(
    { ...request, max_tokens: request.max_tokens ?? 1 },
    options,
    limits,
  );
  await closeAll(sessions);
  return { input_tokens: estimateInputTokens(request, views), context_management: null };
}

/** PLAYGROUND_TOOL_REFERENCE_NAMES=prefixed|plain: the unconfirmed tool_reference name format. */
export function referenceFormatFromEnv(
  env: Record<string, string | undefined> = process.env,
): ToolReferenceFormat {
  return env.PLAYGROUND_TOOL_REFERENCE_NAMES === "plain" ? "plain" : "prefixed";
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
): Promise<ToolView[]> {
  try {
    const tools = await listAllTools(session, signal, {
      maxTools: limits.maxTools,
      maxBytes: limits.maxToolBytes,
    });
    return tools.map((tool) => ({
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      inputSchema: tool.inputSchema,
    }));
  } catch (error) {
    if (error instanceof McpConnectionError && error.kind === "limit") {
      throw new ApiError(
        400,
        `MCP server '${server.name}': ${error.message}`,
        "available_tools_limit_exceeded",
      );
    }
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), [
      server.authorization_token,
    ]);
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
      pool: options.inProcessUrl?.(server.url)
        ? null
        : { client: options.connectionClient ?? "unknown" },
    });
  } catch (error) {
    // A full pool is the API's "slow down", not a fault of the request: SDKs retry a 429.
    if (error instanceof McpConnectionError && error.kind === "busy")
      throw new ApiError(429, error.message, undefined, BUSY_RETRY_SECONDS);
    if (error instanceof McpConnectionError && error.kind === "unauthorized") {
      throw new ApiError(
        400,
        `Invalid authorization token for MCP server '${server.name}'. Please check your token and try again.`,
      );
    }
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), [
      server.authorization_token,
    ]);
    // The real API's status and text here are unconfirmed (it was a 500 in mid-2025): docs/emulator.md.
    throw new ApiError(400, `Failed to connect to MCP server '${server.name}': ${reason}`);
  }
}
