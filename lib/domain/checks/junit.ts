// A run as JUnit XML, as CI systems read it: one <testsuite> per collection, one <testcase> per
// request × model × repetition; a failed check is a <failure> whose message names the check and
// what decided it (the tools that were called, the value seen), an API error an <error>.
import type { CaseResult, RunReport } from "./report";

/** XML 1.0 text: the five escapes, and characters XML cannot hold removed. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const seconds = (ms: number | null) => ((ms ?? 0) / 1000).toFixed(3);

export function caseName(
  result: Pick<CaseResult, "requestName" | "model" | "repetition">,
  repeated: boolean,
): string {
  return `${result.requestName} [${result.model}]${repeated ? ` #${result.repetition}` : ""}`;
}

function testcase(result: CaseResult, repeated: boolean): string {
  const classname = [result.collection, result.folder]
    .filter(Boolean)
    .join(".")
    .replace(/\//g, ".");
  const open = `    <testcase classname="${xmlText(classname)}" name="${xmlText(caseName(result, repeated))}" time="${seconds(result.latencyMs)}">`;
  const lines: string[] = [open];
  if (result.error) {
    lines.push(
      `      <error type="${xmlText(result.error.type)}" message="${xmlText(`${result.error.type}: ${result.error.message}`)}">${xmlText(result.error.message)}</error>`,
    );
  }
  const failed = result.checks.filter((check) => !check.passed);
  if (failed.length) {
    const first = failed[0]!;
    const body = failed.map((check) => `${check.kind}: ${check.message}`).join("\n");
    lines.push(
      `      <failure type="${xmlText(first.kind)}" message="${xmlText(`${first.kind}: ${first.message}`)}">${xmlText(body)}</failure>`,
    );
  }
  const passed = result.checks.filter((check) => check.passed);
  const out = [
    `request-id: ${result.requestId ?? "none"}`,
    `tool calls: ${result.toolCalls}, tool errors: ${result.toolErrors}`,
    ...passed.map((check) => `passed ${check.kind}: ${check.message}`),
  ];
  lines.push(`      <system-out>${xmlText(out.join("\n"))}</system-out>`);
  lines.push("    </testcase>");
  return lines.join("\n");
}

export function junitXml(report: RunReport): string {
  const repeated = new Set(report.cases.map((result) => result.repetition)).size > 1;
  const suites = report.collections.map((collection) => {
    const cases = report.cases.filter((result) => result.collection === collection);
    const failures = cases.filter((result) => result.status === "failed").length;
    const errors = cases.filter((result) => result.status === "error").length;
    const time = cases.reduce((sum, result) => sum + (result.latencyMs ?? 0), 0);
    return [
      `  <testsuite name="${xmlText(collection)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}" timestamp="${xmlText(report.startedAt)}">`,
      ...cases.map((result) => testcase(result, repeated)),
      "  </testsuite>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-playground" tests="${report.totals.cases}" failures="${report.totals.failed}" errors="${report.totals.errors}" time="${seconds(report.durationMs)}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
