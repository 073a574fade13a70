// A collection run's plan: every request × model × repetition as one case, its params resolved
// and its checks read, or every problem that stops the run before anything is sent, each naming
// the file, the path inside it and the request. Pure: the runner (lib/server/runner) and the
// app's "Run collection" share it.
import type { CollectionFile } from "@/lib/domain/workspace/collection-file";
import { looksSecret } from "@/lib/domain/workspace/variable-names";
import { resolveStrings } from "@/lib/domain/workspace/variables";
import type { ValidationTarget } from "@/lib/domain/toolset/problems";
import { validateRequest } from "@/lib/domain/toolset/validate";
import { parseChecks, type Check } from "./spec";

export interface PlanOptions {
  /** The environment whose values come first. */
  environment?: string;
  /** Run each request once per model, instead of its own. */
  models?: readonly string[];
  /** Runs of each request × model. */
  repeat?: number;
  /** The last place a placeholder's value is looked up (the process environment). */
  fallback?: (name: string) => string | undefined;
  /** Values given for this run (the browser's secret variables), before the file's own. */
  given?: Readonly<Record<string, string>>;
  /** Who answers: the emulator also takes loopback http:// MCP servers; the real API does not. */
  target?: ValidationTarget;
}

/** Which run a case is: what a plan, a result and a report row all name it by. */
export interface CaseIdentity {
  /** `<file>#<request index>/<model>/<repetition>`: the same across runs of the same file. */
  key: string;
  collection: string;
  requestIndex: number;
  requestName: string;
  folder: string;
  model: string;
  repetition: number;
}

export interface PlannedCase extends CaseIdentity {
  /** The Messages params with `betas`, placeholders resolved (may hold tokens: never report). */
  params: Record<string, unknown>;
  checks: Check[];
  passRate: number;
  /** Values to keep out of every message, report and log (tokens, secret variables). */
  secrets: string[];
}

export interface PlanProblem {
  file: string;
  /** e.g. `requests[0].checks[1].tool_called.name`. */
  path: string;
  request?: string;
  message: string;
  /** The placeholder with no value (`MCP_TOKEN_TASKS`), when that is the problem. */
  missing?: string;
}

export interface Plan {
  cases: PlannedCase[];
  problems: PlanProblem[];
}

/** A problem as one line: `file: requests[0] (name).checks[1]: what is wrong`. */
export function describePlanProblem(problem: PlanProblem): string {
  const where = problem.path ? ` ${problem.path}` : "";
  const request = problem.request ? ` (request "${problem.request}")` : "";
  return `${problem.file}:${where}${request}: ${problem.message}`;
}

export function planCollection(
  file: CollectionFile,
  label: string,
  options: PlanOptions = {},
): Plan {
  const problems: PlanProblem[] = [];
  const cases: PlannedCase[] = [];
  const environments = file.environments ?? {};
  let environment: Record<string, string> = {};
  if (options.environment !== undefined) {
    const found = environments[options.environment];
    if (!found) {
      const known = Object.keys(environments);
      problems.push({
        file: label,
        path: "environments",
        message: `there is no environment "${options.environment}" (${known.length ? `known: ${known.join(", ")}` : "the file has none"})`,
      });
      return { cases, problems };
    }
    environment = found;
  }
  const variables = file.variables ?? {};
  const lookup = (name: string): string | undefined =>
    nonEmpty(options.given?.[name]) ??
    nonEmpty(environment[name]) ??
    nonEmpty(variables[name]) ??
    nonEmpty(options.fallback?.(name));
  const repeat = Math.max(1, Math.floor(options.repeat ?? 1));

  file.requests.forEach((entry, requestIndex) => {
    const at = `requests[${requestIndex}]`;
    const request = entry.name;
    const parsedChecks = parseChecks(entry.checks ?? [], `${at}.checks`);
    for (const problem of parsedChecks.problems)
      problems.push({ file: label, request, ...problem });
    const missing = new Set<string>();
    const params = resolveStrings(entry.request, lookup, missing);
    for (const name of missing)
      problems.push({
        file: label,
        path: `${at}.request`,
        request,
        missing: name,
        message: `{{${name}}} has no value: set it in ${options.environment ? `environment "${options.environment}", ` : ""}the file's variables or the process environment${looksSecret(name) ? " (a secret: from the CI's secret store)" : ""}`,
      });
    if (missing.size) return;
    for (const problem of validateRequest(params, { target: options.target ?? "anthropic" })) {
      if (problem.severity !== "error") continue;
      problems.push({
        file: label,
        path: problem.path ? `${at}.request.${problem.path}` : `${at}.request`,
        request,
        // The validator's messages start with their path, which the problem already names.
        message: problem.path ? problem.message.replace(`${problem.path}: `, "") : problem.message,
      });
    }
    const secrets = secretValues(params, entry.request, lookup);
    const models = options.models?.length
      ? options.models
      : [typeof params.model === "string" ? params.model : ""];
    for (const model of models)
      for (let repetition = 1; repetition <= repeat; repetition += 1)
        cases.push({
          key: `${label}#${requestIndex}/${model}/${repetition}`,
          collection: file.name,
          requestIndex,
          requestName: request,
          folder: entry.folder ?? "",
          model,
          repetition,
          params: { ...params, model },
          checks: parsedChecks.checks,
          passRate: entry.pass_rate ?? 1,
          secrets,
        });
  });
  return { cases: problems.length ? [] : cases, problems };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** Tokens in the resolved params, and the values of secret-looking placeholders. */
function secretValues(
  params: Record<string, unknown>,
  written: Record<string, unknown>,
  lookup: (name: string) => string | undefined,
): string[] {
  const out = new Set<string>();
  const servers = Array.isArray(params.mcp_servers) ? params.mcp_servers : [];
  for (const server of servers) {
    const token = (server as { authorization_token?: unknown } | null)?.authorization_token;
    if (typeof token === "string" && token) out.add(token);
  }
  for (const match of JSON.stringify(written).matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) {
    const name = match[1]!;
    const value = lookup(name);
    if (value && looksSecret(name)) out.add(value);
  }
  return [...out];
}
