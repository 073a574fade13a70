import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sequentialIds } from "@/test/support/sequential-ids";
import type { SendOutcome } from "@/lib/domain/api/send-outcome";
import { createDefaultState } from "@/lib/domain/request/composer";
import { buildRequest } from "@/lib/domain/request/build-request";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import {
  exportRequest,
  importCollectionRequests,
  parseCollectionFile,
} from "@/lib/domain/workspace/collection-file";
import { CHECK_KIND_INFO, fieldText, newCheckSpec, withField } from "./drafts";
import { addCheck, removeCheck, updateCheck } from "./edits";
import { evaluateDrafts, observeSend, sendVerdict } from "./send-checks";
import { CHECK_KINDS, parseCheck } from "./spec";

const field = (kind: keyof typeof CHECK_KIND_INFO, key: string) =>
  CHECK_KIND_INFO[kind].fields.find((entry) => entry.key === key)!;

function answered(content: unknown[], latencyMs = 40): SendOutcome {
  return {
    ok: true,
    message: {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-opus-4-6",
      content,
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 100, output_tokens: 20 },
    } as never,
    requestId: "req_1",
    latencyMs,
    firstEventMs: null,
    streamed: false,
    target: "emulator",
  };
}

const CALL = [
  { type: "mcp_tool_use", id: "t1", name: "sync_tasks", server_name: "tasks", input: {} },
  {
    type: "mcp_tool_result",
    tool_use_id: "t1",
    is_error: true,
    content: [{ type: "text", text: "upstream down" }],
  },
  { type: "text", text: "The sync failed.", citations: null },
];

describe("checks as the composer edits them", () => {
  it("every kind's new check has the fields its row shows, and a field edit reads back", () => {
    for (const kind of CHECK_KINDS) {
      const spec = newCheckSpec(kind);
      expect(Object.keys(spec)).toEqual([kind]);
      for (const entry of CHECK_KIND_INFO[kind].fields) fieldText(kind, spec, entry);
    }
    let spec = newCheckSpec("tool_called");
    const edits: [string, string][] = [
      ["name", "create_event"],
      ["server", "calendar"],
      ["input", '{"title": "<string>"}'],
      ["match", "exact"],
      ["times", "2"],
    ];
    for (const [key, text] of edits) {
      const edit = withField("tool_called", spec, field("tool_called", key), text);
      expect(edit.ok).toBe(true);
      if (edit.ok) spec = edit.spec;
    }
    expect(spec).toEqual({
      tool_called: {
        name: "create_event",
        server: "calendar",
        input: { title: "<string>" },
        match: "exact",
        times: 2,
      },
    });
    expect(parseCheck(spec, "c").ok).toBe(true);
    expect(fieldText("tool_called", spec, field("tool_called", "input"))).toBe(
      '{"title":"<string>"}',
    );
    // Clearing an optional field removes it.
    const cleared = withField("tool_called", spec, field("tool_called", "times"), "");
    expect(cleared.ok && cleared.spec).toEqual({
      tool_called: {
        name: "create_event",
        server: "calendar",
        input: { title: "<string>" },
        match: "exact",
      },
    });
  });

  it("says what is wrong with a value rather than taking it", () => {
    const spec = newCheckSpec("tool_called");
    expect(withField("tool_called", spec, field("tool_called", "input"), '{"a":')).toEqual({
      ok: false,
      error: "input is not JSON yet",
    });
    expect(withField("tool_called", spec, field("tool_called", "input"), "[1]")).toEqual({
      ok: false,
      error: "input is a JSON object",
    });
    expect(
      withField(
        "max_cost_usd",
        newCheckSpec("max_cost_usd"),
        field("max_cost_usd", "value"),
        "cheap",
      ),
    ).toEqual({
      ok: false,
      error: "USD is a number",
    });
  });

  it("writes text checks short unless they ignore case, lists as lists, tools as server.tool", () => {
    const contains = withField(
      "text_contains",
      newCheckSpec("text_contains"),
      field("text_contains", "text"),
      "Standup",
    );
    expect(contains.ok && contains.spec).toEqual({ text_contains: "Standup" });
    const ignoring =
      contains.ok &&
      withField("text_contains", contains.spec, field("text_contains", "ignore_case"), true);
    expect(ignoring && ignoring.ok && ignoring.spec).toEqual({
      text_contains: { text: "Standup", ignore_case: true },
    });
    const stops = withField(
      "stop_reason",
      newCheckSpec("stop_reason"),
      field("stop_reason", "value"),
      "end_turn, tool_use",
    );
    expect(stops.ok && stops.spec).toEqual({ stop_reason: ["end_turn", "tool_use"] });
    const order = withField(
      "tools_in_order",
      newCheckSpec("tools_in_order"),
      field("tools_in_order", "tools"),
      "calendar.search_events, create_event",
    );
    expect(order.ok && order.spec).toEqual({
      tools_in_order: { tools: [{ server: "calendar", name: "search_events" }, "create_event"] },
    });
    expect(
      order.ok && fieldText("tools_in_order", order.spec, field("tools_in_order", "tools")),
    ).toBe("calendar.search_events, create_event");
  });

  it("adds, edits and removes checks on a state", () => {
    const ids = sequentialIds();
    let state = createDefaultState(ids, "http://localhost:3000");
    state = addCheck(state, newCheckSpec("no_tool_errors"), "c1");
    state = addCheck(state, newCheckSpec("tool_called"), "c2");
    state = updateCheck(state, "c2", { tool_called: { name: "x" } });
    expect(state.checks).toEqual([
      { id: "c1", spec: { no_tool_errors: true } },
      { id: "c2", spec: { tool_called: { name: "x" } } },
    ]);
    expect(removeCheck(state, "c1").checks).toEqual([
      { id: "c2", spec: { tool_called: { name: "x" } } },
    ]);
    // Checks are not part of the request.
    expect(buildRequest(state)).toEqual(buildRequest({ ...state, checks: [] }));
  });

  it("travel in share links and collection files, and come back as written", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHECK_KINDS), { maxLength: 6 }), (kinds) => {
        const checks = kinds.map((kind, index) => ({ id: `k${index}`, spec: newCheckSpec(kind) }));
        const state = { ...createDefaultState(sequentialIds(), "http://localhost:3000"), checks };
        const decoded = decodeShareState(encodeShareState(state), sequentialIds());
        expect(
          decoded.success && (decoded.data.state.checks ?? []).map((check) => check.spec),
        ).toEqual(checks.map((check) => check.spec));
        const entry = exportRequest({
          name: "r",
          folder: "",
          description: "",
          state,
          serversWithToken: [],
        });
        expect(entry.checks ?? []).toEqual(checks.map((check) => check.spec));
        const file = parseCollectionFile({ version: 1, name: "c", requests: [entry] });
        expect(file.success).toBe(true);
        if (!file.success) return;
        const imported = importCollectionRequests(file.data, sequentialIds());
        expect(
          imported.success && (imported.data[0]!.state.checks ?? []).map((check) => check.spec),
        ).toEqual(checks.map((check) => check.spec));
      }),
      { numRuns: 40 },
    );
  });
});

describe("checks over a Send", () => {
  const request = { model: "claude-opus-4-6", tools: [] };

  it("judges the last response; a check that does not read says why", () => {
    const results = evaluateDrafts(
      [
        { id: "a", spec: { no_tool_errors: true } },
        { id: "b", spec: { tool_error: { name: "sync_tasks" } } },
        { id: "c", spec: { tool_called: { name: "" } } },
      ],
      observeSend(answered(CALL), request),
    );
    expect(
      results.map((entry) => (entry.state === "result" ? entry.result.passed : entry.state)),
    ).toEqual([false, true, "invalid"]);
    expect(results[0]).toMatchObject({ state: "result", result: { blockIndex: 1 } });
    expect(results[2]).toMatchObject({ problem: { path: "checks[2].tool_called.name" } });
  });

  it("a failed Send fails every check with the error's words", () => {
    const failed: SendOutcome = {
      ok: false,
      error: { status: 400, type: "invalid_request_error", message: "bad", requestId: null },
      raw: null,
      partial: null,
      latencyMs: 5,
      firstEventMs: null,
      streamed: false,
      target: "emulator",
    };
    const [result] = evaluateDrafts(
      [{ id: "a", spec: { no_tool_errors: true } }],
      observeSend(failed, request),
    );
    expect(result).toMatchObject({
      state: "result",
      result: {
        passed: false,
        message: expect.stringContaining("invalid_request_error: bad") as unknown,
      },
    });
  });

  it("History counts failed checks and tool errors, with or without checks", () => {
    expect(sendVerdict(undefined, answered(CALL), request)).toEqual({
      checks: 0,
      failedChecks: 0,
      toolErrors: 1,
    });
    expect(
      sendVerdict(
        [
          { id: "a", spec: { no_tool_errors: true } },
          { id: "b", spec: { text_contains: "failed" } },
        ],
        answered(CALL),
        request,
      ),
    ).toEqual({ checks: 2, failedChecks: 1, toolErrors: 1 });
  });
});
