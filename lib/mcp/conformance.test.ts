// Our MCP client code against the MCP conformance suite (a test suite for MCP clients that nobody
// here wrote): the suite starts its scenario server and runs scripts/conformance/client.ts.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { resolveBin } from "../testing/mcp-process";

const run = promisify(execFile);
const CLIENT = `${process.execPath} --conditions=react-server --import tsx scripts/conformance/client.ts`;

interface Check {
  id: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO";
  errorMessage?: string;
}

async function runScenario(scenario: string): Promise<Check[]> {
  const out = await mkdtemp(join(tmpdir(), "mcp-conformance-"));
  await run(
    process.execPath,
    [
      resolveBin("@modelcontextprotocol/conformance/dist/index.js"),
      "client",
      "--command",
      CLIENT,
      "--scenario",
      scenario,
      "-o",
      out,
    ],
    { timeout: 60_000 },
  ).catch((error: unknown) => error); // a failed scenario exits non-zero; its checks say why
  const [folder] = await readdir(out);
  if (!folder) throw new Error(`conformance wrote no results for ${scenario}`);
  return JSON.parse(await readFile(join(out, folder, "checks.json"), "utf8")) as Check[];
}

// One at a time: parallel scenario runs time out on two cores.
describe.sequential("MCP conformance suite, client scenarios", () => {
  it.each(["initialize", "tools_call"])(
    "%s passes every check",
    async (scenario) => {
      const checks = await runScenario(scenario);
      const judged = checks.filter((check) => check.status !== "INFO");
      expect(judged.length).toBeGreaterThan(0);
      expect(judged.filter((check) => check.status !== "SUCCESS")).toEqual([]);
    },
    90_000,
  );
});
