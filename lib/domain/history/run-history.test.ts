import { describe, expect, it } from "vitest";
import type { SendOutcome } from "@/lib/domain/api/send-outcome";
import { buildRequest } from "@/lib/domain/request/build-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import { sequentialIds } from "@/test/support/sequential-ids";
import { parseHistory } from "@/lib/domain/history/history-schema";
import { countChanges, diffRequests } from "@/lib/domain/history/request-diff";
import {
  addRun,
  createRunRecord,
  firstWords,
  reopenComposer,
  runRequest,
  serializeHistory,
  type RunRecord,
} from "./run-history";

const composer = createDefaultState(sequentialIds(), "http://127.0.0.1:4000");
const okOutcome: SendOutcome = {
  ok: true,
  message: {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude-opus-4-6",
    content: [{ type: "text", text: "Hello", citations: null }],
    stop_reason: "end_turn",
    stop_sequence: null,
    stop_details: null,
    container: null,
    context_management: null,
    diagnostics: null,
    usage: { input_tokens: 10, output_tokens: 2 } as never,
  },
  requestId: "req_1",
  latencyMs: 12,
  firstEventMs: 3,
  streamed: true,
  target: "emulator",
};

function run(id: string, at = 0): RunRecord {
  return createRunRecord(id, at, composer, okOutcome);
}

describe("run history", () => {
  it("keeps no secret: the composer copy has no tokens, and the request rebuilt from it none", () => {
    const record = run("r1");
    expect(composer.servers.some((server) => server.authorizationToken !== "")).toBe(true);
    expect(JSON.stringify(record)).not.toContain("demo-tasks-token");
    expect(record.composer.servers.every((server) => server.authorizationToken === "")).toBe(true);
    expect(record).toMatchObject({ kind: "ok", summary: "end_turn", model: "claude-opus-4-6" });
    // The request as sent, less the token.
    const sent = buildRequest(composer);
    expect(runRequest(record)).toEqual({
      ...sent,
      mcp_servers: sent.mcp_servers?.map(({ authorization_token: _token, ...server }) => server),
    });
  });

  it("lists newest first and stays within its run count and size limits", () => {
    let history: RunRecord[] = [];
    for (let i = 0; i < 8; i += 1)
      history = addRun(history, run(`r${i}`, i), { runs: 5, chars: 1e9 });
    expect(history.map((entry) => entry.id)).toEqual(["r7", "r6", "r5", "r4", "r3"]);
    const one = JSON.stringify([run("x")]).length;
    const bySize = [0, 1, 2, 3].reduce<RunRecord[]>(
      (list, i) => addRun(list, run(`s${i}`), { runs: 50, chars: one * 2.5 }),
      [],
    );
    expect(bySize.map((entry) => entry.id)).toEqual(["s3", "s2"]);
  });

  it("reads back what it wrote, drops a damaged run alone and survives garbage", () => {
    const saved = serializeHistory([run("a"), run("b")]);
    expect(parseHistory(saved).runs.map((entry) => entry.id)).toEqual(["a", "b"]);
    const damaged = JSON.parse(saved) as { runs: unknown[] };
    damaged.runs[0] = { id: "a", at: "yesterday" };
    expect(parseHistory(JSON.stringify(damaged))).toMatchObject({ dropped: 1 });
    expect(parseHistory(JSON.stringify(damaged)).runs.map((entry) => entry.id)).toEqual(["b"]);
    expect(parseHistory("{nope")).toEqual({ runs: [], dropped: 1 });
    expect(parseHistory(null)).toEqual({ runs: [], dropped: 0 });
  });

  it("reopens a run with the tokens typed now, for servers with the same name and URL", () => {
    const reopened = reopenComposer(run("r"), composer);
    expect(reopened.servers.map((server) => server.authorizationToken)).toEqual([
      "",
      "demo-tasks-token",
    ]);
  });

  it("titles runs with the first words of the message", () => {
    expect(firstWords("  Use   list_events\nplease ")).toBe("Use list_events please");
    expect(firstWords("x".repeat(100), 10)).toBe("xxxxxxxxx…");
    expect(firstWords("")).toBe("(empty message)");
  });
});

describe("request diff", () => {
  it("shows only what changed, with context, and ignores key order", () => {
    const left = { model: "a", max_tokens: 1, messages: [{ role: "user", content: "hi" }] };
    const right = { messages: [{ role: "user", content: "hello" }], max_tokens: 1, model: "a" };
    const lines = diffRequests(left, right, 1);
    expect(countChanges(lines)).toEqual({ added: 1, removed: 1 });
    expect(lines.filter((line) => line.kind === "removed")).toEqual([
      { kind: "removed", text: '      "content": "hi",' },
    ]);
    expect(lines.some((line) => line.kind === "folded")).toBe(true);
    expect(countChanges(diffRequests(left, { ...left }))).toEqual({ added: 0, removed: 0 });
  });
});
