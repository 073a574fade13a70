import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { createDefaultState } from "@/lib/domain/request/composer";
import type { ComposerState } from "@/lib/domain/request/types";
import { sequentialIds } from "@/test/support/sequential-ids";
import { generateClientSideSnippet } from "./client-side-snippet";
import { snippetRunEnvironment, typeCheck } from "@/test/support/snippet-checks";

const run = promisify(execFile);
const EVERYTHING = join(
  process.cwd(),
  "node_modules/@modelcontextprotocol/server-everything/dist/index.js",
);

const servers = snippetRunEnvironment("client-side");
const WORK = servers.work;

/** A real stdio server (server-everything) with an allowlist, and the demo tasks server. */
function clientSideState(message: string): ComposerState {
  const state = createDefaultState(sequentialIds(), servers.demo().origin);
  const tasks = state.servers[1]!;
  return {
    ...state,
    message,
    servers: [
      {
        id: "everything",
        name: "everything",
        url: "",
        authorizationToken: "",
        defaultConfig: { enabled: false },
        configs: [
          { id: "r1", tool: "echo", enabled: true },
          { id: "r2", tool: "get-sum", enabled: true },
        ],
        cacheTtl: "none",
        stdio: { command: process.execPath, args: [EVERYTHING, "stdio"], env: ["EVERYTHING_NOTE"] },
      },
      { ...tasks, defaultConfig: {}, configs: [{ id: "r3", tool: "sync_tasks", enabled: false }] },
    ],
  };
}

const env = () => ({
  PATH: process.env.PATH ?? "",
  NODE_ENV: "test" as const,
  ANTHROPIC_BASE_URL: servers.emulator().baseUrl,
  ANTHROPIC_API_KEY: "client-side-key",
  MCP_TOKEN_TASKS: "demo-tasks-token",
  EVERYTHING_NOTE: "passed through",
});

describe("TypeScript · client-side MCP", () => {
  it("is as Prettier prints it, type-checks, and never holds a secret", async () => {
    const snippet = generateClientSideSnippet(clientSideState("hello"));
    expect(await prettier.format(snippet, { parser: "typescript" })).toBe(snippet);
    expect(snippet).not.toContain("demo-tasks-token");
    expect(snippet).toContain('env("MCP_TOKEN_TASKS")');
    expect(snippet).toContain('EVERYTHING_NOTE: env("EVERYTHING_NOTE")');
    const file = join(WORK, "typed.mts");
    await writeFile(file, snippet);
    await typeCheck([file]);
  }, 60_000);

  it("stays as Prettier prints it with long names and URLs, no token and no filters", async () => {
    const state = clientSideState("hello");
    state.servers = [
      {
        ...state.servers[1]!,
        name: "a-very-long-server-name-that-pushes-every-line-past-the-width",
        url: `https://mcp.example.com/${"deep/".repeat(14)}mcp`,
        authorizationToken: "",
        configs: [],
      },
      { ...state.servers[1]!, name: "2nd", url: "https://b.example/mcp", configs: [] },
      { ...state.servers[0]!, name: "tasks", stdio: { command: "npx", args: [], env: [] } },
    ];
    const snippet = generateClientSideSnippet(state);
    expect(await prettier.format(snippet, { parser: "typescript" })).toBe(snippet);
    // Names stay distinct and valid: the second server's name starts with a digit.
    expect(snippet).toContain("const server2 = new Client(clientInfo);");
    const file = join(WORK, "long.mts");
    await writeFile(file, snippet);
    await typeCheck([file]);
  }, 60_000);

  it("runs against the emulator: the stdio server's tool is called through toolRunner and its result used", async () => {
    servers.emulator().received.length = 0;
    const file = join(WORK, "run.mts");
    await writeFile(
      file,
      generateClientSideSnippet(clientSideState('call echo {"message": "hello from the export"}')),
    );
    const { stdout } = await run(process.execPath, ["--import", "tsx", file], {
      env: env(),
      cwd: process.cwd(),
      timeout: 30_000,
    });
    expect(stdout).toContain('→ everything.echo({"message":"hello from the export"})');
    expect(stdout).toContain("← Echo: hello from the export");
    // The second turn: the emulator read the tool_result the runner sent back.
    expect(stdout).toMatch(/\*\*echo\*\* returned:\s+```\s+Echo: hello from the export/);
    const requests = servers
      .emulator()
      .received.map(
        (entry) =>
          entry.body as { tools?: { name: string }[]; mcp_servers?: unknown; thread?: unknown },
      );
    // The runner threads the conversation: the second turn continues the first, sending only the
    // tool results (the emulator holds the system, tools and history).
    expect(requests).toHaveLength(2);
    expect(requests[1]?.thread).toMatchObject({ type: "continue" });
    expect(requests[1]?.tools).toBeUndefined();
    const offered = requests[0]?.tools?.map((tool) => tool.name) ?? [];
    // The allowlist applied client-side; the denylist's sync_tasks withheld; no connector.
    expect(offered).toEqual(expect.arrayContaining(["echo", "get-sum", "list_tasks"]));
    expect(offered).not.toContain("sync_tasks");
    expect(offered).not.toContain("get-env");
    expect(requests[0]?.mcp_servers).toBeUndefined();
  }, 60_000);

  it("brings a server's MCP prompt and resource into the conversation (mcpMessages, mcpResourceToContent)", async () => {
    servers.emulator().received.length = 0;
    const state = clientSideState('call echo {"message": "with context"}');
    const snippet = generateClientSideSnippet(
      state,
      {},
      {
        prompt: { serverId: "everything", name: "simple-prompt" },
        resource: {
          serverId: "everything",
          uri: "demo://resource/static/document/architecture.md",
        },
      },
    );
    expect(await prettier.format(snippet, { parser: "typescript" })).toBe(snippet);
    const file = join(WORK, "extras.mts");
    await writeFile(file, snippet);
    await typeCheck([file]);
    const { stdout } = await run(process.execPath, ["--import", "tsx", file], {
      env: env(),
      cwd: process.cwd(),
      timeout: 30_000,
    });
    expect(stdout).toContain("← Echo: with context");
    const first = servers.emulator().received[0]?.body as {
      messages: { role: string; content: string | { type: string; text?: string }[] }[];
    };
    // The prompt's message first, then the message with the resource's text before it.
    expect(JSON.stringify(first.messages[0])).toContain(
      "This is a simple prompt without arguments.",
    );
    const last = first.messages.at(-1)!;
    expect(Array.isArray(last.content) && last.content.map((block) => block.type)).toEqual([
      "document",
      "text",
    ]);
    expect(JSON.stringify(last.content)).toContain("Everything Server – Architecture");
  }, 60_000);

  it("makes a failed tool call loud and exits non-zero", async () => {
    const state = clientSideState("call complete_task {}");
    state.servers[1]!.configs = [];
    const file = join(WORK, "fail.mts");
    await writeFile(file, generateClientSideSnippet(state));
    const failure = await run(process.execPath, ["--import", "tsx", file], {
      env: env(),
      cwd: process.cwd(),
      timeout: 30_000,
    }).catch((error: { code: number; stderr: string }) => error);
    expect("code" in failure ? failure.code : 0).toBe(1);
    expect(failure.stderr).toContain("✗ tasks.complete_task failed");
  }, 60_000);
});
