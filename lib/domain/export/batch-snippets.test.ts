import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { buildRequest } from "@/lib/domain/request/build-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import { sequentialIds } from "@/test/support/sequential-ids";
import { BATCH_CUSTOM_ID, generateBatchSnippet } from "./batch-snippets";
import { pythonCall, snippetRunEnvironment, typeCheck } from "@/test/support/snippet-checks";

const run = promisify(execFile);

const servers = snippetRunEnvironment("batch-snippets");
const WORK = servers.work;

function demoParams() {
  const state = createDefaultState(sequentialIds(), servers.demo().origin);
  state.message = "call tasks.list_tasks {}\ncall tasks.sync_tasks {}";
  return buildRequest(state);
}

const env = () => ({
  PATH: process.env.PATH ?? "",
  NODE_ENV: "test" as const,
  ANTHROPIC_BASE_URL: servers.emulator().baseUrl,
  ANTHROPIC_API_KEY: "batch-snippet-key",
  MCP_TOKEN_TASKS: "demo-tasks-token",
});

describe("the request as a Message Batch", () => {
  it("curl, run by bash against the emulator, creates the batch, waits for it and prints its results", async () => {
    const file = join(WORK, "batch.sh");
    const snippet = generateBatchSnippet("curl", demoParams());
    expect(snippet).not.toContain("demo-tasks-token");
    await writeFile(file, snippet);
    const { stdout } = await run("bash", [file], { env: env() });
    const [, ...lines] = stdout.trim().split("\n");
    const results = lines.map(
      (line) =>
        JSON.parse(line) as {
          custom_id: string;
          result: { type: string; message?: { content: { type: string; is_error?: boolean }[] } };
        },
    );
    expect(results.map((entry) => [entry.custom_id, entry.result.type])).toEqual([
      [BATCH_CUSTOM_ID, "succeeded"],
    ]);
    const blocks = results[0]!.result.message!.content;
    expect(blocks.filter((block) => block.type === "mcp_tool_result")).toHaveLength(2);
    expect(blocks.some((block) => block.is_error)).toBe(true);
  }, 30_000);

  it("TypeScript, run with the SDK against the emulator, walks each answer and exits non-zero on a failed tool call", async () => {
    const file = join(WORK, "batch.mts");
    const snippet = generateBatchSnippet("typescript", demoParams());
    expect(await prettier.format(snippet, { parser: "typescript" })).toBe(snippet);
    await writeFile(file, snippet);
    await typeCheck([file]);
    const failure = await run(process.execPath, ["--import", "tsx", file], {
      env: env(),
      cwd: process.cwd(),
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect("code" in failure ? failure.code : 0).toBe(1);
    expect(failure.stdout).toMatch(/^batch msgbatch_\w+: in_progress$/m);
    expect(failure.stdout).toContain(`# ${BATCH_CUSTOM_ID}: succeeded`);
    expect(failure.stdout).toContain("→ tasks.list_tasks({})");
    expect(failure.stderr).toMatch(/✗ mcptoolu_\w+ failed: /);
  }, 60_000);

  it("Python compiles, and its create call carries the request with the betas", async () => {
    const file = join(WORK, "batch.py");
    const params = demoParams();
    await writeFile(file, generateBatchSnippet("python", params));
    await run("python3", ["-m", "py_compile", file]);
    const call = await pythonCall(file);
    expect(call.function).toBe("client.beta.messages.batches.create");
    const { stream: _stream, betas, ...sent } = params;
    expect(call.keywords).toEqual({
      requests: [
        {
          custom_id: BATCH_CUSTOM_ID,
          params: {
            ...sent,
            mcp_servers: [
              sent.mcp_servers?.[0],
              { ...sent.mcp_servers?.[1], authorization_token: 'os.environ["MCP_TOKEN_TASKS"]' },
            ],
          },
        },
      ],
      betas,
    });
  });
});
