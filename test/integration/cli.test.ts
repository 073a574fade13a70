// The CLI as a user runs it: `node bin/mcp-playground.mjs …` in a child process, against the
// in-process emulator, the demo servers and real MCP servers (server-everything, a flaky one).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { RunReport } from "../../lib/domain/checks/report";
import { serveEmulator, type EmulatorServer } from "../support/emulator-server";
import { serveFlakyServer } from "../support/flaky-server";
import { freePort } from "../support/free-port";
import { startServerEverything, type RunningServer } from "../support/server-everything";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin/mcp-playground.mjs");
const EXAMPLE = join(ROOT, "examples/demo-checks.yaml");
const TOKEN = { MCP_TOKEN_TASKS: "demo-tasks-token" };

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      // A CI's environment: no API key, no TTY, nothing else inherited that could steer the run.
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", CI: "true", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const work = mkdtempSync(join(tmpdir(), "mcp-playground-cli-"));
const example = parse(readFileSync(EXAMPLE, "utf8")) as {
  requests: { name: string; request: Record<string, unknown>; checks?: unknown[] }[];
};

/** A collection file in the scratch folder, as YAML or JSON by its name. */
function writeCollection(name: string, file: unknown): string {
  const path = join(work, name);
  writeFileSync(path, name.endsWith(".json") ? JSON.stringify(file, null, 2) : stringify(file));
  return path;
}

function readReport(path: string): RunReport {
  return JSON.parse(readFileSync(path, "utf8")) as RunReport;
}

describe("npx mcp-playground", () => {
  it("--help lists every option with an example, and --version answers", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const option of [
      "--emulator",
      "--base-url",
      "--env",
      "--models",
      "--repeat",
      "--concurrency",
      "--batch",
      "--poll-seconds",
      "--timeout-seconds",
      "--junit",
      "--json",
      "--no-color",
    ])
      expect(help.stdout).toContain(option);
    expect(help.stdout.match(/^ {28}npx mcp-playground /gm)?.length).toBeGreaterThanOrEqual(8);
    expect(await cli(["--version"])).toMatchObject({ code: 0, stdout: "mcp-playground 0.1.0\n" });
    const bad = await cli(["run", EXAMPLE, "--concurrency", "zero"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--concurrency takes a whole number from 1 to 256; got "zero"');
  });

  it("runs the example collection (YAML) against the emulator: every check passes, exit 0", async () => {
    const json = join(work, "pass.json");
    const junit = join(work, "pass.xml");
    const run = await cli(["run", "examples/", "--emulator", "--json", json, "--junit", junit], {
      env: TOKEN,
    });
    expect(run.stderr).not.toMatch(/deprecated|✗/);
    expect(run.code).toBe(0);
    // CI (no TTY): one line per case, then the summary.
    expect(run.stdout.match(/^✓ Demo checks › /gm)).toHaveLength(4);
    expect(run.stdout).toMatch(/4 of 4 requests passed/);
    const report = readReport(json);
    expect(report).toMatchObject({
      version: 1,
      exitCode: 0,
      target: "the emulator (in this process)",
    });
    expect(report.cases.map((entry) => entry.status)).toEqual(Array(4).fill("passed"));
    const sync = report.cases.find((entry) => entry.requestName.startsWith("A failing sync"));
    expect(sync?.toolErrors).toBe(1);
    expect(sync?.checks.map((check) => [check.kind, check.passed])).toEqual([
      ["tool_error", true],
      ["tools_in_order", true],
    ]);
    const xml = readFileSync(junit, "utf8");
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).not.toContain("<failure");
  });

  it("reads the same collection as JSON, with the same outcome", async () => {
    const path = writeCollection("example.json", example);
    const json = join(work, "json.json");
    const run = await cli(["run", path, "--emulator", "--json", json], { env: TOKEN });
    expect(run.code).toBe(0);
    expect(readReport(json).cases.map((entry) => [entry.requestName, entry.status])).toEqual(
      example.requests.map((entry) => [entry.name, "passed"]),
    );
  });

  it("a failing check exits 1; JUnit names the check and the evidence", async () => {
    const [events] = example.requests;
    const path = writeCollection("failing.yaml", {
      ...example,
      name: "Failing",
      requests: [
        {
          ...events,
          checks: [{ tool_called: { name: "create_event" } }, { no_tool_errors: true }],
        },
      ],
    });
    const junit = join(work, "failing.xml");
    const run = await cli(["run", path, "--emulator", "--junit", junit], { env: TOKEN });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Failing › Lists this week's events/);
    expect(run.stdout).toMatch(/tool_called: .*create_event.*calendar\.list_events/);
    const xml = readFileSync(junit, "utf8");
    expect(xml).toMatch(/<testsuite name="Failing" tests="1" failures="1" errors="0"/);
    expect(xml).toMatch(
      /<failure type="tool_called" message="tool_called: [^"]*create_event[^"]*calendar\.list_events\(\)/,
    );
    // The check that passed is not a failure.
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });

  it("a malformed file exits 2 naming the file, the path inside it and the request; nothing is sent", async () => {
    const [events, task] = example.requests;
    const path = writeCollection("malformed.yaml", {
      ...example,
      requests: [
        { ...events, checks: [{ tool_caled: { name: "list_events" } }] },
        { ...task, checks: [{ tool_called: { name: "complete_task", times: "once" } }] },
      ],
    });
    const json = join(work, "malformed.json");
    const run = await cli(["run", path, "--emulator", "--json", json], { env: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${path}: requests[0].checks[0].tool_caled (request "Lists this week's events"): unknown check "tool_caled" (known: tool_called,`,
    );
    expect(run.stderr).toMatch(/unknown check "tool_caled"/);
    expect(run.stderr).toContain(
      `requests[1].checks[0].tool_called.times (request "Completes a task with the token")`,
    );
    expect(run.stderr).toContain("nothing was sent");
    expect(existsSync(json)).toBe(false);

    const broken = join(work, "broken.yaml");
    writeFileSync(broken, "version: 1\nname: [unclosed\n");
    const unreadable = await cli(["validate", broken]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/broken\.yaml/);
  });

  it("a token placeholder with no value exits 2 naming it, before anything is sent", async () => {
    const run = await cli(["run", EXAMPLE, "--emulator"], { env: { MCP_TOKEN_TASKS: "" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /requests\[1\]\.request \(request "Completes a task with the token"\): \{\{MCP_TOKEN_TASKS\}\} has no value.*secret/,
    );
    expect(run.stdout).not.toMatch(/Running/);
    // validate needs no secret: it says what a run will need.
    const validate = await cli(["validate", EXAMPLE]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain("{{MCP_TOKEN_TASKS}}");
    expect(validate.stdout).toMatch(/1 file, 4 requests: valid/);
  });

  it("--batch submits Message Batches and polls them to the end", async () => {
    const json = join(work, "batch.json");
    const run = await cli(
      ["run", EXAMPLE, "--emulator", "--batch", "--poll-seconds", "1", "--json", json],
      { env: TOKEN },
    );
    expect(run.code).toBe(0);
    const report = readReport(json);
    expect(report.cases).toHaveLength(4);
    expect(report.cases.every((entry) => entry.status === "passed")).toBe(true);
    expect(run.stdout + run.stderr).toMatch(/batch/i);
  });

  it("--models runs a matrix and --concurrency bounds it", async () => {
    const json = join(work, "matrix.json");
    const run = await cli(
      [
        "run",
        EXAMPLE,
        "--emulator",
        "--models",
        "claude-sonnet-4-6,claude-haiku-4-5",
        "--concurrency",
        "2",
        "--json",
        json,
      ],
      { env: TOKEN },
    );
    expect(run.code).toBe(0);
    const report = readReport(json);
    expect(report.cases).toHaveLength(8);
    expect(new Set(report.cases.map((entry) => entry.model))).toEqual(
      new Set(["claude-sonnet-4-6", "claude-haiku-4-5"]),
    );
    expect(run.stdout.match(/\[claude-haiku-4-5\]/g)).toHaveLength(4);
  });

  describe("against real MCP servers", () => {
    let everything: RunningServer;
    let flaky: Awaited<ReturnType<typeof serveFlakyServer>>;
    let emulator: EmulatorServer;
    beforeAll(async () => {
      // The served emulator runs in this test's process: like the CLI, on the user's own machine.
      process.env.MCP_ALLOW_PRIVATE_NETWORK = "true";
      [everything, flaky, emulator] = await Promise.all([
        startServerEverything(),
        serveFlakyServer(),
        serveEmulator(),
      ]);
    });
    afterAll(async () => {
      await Promise.all([everything?.stop(), flaky?.close(), emulator?.close()]);
    });

    const request = (name: string, url: string, message: string) => ({
      model: "claude-sonnet-4-6",
      max_tokens: 512,
      betas: ["mcp-client-2025-11-20"],
      messages: [{ role: "user", content: message }],
      mcp_servers: [{ type: "url", name, url }],
      tools: [{ type: "mcp_toolset", mcp_server_name: name }],
    });

    it("checks a call to @modelcontextprotocol/server-everything's echo", async () => {
      const path = writeCollection("everything.yaml", {
        version: 1,
        name: "Everything",
        requests: [
          {
            name: "echoes",
            request: request(
              "everything",
              everything.url,
              'call everything.echo {"message": "hello"}',
            ),
            checks: [
              { tool_called: { name: "echo", input: { message: "hello" }, match: "exact" } },
              { no_tool_errors: true },
              { text_not_contains: "Traceback" },
            ],
          },
        ],
      });
      const run = await cli(["run", path, "--emulator"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/✓ Everything › echoes .* 3\/3 checks/);
    });

    it("--base-url sends to a running playground's emulator; an unreachable one exits 3 with the cause", async () => {
      const path = writeCollection("base-url.yaml", {
        version: 1,
        name: "Over HTTP",
        requests: [
          {
            name: "echoes",
            request: request(
              "everything",
              everything.url,
              'call everything.echo {"message": "hi"}',
            ),
            checks: [{ tool_called: { name: "echo" } }],
          },
        ],
      });
      const run = await cli(["run", path, "--base-url", `${emulator.baseUrl}`]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(emulator.received).toHaveLength(1);
      expect(emulator.received[0]?.beta).toContain("mcp-client-2025-11-20");

      const port = await freePort();
      const down = await cli(["run", path, "--base-url", `http://127.0.0.1:${port}/api/emulator`]);
      expect(down.code).toBe(3);
      expect(down.stdout).toMatch(/could not run/i);
      expect(down.stdout + down.stderr).toMatch(/connection|ECONNREFUSED|fetch failed/i);
    });

    it("--repeat with pass_rate: a tool failing every other run passes at 0.5 and fails at 0.75", async () => {
      const entry = (passRate: number) => ({
        version: 1,
        name: "Flaky",
        requests: [
          {
            name: "flips",
            pass_rate: passRate,
            request: request("flaky", flaky.url, "call flaky.flip {}"),
            checks: [{ no_tool_errors: true }],
          },
        ],
      });
      const half = join(work, "half.json");
      const lenient = await cli([
        "run",
        writeCollection("half.yaml", entry(0.5)),
        "--emulator",
        "--repeat",
        "4",
        "--concurrency",
        "1",
        "--json",
        half,
      ]);
      expect(lenient.code).toBe(0);
      const report = readReport(half);
      expect(report.cases.map((result) => result.status)).toEqual([
        "passed",
        "failed",
        "passed",
        "failed",
      ]);
      expect(report.requests).toEqual([
        expect.objectContaining({ passedRuns: 2, runs: 4, passRate: 0.5, passed: true }),
      ]);
      const strict = await cli([
        "run",
        writeCollection("strict.yaml", entry(0.75)),
        "--emulator",
        "--repeat",
        "4",
        "--concurrency",
        "1",
      ]);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toMatch(/2 of 4 runs passed.*0\.75|75 ?%/);
    });
  });
});
