// Test support: runs the MCP conformance suite (@modelcontextprotocol/conformance, a test suite
// nobody here wrote) with the given arguments and returns the checks it wrote.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { resolveBin } from "./mcp-process";

const run = promisify(execFile);

export interface ConformanceCheck {
  id: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO";
  errorMessage?: string;
}

/** `args` like ["client", "--command", …, "--scenario", "initialize"]; results read from disk. */
export async function runConformance(args: string[]): Promise<ConformanceCheck[]> {
  const out = await mkdtemp(join(tmpdir(), "mcp-conformance-"));
  await run(
    process.execPath,
    [resolveBin("@modelcontextprotocol/conformance/dist/index.js"), ...args, "-o", out],
    { timeout: 60_000 },
  ).catch((error: unknown) => error); // a failed scenario exits non-zero; its checks say why
  // Results land in <out>/<scenario>-<time>/, and a scenario name may hold a slash (auth/…).
  const files = (await readdir(out, { recursive: true })).filter((file) =>
    file.endsWith("checks.json"),
  );
  if (!files[0]) throw new Error(`conformance wrote no results for ${args.join(" ")}`);
  return JSON.parse(await readFile(join(out, files[0]), "utf8")) as ConformanceCheck[];
}
