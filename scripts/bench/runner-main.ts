// The collection runner (issue M): 40 requests at concurrency 8 on the emulator through the
// runner vs the same 40 sent with the SDK directly (target: ≤ 1.5×), the CLI's start-up (target:
// < 1.5 s) and a whole CLI run, and check evaluation over a 10,000-block response (≤ 1 ms a check).
import { spawnSync } from "node:child_process";
import type Anthropic from "@anthropic-ai/sdk";
import { evaluateChecks, type ObservedBlock } from "../../lib/domain/checks/evaluate";
import { planCollection } from "../../lib/domain/checks/plan";
import { parseChecks, CHECK_KINDS } from "../../lib/domain/checks/spec";
import { inProcessEmulator } from "../../lib/server/runner/emulator-client";
import { CLI_DEMO_ORIGIN, runPlannedCases } from "../../lib/server/runner/run-plan";
import { compareSideBySide, formatResult, measure, summarize } from "./measure";

process.env.MCP_ALLOW_PRIVATE_NETWORK ??= "true";
process.env.PLAYGROUND_MAX_MCP_CONNECTIONS_PER_CLIENT ??= "128";

const REQUESTS = 40;
const CONCURRENCY = 8;
const params = (index: number) => ({
  model: "claude-opus-4-6",
  max_tokens: 512,
  betas: ["mcp-client-2025-11-20"],
  messages: [{ role: "user" as const, content: `Request ${index}.\ncall calendar.list_events {}` }],
  mcp_servers: [
    { type: "url" as const, name: "calendar", url: `${CLI_DEMO_ORIGIN}/api/demo-mcp/calendar` },
  ],
  tools: [{ type: "mcp_toolset" as const, mcp_server_name: "calendar" }],
});
const plan = planCollection(
  {
    version: 1,
    name: "Bench",
    requests: Array.from({ length: REQUESTS }, (_, index) => ({
      name: `r${index}`,
      request: params(index),
      checks: [
        { tool_called: { name: "list_events" } },
        { no_tool_errors: true },
        { max_cost_usd: 1 },
      ],
    })),
  },
  "bench.yaml",
  { target: "emulator" },
);
if (plan.problems.length) throw new Error(JSON.stringify(plan.problems));

async function pool(count: number, concurrency: number, work: (index: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const direct = inProcessEmulator({
  origin: CLI_DEMO_ORIGIN,
  client: "bench-sdk",
  concurrency: CONCURRENCY,
});
const sdk = direct.client;

console.log(
  `Collection runner: ${REQUESTS} requests at concurrency ${CONCURRENCY}, emulator in process`,
);
const [viaRunner, viaSdk] = await compareSideBySide(
  {
    name: "runner (plan → run → checks → report)",
    run: () =>
      runPlannedCases(plan.cases, {
        target: { kind: "emulator" },
        concurrency: CONCURRENCY,
        batch: false,
        timeoutMs: 60_000,
      }),
  },
  {
    name: "SDK directly (client.beta.messages.create)",
    run: () =>
      pool(REQUESTS, CONCURRENCY, (index) =>
        sdk.beta.messages.create(
          params(index) as unknown as Anthropic.Beta.MessageCreateParamsNonStreaming,
        ),
      ),
  },
  { runs: 15, warmup: 3 },
);
direct.close();
console.log(formatResult(viaRunner));
console.log(formatResult(viaSdk));
const ratio = viaRunner.medianMs / viaSdk.medianMs;
console.log(
  `  runner / SDK: ${ratio.toFixed(2)}×  ${ratio <= 1.5 ? "✓ within 1.5×" : "✗ over 1.5×"}`,
);

// The CLI as a user runs it: start-up alone, then a whole run of the example collection.
const cli = (args: string[]) => {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["bin/mcp-playground.mjs", ...args], {
    env: { ...process.env, MCP_TOKEN_TASKS: "demo-tasks-token", CI: "true" },
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`CLI ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return performance.now() - start;
};
const startup = summarize(
  "CLI start-up (mcp-playground --version)",
  Array.from({ length: 7 }, () => cli(["--version"])),
);
console.log(formatResult(startup, 1500));
console.log(
  formatResult(
    summarize(
      "CLI validate examples/demo-checks.yaml",
      Array.from({ length: 5 }, () => cli(["validate", "examples/demo-checks.yaml"])),
    ),
    1500,
  ),
);
console.log(
  formatResult(
    summarize(
      "CLI run examples/ --emulator (4 requests, start-up included)",
      Array.from({ length: 5 }, () => cli(["run", "examples/", "--emulator"])),
    ),
  ),
);

// Check evaluation over one response of 10,000 blocks (5,000 calls and their results).
const content: ObservedBlock[] = [];
for (let index = 0; index < 5_000; index += 1) {
  content.push({
    type: "mcp_tool_use",
    id: `t${index}`,
    name: `tool_${index % 50}`,
    server_name: "s",
    input: { n: index, tag: "x" },
  });
  content.push({
    type: "mcp_tool_result",
    tool_use_id: `t${index}`,
    is_error: false,
    content: [{ type: "text", text: "ok" }],
  });
}
content.push({ type: "text", text: "All done: 5000 calls." });
const every = parseChecks([
  { tool_called: { name: "tool_7", input: { tag: "<string>" }, min: 10 } },
  { tool_not_called: { name: "missing" } },
  { tools_in_order: { tools: ["tool_1", "tool_2", "tool_49"] } },
  { first_tool: { name: "tool_0" } },
  { no_tool_errors: true },
  { tool_error: { name: "tool_3" } },
  { text_contains: "done" },
  { text_not_contains: "failed" },
  { text_matches: "\\d+ calls" },
  { tool_search_found: { name: "tool_9" } },
  { listing_unchanged: { server: "s" } },
  { stop_reason: "end_turn" },
  { max_input_tokens: 1e6 },
  { max_output_tokens: 1e6 },
  { max_latency_ms: 1e6 },
  { max_cost_usd: 100 },
]);
if (every.problems.length || every.checks.length !== CHECK_KINDS.length)
  throw new Error("bench checks");
const observation = () => ({
  model: "claude-opus-4-6",
  tools: [],
  // A new message each time: the facts are read afresh, as for every new response.
  message: {
    content: [...content],
    stop_reason: "end_turn",
    usage: { input_tokens: 1000, output_tokens: 100 },
  },
  latencyMs: 100,
});
console.log("");
const all = measure(
  `all ${every.checks.length} checks over 10,000 blocks (a fresh response each time)`,
  () => {
    evaluateChecks(every.checks, observation());
  },
  { runs: 100, warmup: 10 },
);
console.log(formatResult(all));
const perCheck = all.medianMs / every.checks.length;
console.log(
  `  per check: ${perCheck.toFixed(3)} ms  ${perCheck <= 1 ? "✓ within 1 ms" : "✗ over 1 ms"}`,
);
process.exit(0);
