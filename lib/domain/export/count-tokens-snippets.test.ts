import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { buildRequest } from "@/lib/domain/request/build-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import { countTokensParams } from "@/lib/domain/request/count-tokens";
import { sequentialIds } from "@/test/support/sequential-ids";
import { pythonCall, snippetRunEnvironment, typeCheck } from "@/test/support/snippet-checks";
import { generateCountTokensSnippet } from "./count-tokens-snippets";

const run = promisify(execFile);
const servers = snippetRunEnvironment("count-tokens-snippets");
const WORK = servers.work;

function demoParams() {
  const state = createDefaultState(sequentialIds(), servers.demo().origin);
  state.message = "How many tokens is this?";
  return buildRequest(state);
}

const env = () => ({
  PATH: process.env.PATH ?? "",
  NODE_ENV: "test" as const,
  ANTHROPIC_BASE_URL: servers.emulator().baseUrl,
  ANTHROPIC_API_KEY: "count-snippet-key",
  MCP_TOKEN_TASKS: "demo-tasks-token",
});

describe("the request as a count_tokens call", () => {
  it("leaves out what only a Message takes, and keeps every counted field", () => {
    const request = { ...demoParams(), temperature: 0.2, stop_sequences: ["END"] };
    const params = countTokensParams(request);
    expect(Object.keys(params)).not.toContain("max_tokens");
    expect(Object.keys(params)).not.toContain("stream");
    expect(Object.keys(params)).not.toContain("temperature");
    expect(params).toMatchObject({ model: request.model, messages: request.messages });
    expect(params.mcp_servers).toEqual(request.mcp_servers);
  });

  it("curl, run by bash against the emulator, prints the count; the token stays a variable", async () => {
    const file = join(WORK, "count.sh");
    const snippet = generateCountTokensSnippet("curl", demoParams());
    expect(snippet).not.toContain("demo-tasks-token");
    expect(snippet).toContain("<<JSON");
    await writeFile(file, snippet);
    const { stdout } = await run("bash", [file], { env: env() });
    expect(JSON.parse(stdout)).toMatchObject({ input_tokens: expect.any(Number) as unknown });
  }, 30_000);

  it("TypeScript, run with the SDK against the emulator, prints input_tokens", async () => {
    const file = join(WORK, "count.mts");
    const snippet = generateCountTokensSnippet("typescript", demoParams());
    expect(await prettier.format(snippet, { parser: "typescript" })).toBe(snippet);
    await writeFile(file, snippet);
    await typeCheck([file]);
    const { stdout } = await run(process.execPath, ["--import", "tsx", file], {
      env: env(),
      cwd: process.cwd(),
    });
    expect(stdout).toMatch(/^input_tokens: \d+$/m);
  }, 60_000);

  it("Python compiles, and calls count_tokens with the counted fields and the betas", async () => {
    const file = join(WORK, "count.py");
    const params = demoParams();
    await writeFile(file, generateCountTokensSnippet("python", params));
    await run("python3", ["-m", "py_compile", file]);
    const call = await pythonCall(file);
    expect(call.function).toBe("client.beta.messages.count_tokens");
    expect(Object.keys(call.keywords).sort()).toEqual(
      Object.keys(countTokensParams(params)).sort(),
    );
  });
});
