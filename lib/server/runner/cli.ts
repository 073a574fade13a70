import "server-only";
// `npx mcp-playground run|validate`: runs collection files against the emulator (in this process)
// or a Messages API, checks every response, and reports to the terminal, JUnit and JSON.
// Exit codes: 0 passed, 1 a check failed, 2 invalid file or options, 3 could not run.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  describePlanProblem,
  planCollection,
  type PlanProblem,
  type PlannedCase,
} from "@/lib/domain/checks/plan";
import type { ExitCode } from "@/lib/domain/checks/report";
import { loadCollections } from "./load";
import type { RunTarget } from "./run-plan";

export const HELP = `mcp-playground — run MCP connector requests and check what they did

Usage
  npx mcp-playground run <file.yaml|file.json|folder>... [options]
  npx mcp-playground validate <file.yaml|file.json|folder>... [--env NAME]

Target (default: the real API when ANTHROPIC_API_KEY is set, else the emulator)
  --emulator              run the built-in emulator in this process; it reaches loopback and
                          private MCP servers (it runs on your machine)
                            npx mcp-playground run examples/ --emulator
  --base-url URL          send to any Messages API: the real one (with ANTHROPIC_API_KEY) or a
                          running playground's emulator
                            npx mcp-playground run checks.yaml --base-url http://localhost:3000/api/emulator

Values
  --env NAME              use the file's environment NAME; {{X}} resolves from it, then the file's
                          variables, then the process environment
                            MCP_TOKEN_TASKS=… npx mcp-playground run checks.yaml --env staging

Matrix
  --models a,b,c          run every request once per model (instead of its own model)
                            npx mcp-playground run checks.yaml --models claude-opus-4-6,claude-haiku-4-5
  --repeat N              run every request × model N times; a request passes when its pass_rate
                          (1 by default) of runs pass
                            npx mcp-playground run checks.yaml --repeat 5

Running
  --concurrency N         requests at once (default 4)
                            npx mcp-playground run checks.yaml --concurrency 8
  --batch                 submit everything as Message Batches and poll until they end
                            npx mcp-playground run big.yaml --batch --poll-seconds 30
  --poll-seconds N        seconds between looks at a batch (default 10; 1 with --emulator)
  --timeout-seconds N     time limit of one request (default 600)

Reports
  --junit PATH            JUnit XML: a <testsuite> per collection, a <testcase> per run
                            npx mcp-playground run checks.yaml --junit reports/junit.xml
  --json PATH             the whole run as JSON (docs/ci.md describes it)
                            npx mcp-playground run checks.yaml --json reports/run.json
  --no-color              no colours in the terminal (also NO_COLOR=1)
  -h, --help              this help
  --version               the version

Exit codes
  0  every check passed
  1  a check failed
  2  a file or an option is invalid (nothing was sent)
  3  a request could not run (API or network error)
`;

const OPTIONS = {
  emulator: { type: "boolean" },
  "base-url": { type: "string" },
  env: { type: "string" },
  models: { type: "string" },
  repeat: { type: "string" },
  concurrency: { type: "string" },
  batch: { type: "boolean" },
  "poll-seconds": { type: "string" },
  "timeout-seconds": { type: "string" },
  junit: { type: "string" },
  json: { type: "string" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  tty: boolean;
  columns?: number;
  env: Record<string, string | undefined>;
  cwd: string;
  signal?: AbortSignal;
}

class UsageError extends Error {}

function positiveInteger(
  value: string | undefined,
  option: string,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max)
    throw new UsageError(`--${option} takes a whole number from 1 to ${max}; got "${value}".`);
  return number;
}

function readOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (see --help).`);
  }
}

export async function runCli(args: string[], io: CliIo): Promise<ExitCode> {
  try {
    return await main(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mcp-playground: ${error.message}\n`);
      return 2;
    }
    io.stderr(
      `mcp-playground: could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 3;
  }
}

async function main(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = readOptions(args);
  const values = parsed.values;
  if (values.version) {
    io.stdout("mcp-playground 0.1.0\n");
    return 0;
  }
  if (values.help || parsed.positionals.length === 0) {
    (values.help ? io.stdout : io.stderr)(HELP);
    return values.help ? 0 : 2;
  }
  const [command, ...paths] = parsed.positionals;
  if (command !== "run" && command !== "validate")
    throw new UsageError(`unknown command "${command}": use run or validate (see --help).`);
  if (paths.length === 0) throw new UsageError(`${command} needs a file or a folder (see --help).`);
  if (values.emulator && values["base-url"])
    throw new UsageError("give --emulator or --base-url, not both.");
  const baseUrl = values["base-url"];
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(`--base-url "${baseUrl}" is not a URL.`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new UsageError(`--base-url must be http:// or https://; got ${url.protocol}`);
  }
  const models = values.models
    ?.split(",")
    .map((model) => model.trim())
    .filter(Boolean);
  if (values.models !== undefined && !models?.length)
    throw new UsageError("--models takes a comma-separated list of model ids.");
  const repeat = positiveInteger(values.repeat, "repeat", 1, 1000);
  const concurrency = positiveInteger(values.concurrency, "concurrency", 4, 256);
  const timeoutSeconds = positiveInteger(values["timeout-seconds"], "timeout-seconds", 600, 86_400);

  const target: RunTarget = values.emulator
    ? { kind: "emulator" }
    : baseUrl
      ? { kind: "base-url", baseUrl, apiKey: io.env.ANTHROPIC_API_KEY }
      : io.env.ANTHROPIC_API_KEY
        ? { kind: "api", apiKey: io.env.ANTHROPIC_API_KEY, baseUrl: io.env.ANTHROPIC_BASE_URL }
        : { kind: "emulator" };
  // A running playground's emulator takes what the in-process one takes (loopback http://).
  const validationTarget =
    target.kind === "emulator" ||
    (target.kind === "base-url" && /\/api\/emulator\/?$/.test(new URL(target.baseUrl).pathname))
      ? "emulator"
      : "anthropic";

  const loaded = loadCollections(paths, io.cwd);
  const problems: PlanProblem[] = [...loaded.problems];
  const cases: PlannedCase[] = [];
  const notes: string[] = [];
  for (const { label, file } of loaded.collections) {
    const unset = new Set<string>();
    const plan = planCollection(file, label, {
      environment: values.env,
      models,
      repeat,
      target: validationTarget,
      fallback: (name) => {
        const value = io.env[name];
        if (command === "validate" && !value) unset.add(name);
        // Validating needs no secret: a value not set here stands in for it.
        return value || (command === "validate" ? "https://value.invalid/unset" : undefined);
      },
    });
    problems.push(...plan.problems);
    cases.push(...plan.cases);
    if (unset.size)
      notes.push(
        `${label}: not set here (needed to run): ${[...unset].map((name) => `{{${name}}}`).join(", ")}`,
      );
  }
  if (problems.length) {
    for (const problem of problems) io.stderr(`✗ ${describePlanProblem(problem)}\n`);
    io.stderr(
      `\n${problems.length} problem${problems.length === 1 ? "" : "s"}: nothing was sent.\n`,
    );
    return 2;
  }
  if (command === "validate") {
    for (const note of notes) io.stdout(`note: ${note}\n`);
    const requests = loaded.collections.reduce((sum, entry) => sum + entry.file.requests.length, 0);
    io.stdout(
      `✓ ${loaded.collections.length} file${loaded.collections.length === 1 ? "" : "s"}, ${requests} request${requests === 1 ? "" : "s"}: valid.\n`,
    );
    return 0;
  }
  if (cases.length === 0) {
    io.stdout("No requests to run.\n");
    return 0;
  }
  const [{ runPlannedCases }, { TerminalReporter }] = await Promise.all([
    import("./run-plan"),
    import("./terminal"),
  ]);
  const terminal = new TerminalReporter(
    {
      tty: io.tty,
      color: !values["no-color"] && !io.env.NO_COLOR && io.tty,
      write: io.stdout,
      writeProgress: io.stderr,
      width: io.columns,
    },
    repeat > 1,
  );
  const report = await runPlannedCases(cases, {
    target,
    concurrency,
    batch: values.batch === true,
    pollSeconds: values["poll-seconds"]
      ? positiveInteger(values["poll-seconds"], "poll-seconds", 10, 3600)
      : undefined,
    timeoutMs: timeoutSeconds * 1000,
    progress: terminal,
    signal: io.signal,
  });
  terminal.summary(report);
  if (values.junit)
    await writeReport(
      values.junit,
      (await import("@/lib/domain/checks/junit")).junitXml(report),
      io,
    );
  if (values.json) await writeReport(values.json, `${JSON.stringify(report, null, 2)}\n`, io);
  return report.exitCode;
}

function writeReport(path: string, content: string, io: CliIo): Promise<void> {
  const full = resolve(io.cwd, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  io.stdout(`Wrote ${path}\n`);
  return Promise.resolve();
}
