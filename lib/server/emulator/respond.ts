import "server-only";
// The emulator's answer, block by block, in the API's order: tool listings first (2026-09-15),
// then the model's text, each tool search (server_tool_use → tool_search_tool_result), each MCP
// call (mcp_tool_use → mcp_tool_result), and a closing text.
import type {
  BetaContentBlock,
  BetaMCPToolListingBlock,
  BetaMessageParam,
  BetaTextBlock,
  BetaUsage,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { callMcpTool, type McpSession } from "@/lib/server/mcp/client";
import { processLimits } from "@/lib/server/settings";
import {
  bm25Search,
  buildBm25Index,
  clampLimit,
  toolReferenceName,
  type SearchableTool,
  type ToolReferenceFormat,
} from "@/lib/domain/tool-search/search";
import { regexSearch } from "@/lib/domain/tool-search/regex-search";
import { estimateDefinitionTokens, estimateTokens } from "@/lib/domain/toolset/token-estimate";
import { clientTurn } from "./client-tools";
import { createApiId } from "./ids";
import { processSearchLane } from "./search-lane";
import { describeToolFailure, toResult } from "./results";
import type { EmulatorOptions, EmulatorRequest, EmulatorStep } from "./types";
import {
  describeOverview,
  describeUnavailable,
  planTurn,
  type PlannedCall,
  type PlannedSearch,
  type ServerView,
  type TurnPlan,
} from "./scripted-model";
import { argumentsFromSchema } from "./tool-arguments";

const RESULT_PREVIEW_CHARS = 1500;

/** The request's tool search tool, if any: which kind, and the name it is called by. */
export function findSearchTool(
  request: EmulatorRequest,
): { kind: "regex" | "bm25"; name: "tool_search_tool_regex" | "tool_search_tool_bm25" } | null {
  for (const tool of request.tools ?? []) {
    const type = (tool as { type?: unknown }).type;
    if (typeof type !== "string") continue;
    if (type.startsWith("tool_search_tool_regex"))
      return { kind: "regex", name: "tool_search_tool_regex" };
    if (type.startsWith("tool_search_tool_bm25"))
      return { kind: "bm25", name: "tool_search_tool_bm25" };
  }
  return null;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function textBlock(text: string): BetaTextBlock {
  return { type: "text", text, citations: null };
}

/**
 * A text part of an `mcp_tool_result`. The observed API payloads carry no `citations` key there
 * (the SDK's BetaTextBlock types one for every text block), so the emulator leaves it out.
 */
function resultTextPart(text: string): BetaTextBlock {
  return { type: "text", text } as BetaTextBlock;
}

/**
 * What a result held, in a line: its size and how it begins. The result block shows it whole;
 * the final text says what came back without repeating it (a wide code block of it scrolled).
 */
function describeResult(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "nothing (an empty result).";
  const lines = trimmed.split("\n");
  const first = lines[0]!.length > 80 ? `${lines[0]!.slice(0, 79)}…` : lines[0]!;
  const size = `${lines.length} line${lines.length === 1 ? "" : "s"}, ${trimmed.length.toLocaleString("en-US")} characters`;
  return lines.length === 1 && trimmed.length <= 80
    ? `“${trimmed}”.`
    : `${size} (in its result above), beginning “${first}”.`;
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

/**
 * The input a request costs before any tool runs (what count_tokens answers, and what a Message's
 * usage starts from): system, messages, the MCP tools loaded up front (deferred ones only once
 * surfaced), and every other tool in `tools` — the tool search tool among them — as sent.
 */
export function estimateInputTokens(
  request: EmulatorRequest,
  views: readonly ServerView[],
): number {
  const system =
    typeof request.system === "string" ? request.system : JSON.stringify(request.system ?? "");
  const messages = JSON.stringify(request.messages);
  const definitions = views.reduce(
    (sum, view) =>
      sum + view.callable.reduce((inner, tool) => inner + estimateDefinitionTokens(tool), 0),
    0,
  );
  const otherTools = (request.tools ?? [])
    .filter((tool) => tool.type !== "mcp_toolset")
    .reduce((sum, tool) => sum + estimateTokens(JSON.stringify(tool)), 0);
  return estimateTokens(system) + estimateTokens(messages) + definitions + otherTools;
}

function usage(inputTokens: number, outputTokens: number): BetaUsage {
  return {
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
  };
}

export interface RespondContext {
  request: EmulatorRequest;
  views: ServerView[];
  listings: BetaMCPToolListingBlock[];
  sessions: Map<string, McpSession>;
  options: EmulatorOptions;
  referenceFormat: ToolReferenceFormat;
}

type SearchTool = NonNullable<ReturnType<typeof findSearchTool>>;
type DeferredTool = SearchableTool & { view: ServerView };
type ActPlan = Extract<TurnPlan, { kind: "calls" }>;

/** What one turn has spent so far: input loaded along the way, and what the model wrote. */
class TurnTally {
  addedInputTokens = 0;
  outputTokens = 0;

  /** The block as a step, its output counted. */
  emit(block: BetaContentBlock): EmulatorStep {
    if (block.type === "text") this.outputTokens += estimateTokens(block.text);
    if (
      block.type === "mcp_tool_use" ||
      block.type === "server_tool_use" ||
      block.type === "tool_use"
    )
      this.outputTokens += estimateTokens(JSON.stringify(block.input)) + 10;
    return { type: "block", block };
  }
}

export async function* respond(
  context: RespondContext,
): AsyncGenerator<EmulatorStep, void, undefined> {
  const { request, views, listings } = context;
  const createId = context.options.createId ?? createApiId;
  const searchTool = findSearchTool(request);
  const promptTokens = estimateInputTokens(request, views);
  yield startStep(request, createId("msg"), promptTokens);
  const tally = new TurnTally();

  // Client tools (the caller runs them): their calls, or the answer to their results.
  const client = clientTurn(request, lastUserText(request.messages), createId);
  if (client) {
    for (const block of client.blocks) yield tally.emit(block);
    yield {
      type: "end",
      stopReason: client.stopReason,
      usage: usage(promptTokens, Math.max(1, tally.outputTokens)),
    };
    return;
  }

  // The listings the API fetched while producing this response come first (2026-09-15).
  for (const listing of listings) yield tally.emit(listing);
  // Thinking asked for: a thinking block first, as the API puts it (its text is the emulator's).
  const thinking = (request as { thinking?: { type?: string; budget_tokens?: number } }).thinking;
  if (thinking?.type === "enabled" || thinking?.type === "adaptive")
    yield tally.emit({
      type: "thinking",
      thinking: `(The emulator does not think: this block stands where the model's thinking would be${thinking.type === "enabled" ? `, within a budget of ${thinking.budget_tokens ?? "?"} tokens` : ", adaptive"}.)`,
      signature: `emulator-${createId("msg").slice(4)}`,
    });

  const plan = planTurn(lastUserText(request.messages), views, { canSearch: searchTool !== null });
  if (plan.kind === "overview") {
    yield tally.emit(textBlock(describeOverview(views)));
  } else {
    yield tally.emit(textBlock(introText(plan)));
    const outcomes: string[] = [];
    const calls: PlannedCall[] = [...plan.calls];
    if (searchTool && plan.searches.length)
      yield* runSearches(context, searchTool, plan.searches, tally, { calls, outcomes });
    yield* runCalls(context, calls, tally, outcomes);
    if (outcomes.length) yield tally.emit(textBlock(outcomes.join("\n\n")));
  }
  yield {
    type: "end",
    stopReason: "end_turn",
    usage: usage(promptTokens + tally.addedInputTokens, Math.max(1, tally.outputTokens)),
  };
}

/** message_start: an empty assistant message, with the prompt so far and one output token. */
function startStep(request: EmulatorRequest, id: string, promptTokens: number): EmulatorStep {
  return {
    type: "start",
    message: {
      id,
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
      usage: usage(promptTokens, 1),
    },
  };
}

/** The model's opening words: what it could not do, what it will search for and call. */
function introText(plan: ActPlan): string {
  const notes = [...plan.parseErrors, ...plan.unavailable.map(describeUnavailable)];
  const intro = [
    ...plan.searches.map((search) =>
      search.target
        ? `\`${search.target.server}.${search.target.tool}\` is deferred: I'll search for it first.`
        : `I'll search the deferred tools for \`${search.text}\`.`,
    ),
    ...(plan.calls.length
      ? [`I'll call ${plan.calls.map((call) => `\`${call.server}.${call.tool}\``).join(", ")}.`]
      : []),
  ];
  return [...notes, ...intro].join("\n\n") || "Nothing to do.";
}

/**
 * Each planned search: server_tool_use, then tool_search_tool_result. What a search surfaces is
 * loaded (callable, and its definitions count as input); a search for a named tool adds its call.
 */
async function* runSearches(
  context: RespondContext,
  searchTool: SearchTool,
  searches: readonly PlannedSearch[],
  tally: TurnTally,
  found: { calls: PlannedCall[]; outcomes: string[] },
): AsyncGenerator<EmulatorStep, void, undefined> {
  const createId = context.options.createId ?? createApiId;
  const deferred: DeferredTool[] = context.views.flatMap((view) =>
    view.deferred.map((tool) => ({
      server: view.name,
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
      view,
    })),
  );
  const bm25 = searchTool.kind === "bm25" ? buildBm25Index(deferred) : null;
  for (const search of searches) {
    const id = createId("srvtoolu");
    const limit = search.limit !== undefined ? clampLimit(search.limit) : undefined;
    const pattern = search.target ? escapeRegExp(search.target.tool) : search.text;
    const input = {
      ...(searchTool.kind === "regex" ? { pattern } : { query: search.text }),
      ...(limit !== undefined ? { limit } : {}),
    };
    yield tally.emit({
      type: "server_tool_use",
      id,
      name: searchTool.name,
      input,
      caller: { type: "direct" },
    });
    const outcome =
      searchTool.kind === "regex"
        ? await processSearchLane().run(() => regexSearch(deferred, pattern, limit))
        : bm25Search(bm25!, search.text, limit);
    if (!outcome.ok) {
      yield tally.emit({
        type: "tool_search_tool_result",
        tool_use_id: id,
        content: {
          type: "tool_search_tool_result_error",
          error_code: outcome.errorCode,
          error_message: outcome.message,
        },
      });
      found.outcomes.push(`The search for \`${search.text}\` failed: ${outcome.message}`);
      continue;
    }
    const matches = outcome.matches as DeferredTool[];
    yield tally.emit({
      type: "tool_search_tool_result",
      tool_use_id: id,
      content: {
        type: "tool_search_tool_search_result",
        tool_references: matches.map((match) => ({
          type: "tool_reference",
          tool_name: toolReferenceName(match.server, match.name, context.referenceFormat),
        })),
      },
    });
    loadFound(matches, tally);
    const said = followUp(search, matches, found.calls);
    if (said) found.outcomes.push(said);
  }
}

/** Surfaced tools become callable, and their definitions count as input from here on. */
function loadFound(matches: readonly DeferredTool[], tally: TurnTally): void {
  for (const match of matches) {
    tally.addedInputTokens += estimateDefinitionTokens(match);
    if (!match.view.callable.some((tool) => tool.name === match.name)) {
      match.view.callable.push({
        name: match.name,
        description: match.description,
        inputSchema: match.inputSchema as Record<string, unknown>,
      });
    }
  }
}

/** What the search led to, in words; a named tool it surfaced is added to the calls instead. */
function followUp(
  search: PlannedSearch,
  matches: readonly DeferredTool[],
  calls: PlannedCall[],
): string | null {
  const target = search.target;
  if (!target) {
    return matches.length
      ? `The search for \`${search.text}\` found ${matches.map((match) => `\`${match.server}.${match.name}\``).join(", ")}.`
      : `The search for \`${search.text}\` found no tool.`;
  }
  const hit = matches.find((match) => match.server === target.server && match.name === target.tool);
  if (!hit)
    return `The search did not surface \`${target.server}.${target.tool}\`, so it is not called.`;
  calls.push({
    server: target.server,
    tool: target.tool,
    input: target.input ?? argumentsFromSchema(hit.inputSchema),
  });
  return null;
}

/** Each call, up to the per-turn cap: mcp_tool_use, the server's answer, mcp_tool_result. */
async function* runCalls(
  context: RespondContext,
  calls: readonly PlannedCall[],
  tally: TurnTally,
  outcomes: string[],
): AsyncGenerator<EmulatorStep, void, undefined> {
  const { options, sessions } = context;
  const createId = options.createId ?? createApiId;
  const maxCalls = options.limits?.maxToolCallsPerTurn ?? processLimits().maxToolCallsPerTurn;
  if (calls.length > maxCalls) {
    outcomes.push(
      `${calls.length} tool calls were asked for; this emulator makes at most ${maxCalls} in one turn (PLAYGROUND_MAX_TOOL_CALLS), so the last ${calls.length - maxCalls} are not made.`,
    );
  }
  for (const call of calls.slice(0, maxCalls)) {
    const id = createId("mcptoolu");
    yield tally.emit({
      type: "mcp_tool_use",
      id,
      name: call.tool,
      server_name: call.server,
      input: call.input,
    });
    const result = await callPlanned(sessions.get(call.server), call, options);
    tally.addedInputTokens += estimateTokens(result.text);
    yield tally.emit({
      type: "mcp_tool_result",
      tool_use_id: id,
      is_error: result.isError,
      content: [resultTextPart(result.text)],
    });
    outcomes.push(
      result.isError
        ? `**${call.server}.${call.tool}** failed: ${preview(result.text)}`
        : `**${call.server}.${call.tool}** returned ${describeResult(result.text)}`,
    );
  }
}

/** One tool call on the server's session; any failure becomes an error result in words. */
function callPlanned(
  session: McpSession | undefined,
  call: PlannedCall,
  options: EmulatorOptions,
): Promise<{ isError: boolean; text: string }> {
  if (!session) return Promise.resolve({ isError: true, text: "No session for this server." });
  return callMcpTool(session, call.tool, call.input, {
    signal: options.signal,
    timeoutMs: options.toolTimeoutMs,
  }).then(
    (value) => toResult(value),
    (error: unknown) => ({
      isError: true,
      text: describeToolFailure(error, session.challenge?.()),
    }),
  );
}
