// Checks over one run: each passes or fails with the evidence that decided it (the block, the value
// observed), in words a person reads in the Checks section, the terminal and a JUnit failure.
// The run's facts (tool calls, final text, searches, listings) are read once; every check then
// looks them up, so a check costs little even over thousands of blocks.
import type { BetaContentBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { RE2JS } from "re2js";
import { compileSearchRegex } from "@/lib/domain/tool-search/regex-search";
import { inputMismatch, preview } from "./match";
import { costUsd, type PricedUsage } from "./prices";
import type { Check, CheckKind } from "./spec";

/** A content block as the checks read it (a `BetaContentBlock`, or JSON as stored). */
export type ObservedBlock = BetaContentBlock | { type: string; [field: string]: unknown };

export interface RunObservation {
  /** The model asked for (the price table's key). */
  model: string;
  /** The request's `tools`, for pinned lists (`listing_unchanged`). */
  tools?: readonly unknown[];
  /** The response; null when there was none (the failure says why). */
  message: {
    content: readonly ObservedBlock[];
    stop_reason: string | null;
    usage: PricedUsage;
  } | null;
  latencyMs: number | null;
  failure?: string | null;
}

export interface CheckResult {
  kind: CheckKind;
  passed: boolean;
  /** What decided it, in words. */
  message: string;
  /** The block that decided it (its index in the response's content). */
  blockIndex?: number;
  /** The value the check observed. */
  observed?: unknown;
}

interface ToolCall {
  index: number;
  id: string;
  name: string;
  server: string;
  input: unknown;
  resultIndex?: number;
  isError: boolean;
}

interface RunFacts {
  calls: ToolCall[];
  finalText: string;
  finalTextIndex?: number;
  /** Names a tool search surfaced, with the block that did. */
  surfaced: { name: string; index: number }[];
  listings: Map<string, { index: number; tools: unknown[] }>;
}

const TOOL_BLOCKS = new Set([
  "mcp_tool_use",
  "mcp_tool_result",
  "server_tool_use",
  "tool_search_tool_result",
  "tool_use",
]);

function readFacts(content: readonly ObservedBlock[]): RunFacts {
  const calls: ToolCall[] = [];
  const byId = new Map<string, ToolCall>();
  const surfaced: RunFacts["surfaced"] = [];
  const listings: RunFacts["listings"] = new Map();
  let lastToolBlock = -1;
  content.forEach((observed, index) => {
    const block = observed as { type: string; [field: string]: unknown };
    if (TOOL_BLOCKS.has(block.type)) lastToolBlock = index;
    if (block.type === "mcp_tool_use") {
      const call: ToolCall = {
        index,
        id: String(block.id),
        name: String(block.name),
        server: String(block.server_name),
        input: block.input,
        isError: false,
      };
      calls.push(call);
      byId.set(call.id, call);
    } else if (block.type === "mcp_tool_result") {
      const call = byId.get(String(block.tool_use_id));
      if (call) {
        call.resultIndex = index;
        call.isError = block.is_error === true;
      }
    } else if (block.type === "tool_search_tool_result") {
      const references = (block.content as { tool_references?: unknown } | undefined)
        ?.tool_references;
      if (Array.isArray(references))
        for (const reference of references) {
          const name = (reference as { tool_name?: unknown } | null)?.tool_name;
          if (typeof name === "string") surfaced.push({ name, index });
        }
    } else if (block.type === "mcp_tool_listing") {
      const tools = Array.isArray(block.tools) ? block.tools : [];
      listings.set(String(block.mcp_server_name), { index, tools });
    }
  });
  const texts: string[] = [];
  let finalTextIndex: number | undefined;
  for (let index = lastToolBlock + 1; index < content.length; index += 1) {
    const block = content[index] as { type: string; text?: unknown };
    if (block.type !== "text" || typeof block.text !== "string") continue;
    finalTextIndex ??= index;
    texts.push(block.text);
  }
  return { calls, finalText: texts.join("\n"), finalTextIndex, surfaced, listings };
}

const facts = new WeakMap<object, RunFacts>();
function factsOf(message: NonNullable<RunObservation["message"]>): RunFacts {
  let found = facts.get(message);
  if (!found) {
    found = readFacts(message.content);
    facts.set(message, found);
  }
  return found;
}

/** `calendar.list_events({"day":"mon"})` — `()` for an empty input. */
/** The final text's start, as evidence of what it said instead. */
function finalTextPreview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > 120 ? `${flat.slice(0, 119)}…` : flat);
}

export function describeCall(call: Pick<ToolCall, "name" | "server" | "input">): string {
  const input =
    typeof call.input === "object" && call.input !== null && Object.keys(call.input).length === 0
      ? ""
      : preview(call.input, 60);
  return `${call.server}.${call.name}(${input})`;
}

function callList(calls: readonly ToolCall[]): string {
  if (calls.length === 0) return "no tool was called";
  const shown = calls.slice(0, 8).map(describeCall).join(", ");
  return `called: ${shown}${calls.length > 8 ? `, and ${calls.length - 8} more` : ""}`;
}

function named(call: ToolCall, name: string, server?: string): boolean {
  if (server !== undefined) return call.server === server && call.name === name;
  return call.name === name || `${call.server}.${call.name}` === name;
}

function label(name: string, server?: string): string {
  return server ? `${server}.${name}` : name;
}

function pass(kind: CheckKind, message: string, extra: Partial<CheckResult> = {}): CheckResult {
  return { kind, passed: true, message, ...extra };
}
function fail(kind: CheckKind, message: string, extra: Partial<CheckResult> = {}): CheckResult {
  return { kind, passed: false, message, ...extra };
}

function textCheck(
  check: Extract<Check, { kind: "text_contains" | "text_not_contains" }>,
  run: RunFacts,
): CheckResult {
  const wanted = typeof check.args === "string" ? check.args : check.args.text;
  const ignoreCase = typeof check.args === "object" && check.args.ignore_case === true;
  const haystack = ignoreCase ? run.finalText.toLowerCase() : run.finalText;
  const at = haystack.indexOf(ignoreCase ? wanted.toLowerCase() : wanted);
  const where = { blockIndex: run.finalTextIndex, observed: preview(run.finalText, 200) };
  const quoted = JSON.stringify(wanted);
  if (run.finalText === "")
    return check.kind === "text_contains"
      ? fail(check.kind, `The response has no final text, so not ${quoted}.`)
      : pass(check.kind, "The response has no final text.");
  if (check.kind === "text_contains")
    return at >= 0
      ? pass(check.kind, `The final text contains ${quoted}.`, where)
      : fail(
          check.kind,
          `The final text does not contain ${quoted}; it reads ${finalTextPreview(run.finalText)}.`,
          where,
        );
  return at < 0
    ? pass(check.kind, `The final text does not contain ${quoted}.`, where)
    : fail(
        check.kind,
        `The final text contains ${quoted}: "…${run.finalText.slice(Math.max(0, at - 20), at + wanted.length + 20)}…".`,
        where,
      );
}

function toolCalled(check: Extract<Check, { kind: "tool_called" }>, run: RunFacts): CheckResult {
  const { name, server, input, match = "partial", times, min } = check.args;
  const called = run.calls.filter((call) => named(call, name, server));
  const matching =
    input === undefined
      ? called
      : called.filter((call) => inputMismatch(input, call.input, match) === null);
  const observed = run.calls.map(describeCall);
  const first = matching[0]?.index;
  const who = label(name, server);
  const withInput =
    input === undefined ? "" : ` with ${match === "exact" ? "exactly " : ""}${preview(input, 60)}`;
  const wantedTimes = times ?? null;
  const wantedMin = min ?? 1;
  const ok = wantedTimes !== null ? matching.length === wantedTimes : matching.length >= wantedMin;
  const counted = `${matching.length} time${matching.length === 1 ? "" : "s"}`;
  if (ok)
    return pass(check.kind, `${who} was called${withInput} ${counted}.`, {
      blockIndex: first,
      observed,
    });
  if (called.length > 0 && matching.length === 0 && input !== undefined) {
    const reason = inputMismatch(input, called[0]!.input, match);
    return fail(
      check.kind,
      `${who} was called ${called.length} time${called.length === 1 ? "" : "s"}, never${withInput}: ${reason} (${describeCall(called[0]!)}).`,
      { blockIndex: called[0]!.index, observed },
    );
  }
  const expected = wantedTimes !== null ? `exactly ${wantedTimes}` : `at least ${wantedMin}`;
  return fail(
    check.kind,
    `${who} was called${withInput} ${counted}, expected ${expected}; ${callList(run.calls)}.`,
    { blockIndex: first, observed },
  );
}

function toolsInOrder(
  check: Extract<Check, { kind: "tools_in_order" }>,
  run: RunFacts,
): CheckResult {
  const mode = check.args.mode ?? "subset";
  const wanted = check.args.tools.map((tool) =>
    typeof tool === "string" ? { name: tool, server: undefined } : tool,
  );
  const observed = run.calls.map(describeCall);
  const names = wanted.map((tool) => label(tool.name, tool.server)).join(" → ");
  const matches = (call: ToolCall, index: number) =>
    named(call, wanted[index]!.name, wanted[index]!.server);
  let ok: boolean;
  if (mode === "exact") {
    ok =
      run.calls.length === wanted.length && run.calls.every((call, index) => matches(call, index));
  } else if (mode === "subset") {
    let next = 0;
    for (const call of run.calls) if (next < wanted.length && matches(call, next)) next += 1;
    ok = next === wanted.length;
  } else {
    ok = wanted.every((tool) => run.calls.some((call) => named(call, tool.name, tool.server)));
  }
  const how = { exact: "exactly", subset: "in this order", unordered: "in any order" }[mode];
  return ok
    ? pass(check.kind, `The tools were called ${how}: ${names}.`, { observed })
    : fail(check.kind, `Expected ${names} ${how}; ${callList(run.calls)}.`, {
        observed,
        blockIndex: run.calls[0]?.index,
      });
}

/** The pinned `tools` of the server's toolset in the request, or null. */
function pinnedList(tools: readonly unknown[] | undefined, server: string): unknown[] | null {
  for (const tool of tools ?? []) {
    const toolset = tool as { type?: unknown; mcp_server_name?: unknown; tools?: unknown };
    if (toolset?.type === "mcp_toolset" && toolset.mcp_server_name === server)
      return Array.isArray(toolset.tools) ? toolset.tools : null;
  }
  return null;
}

function sameListing(pinned: readonly unknown[], listed: readonly unknown[]): string | null {
  const shape = (tool: unknown) => {
    const value = tool as { name?: unknown; description?: unknown; input_schema?: unknown };
    return JSON.stringify([value?.name, value?.description ?? null, value?.input_schema ?? null]);
  };
  const pinnedByName = new Map(
    pinned.map((tool) => [(tool as { name?: unknown }).name, shape(tool)]),
  );
  const listedByName = new Map(
    listed.map((tool) => [(tool as { name?: unknown }).name, shape(tool)]),
  );
  for (const [name, value] of listedByName) {
    if (!pinnedByName.has(name)) return `${String(name)} is listed but not pinned`;
    if (pinnedByName.get(name) !== value)
      return `${String(name)} differs from its pinned definition`;
  }
  for (const name of pinnedByName.keys())
    if (!listedByName.has(name)) return `${String(name)} is pinned but not listed`;
  return null;
}

/** Evaluates every check over one run, in order. */
export function evaluateChecks(checks: readonly Check[], run: RunObservation): CheckResult[] {
  return checks.map((check) => evaluateCheck(check, run));
}

export function evaluateCheck(check: Check, run: RunObservation): CheckResult {
  if (!run.message)
    return fail(check.kind, `No response to check${run.failure ? `: ${run.failure}` : "."}`);
  const message = run.message;
  const found = factsOf(message);
  switch (check.kind) {
    case "tool_called":
      return toolCalled(check, found);
    case "tool_not_called": {
      const who = label(check.args.name, check.args.server);
      const call = found.calls.find((candidate) =>
        named(candidate, check.args.name, check.args.server),
      );
      return call
        ? fail(check.kind, `${who} was called: ${describeCall(call)}.`, { blockIndex: call.index })
        : pass(check.kind, `${who} was not called; ${callList(found.calls)}.`);
    }
    case "tools_in_order":
      return toolsInOrder(check, found);
    case "first_tool": {
      const first = found.calls[0];
      const who = label(check.args.name, check.args.server);
      if (!first) return fail(check.kind, `Expected ${who} first; no tool was called.`);
      return named(first, check.args.name, check.args.server)
        ? pass(check.kind, `${who} was the first tool called.`, { blockIndex: first.index })
        : fail(check.kind, `Expected ${who} first; the first was ${describeCall(first)}.`, {
            blockIndex: first.index,
            observed: describeCall(first),
          });
    }
    case "no_tool_errors": {
      const failed = found.calls.filter((call) => call.isError);
      return failed.length === 0
        ? pass(
            check.kind,
            `No tool result is an error (${found.calls.length} call${found.calls.length === 1 ? "" : "s"}).`,
          )
        : fail(
            check.kind,
            `${failed.length} tool result${failed.length === 1 ? " is an error" : "s are errors"}: ${failed.map(describeCall).join(", ")}.`,
            { blockIndex: failed[0]!.resultIndex, observed: failed.map(describeCall) },
          );
    }
    case "tool_error": {
      const who = label(check.args.name, check.args.server);
      const calls = found.calls.filter((call) => named(call, check.args.name, check.args.server));
      const failed = calls.find((call) => call.isError);
      if (failed)
        return pass(check.kind, `${who} returned an error, as expected.`, {
          blockIndex: failed.resultIndex,
        });
      return fail(
        check.kind,
        calls.length
          ? `${who} was called but did not return an error.`
          : `${who} was not called; ${callList(found.calls)}.`,
        { blockIndex: calls[0]?.resultIndex },
      );
    }
    case "text_contains":
    case "text_not_contains":
      return textCheck(check, found);
    case "text_matches": {
      const pattern = typeof check.args === "string" ? check.args : check.args.pattern;
      const ignoreCase = typeof check.args === "object" && check.args.ignore_case === true;
      const compiled = compileSearchRegex(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
      if (!(compiled instanceof RE2JS)) return fail(check.kind, compiled.error);
      const where = { blockIndex: found.finalTextIndex, observed: preview(found.finalText, 200) };
      const matcher = compiled.matcher(found.finalText);
      return matcher.find()
        ? pass(
            check.kind,
            `The final text matches /${pattern}/: "${matcher.group(0)?.slice(0, 80)}".`,
            where,
          )
        : fail(
            check.kind,
            `The final text does not match /${pattern}/; it reads ${finalTextPreview(found.finalText)}.`,
            where,
          );
    }
    case "tool_search_found": {
      const name = check.args.name;
      const hit = found.surfaced.find(
        (entry) => entry.name === name || entry.name.endsWith(`_${name}`),
      );
      const all = [...new Set(found.surfaced.map((entry) => entry.name))];
      return hit
        ? pass(check.kind, `Tool search surfaced ${hit.name}.`, {
            blockIndex: hit.index,
            observed: all,
          })
        : fail(
            check.kind,
            all.length
              ? `Tool search did not surface ${name}; it surfaced ${all.slice(0, 10).join(", ")}.`
              : `Tool search did not surface ${name}: no search found any tool.`,
            { observed: all },
          );
    }
    case "listing_unchanged": {
      const server = check.args.server;
      const pinned = pinnedList(run.tools, server);
      if (!pinned)
        return fail(
          check.kind,
          `The request pins no tool list for ${server} (mcp-client-2026-09-15).`,
        );
      const listing = found.listings.get(server);
      if (!listing) return fail(check.kind, `The response has no mcp_tool_listing for ${server}.`);
      const change = sameListing(pinned, listing.tools);
      return change
        ? fail(check.kind, `The listing of ${server} changed: ${change}.`, {
            blockIndex: listing.index,
          })
        : pass(check.kind, `The listing of ${server} equals its pinned ${pinned.length} tools.`, {
            blockIndex: listing.index,
          });
    }
    case "stop_reason": {
      const wanted = Array.isArray(check.args) ? check.args : [check.args];
      const got = message.stop_reason;
      return got !== null && wanted.includes(got)
        ? pass(check.kind, `stop_reason is ${got}.`, { observed: got })
        : fail(check.kind, `stop_reason is ${got ?? "null"}, expected ${wanted.join(" or ")}.`, {
            observed: got,
          });
    }
    case "max_input_tokens":
    case "max_output_tokens": {
      const used =
        check.kind === "max_input_tokens"
          ? message.usage.input_tokens +
            (message.usage.cache_creation_input_tokens ?? 0) +
            (message.usage.cache_read_input_tokens ?? 0)
          : message.usage.output_tokens;
      const what = check.kind === "max_input_tokens" ? "input" : "output";
      return used <= check.args
        ? pass(check.kind, `${used} ${what} tokens, within ${check.args}.`, { observed: used })
        : fail(check.kind, `${used} ${what} tokens, over ${check.args}.`, { observed: used });
    }
    case "max_latency_ms": {
      if (run.latencyMs === null) return fail(check.kind, "The run's latency was not measured.");
      const ms = Math.round(run.latencyMs);
      return run.latencyMs <= check.args
        ? pass(check.kind, `${ms} ms, within ${check.args} ms.`, { observed: ms })
        : fail(check.kind, `${ms} ms, over ${check.args} ms.`, { observed: ms });
    }
    case "max_cost_usd": {
      const cost = costUsd(run.model, message.usage);
      if (cost === null)
        return fail(
          check.kind,
          `No price is known for model ${run.model} (docs/checks.md lists the priced models), so the cost cannot be checked.`,
        );
      const shown = `$${cost.toFixed(6)}`;
      return cost <= check.args
        ? pass(check.kind, `${shown}, within $${check.args}.`, { observed: cost })
        : fail(check.kind, `${shown}, over $${check.args}.`, { observed: cost });
    }
  }
}

/** The tool calls and tool errors of a run, for History and the results table. */
export function toolCallSummary(content: readonly ObservedBlock[]): {
  calls: number;
  errors: number;
} {
  const found = readFacts(content);
  return { calls: found.calls.length, errors: found.calls.filter((call) => call.isError).length };
}
