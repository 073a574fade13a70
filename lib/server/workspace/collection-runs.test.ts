// Run collection, as the browser calls it: a collection imported from the example file, planned
// (a token left open is named, nothing sent), run on the emulator with progress as NDJSON, stored,
// compared with the run before, a case's response opened, and Stop honoured. Tokens given for a
// run are never stored.
import { readFileSync } from "node:fs";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { processDatabase } from "@/lib/server/db/connect";
import {
  runDetailSchema,
  runListSchema,
  runStreamLineSchema,
  type RunStreamLine,
} from "@/lib/domain/workspace/run-wire";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { dumpTables } from "@/test/support/workspace";
import * as importRoute from "@/app/api/collections/import/route";
import * as runsRoute from "@/app/api/collections/[id]/runs/route";
import * as runRoute from "@/app/api/collections/[id]/runs/[runId]/route";

const LOCAL = "localhost:3000";
const TOKEN = "demo-tasks-token";

function call(path: string, init: { body?: unknown; signal?: AbortSignal } = {}): Request {
  return new Request(`http://${LOCAL}${path}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: { host: LOCAL, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
}

async function importFile(text: string): Promise<string> {
  const response = await importRoute.POST(
    call("/api/collections/import", { body: { file: text } }),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { collectionId: string }).collectionId;
}

async function* lines(response: Response): AsyncGenerator<RunStreamLine> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      yield runStreamLineSchema.parse(JSON.parse(buffered.slice(0, newline)));
      buffered = buffered.slice(newline + 1);
    }
  }
}

async function runToEnd(collectionId: string, body: unknown): Promise<RunStreamLine[]> {
  const response = await runsRoute.POST(call(`/api/collections/${collectionId}/runs`, { body }), {
    params: Promise.resolve({ id: collectionId }),
  });
  expect(response.headers.get("content-type")).toContain("application/x-ndjson");
  const seen: RunStreamLine[] = [];
  for await (const line of lines(response)) seen.push(line);
  return seen;
}

let slow: ServedHandler;
beforeAll(async () => {
  // The slow server is on loopback: this process stands for a local run.
  process.env.MCP_ALLOW_PRIVATE_NETWORK = "true";
  slow = await serveHandler(async (request) => {
    const server = new McpServer({ name: "slow", version: "1.0.0" });
    server.registerTool("wait", { description: "Takes 20 seconds." }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      return { content: [{ type: "text", text: "done" }] };
    });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    return transport.handleRequest(request);
  });
});
afterAll(async () => {
  await slow?.close();
});

describe("Run collection", () => {
  it("names a token left open before anything runs, then runs, stores, compares and opens a case", async () => {
    const id = await importFile(readFileSync("examples/demo-checks.yaml", "utf8"));
    const params = { params: Promise.resolve({ id }) };

    const refused = await runsRoute.POST(call(`/api/collections/${id}/runs`, { body: {} }), params);
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as {
      error: { kind: string; problems: { missing?: string; path: string; request?: string }[] };
    };
    expect(problem.error.kind).toBe("plan_problems");
    expect(problem.error.problems).toContainEqual(
      expect.objectContaining({
        missing: "MCP_TOKEN_TASKS",
        request: "Completes a task with the token",
      }),
    );

    const first = await runToEnd(id, { values: { MCP_TOKEN_TASKS: TOKEN } });
    expect(first[0]).toMatchObject({ type: "start", total: 4 });
    const cases = first.filter((line) => line.type === "case");
    expect(cases.map((line) => line.done).sort()).toEqual([1, 2, 3, 4]);
    expect(cases.every((line) => line.result.status === "passed")).toBe(true);
    const end = first.at(-1);
    expect(end).toMatchObject({
      type: "end",
      run: { status: "done", totals: { passed: 4, failed: 0 } },
    });
    const runId = first[0]!.type === "start" ? first[0]!.runId : "";

    // A wrong token: the tasks requests start failing, and the comparison says so.
    const second = await runToEnd(id, { values: { MCP_TOKEN_TASKS: "wrong-token" } });
    expect(second.at(-1)).toMatchObject({ type: "end", run: { totals: { passed: 2 } } });
    const secondId = second[0]!.type === "start" ? second[0]!.runId : "";

    const list = runListSchema.parse(
      await (await runsRoute.GET(call(`/api/collections/${id}/runs`), params)).json(),
    );
    expect(list.runs.map((run) => run.id)).toEqual([secondId, runId]);

    const detail = runDetailSchema.parse(
      await (
        await runRoute.GET(call(`/api/collections/${id}/runs/${secondId}`), {
          params: Promise.resolve({ id, runId: secondId }),
        })
      ).json(),
    );
    expect(detail.comparison?.earlierRunId).toBe(runId);
    expect(
      detail.comparison?.changes
        .filter((entry) => entry.change === "started_failing")
        .map((entry) => entry.requestName)
        .sort(),
    ).toEqual(["A failing sync is reported as a tool error", "Completes a task with the token"]);

    const events = detail.cases.find((entry) => entry.requestName === "Lists this week's events")!;
    const opened = (await (
      await runRoute.GET(
        call(`/api/collections/${id}/runs/${secondId}?case=${encodeURIComponent(events.key)}`),
        { params: Promise.resolve({ id, runId: secondId }) },
      )
    ).json()) as { content: { type: string }[] | null };
    expect(opened.content?.map((block) => block.type)).toEqual([
      "text",
      "mcp_tool_use",
      "mcp_tool_result",
      "text",
    ]);

    // The tokens given for the runs are nowhere in the database.
    const dump = await dumpTables((await processDatabase()).db);
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain("wrong-token");
  });

  it("Stop (the browser cancelling) ends the run as stopped, with what had run", async () => {
    const id = await importFile(
      stringify({
        version: 1,
        name: "Slow",
        requests: [
          {
            name: "waits",
            request: {
              model: "claude-opus-4-6",
              max_tokens: 256,
              betas: ["mcp-client-2025-11-20"],
              messages: [{ role: "user", content: "call slow.wait {}" }],
              mcp_servers: [{ type: "url", name: "slow", url: `${slow.origin}/mcp` }],
              tools: [{ type: "mcp_toolset", mcp_server_name: "slow" }],
            },
            checks: [{ no_tool_errors: true }],
          },
        ],
      }),
    );
    const stop = new AbortController();
    const response = await runsRoute.POST(
      call(`/api/collections/${id}/runs`, { body: {}, signal: stop.signal }),
      { params: Promise.resolve({ id }) },
    );
    const started = Date.now();
    const reader = lines(response);
    expect((await reader.next()).value).toMatchObject({ type: "start", total: 1 });
    stop.abort();
    await reader.return(undefined).catch(() => undefined);
    // The run ends (stored as stopped) long before the tool would have answered.
    let status = "running";
    while (status === "running" && Date.now() - started < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const list = runListSchema.parse(
        await (
          await runsRoute.GET(call(`/api/collections/${id}/runs`), {
            params: Promise.resolve({ id }),
          })
        ).json(),
      );
      status = list.runs[0]?.status ?? "missing";
    }
    expect(status).toBe("stopped");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("refuses what it does not take, in words", async () => {
    const id = await importFile(readFileSync("examples/demo-checks.yaml", "utf8"));
    const params = { params: Promise.resolve({ id }) };
    const tooMany = await runsRoute.POST(
      call(`/api/collections/${id}/runs`, {
        body: {
          repeat: 20,
          models: Array(10)
            .fill("m")
            .map((m, i) => `${m}${i}`),
          values: { MCP_TOKEN_TASKS: TOKEN },
        },
      }),
      params,
    );
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { error: { message: string } }).error.message).toMatch(
      /npx mcp-playground run --batch/,
    );
    const unknown = await runsRoute.POST(
      call(`/api/collections/${id}/runs`, { body: { target: "elsewhere" } }),
      params,
    );
    expect(unknown.status).toBe(400);
    // A placeholder never reads the server's own environment (its key, its settings).
    process.env.PLAYGROUND_BENCH_SECRET = "server-secret-9d1f";
    const leaky = await importFile(
      stringify({
        version: 1,
        name: "Leaky",
        requests: [
          {
            name: "asks for the server's secret",
            request: {
              model: "claude-opus-4-6",
              max_tokens: 64,
              messages: [{ role: "user", content: "{{PLAYGROUND_BENCH_SECRET}}" }],
            },
          },
        ],
      }),
    );
    const refusedLeak = await runsRoute.POST(call(`/api/collections/${leaky}/runs`, { body: {} }), {
      params: Promise.resolve({ id: leaky }),
    });
    expect(refusedLeak.status).toBe(400);
    const leakBody = await refusedLeak.text();
    expect(leakBody).toContain('"missing":"PLAYGROUND_BENCH_SECRET"');
    expect(leakBody).not.toContain("server-secret-9d1f");
    delete process.env.PLAYGROUND_BENCH_SECRET;

    const missing = await runRoute.GET(call(`/api/collections/${id}/runs/not-a-run`), {
      params: Promise.resolve({ id, runId: "not-a-run" }),
    });
    expect(missing.status).toBe(404);
  });
});
