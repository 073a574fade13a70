import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as emulatorRoute } from "@/app/api/emulator/v1/messages/route";
import { readApiKey } from "@/lib/server/emulator/handler";
import { buildRequest } from "@/lib/domain/request/build-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { sequentialIds } from "@/test/support/sequential-ids";
import { twoTurnConversation } from "@/test/support/conversation-fixtures";
import * as prettier from "prettier";
import { generateSnippet, secretVariables, SNIPPET_LANGUAGES } from "./snippets";
import { pythonCall, typeCheck } from "@/test/support/snippet-checks";

const run = promisify(execFile);
const WORK = join(process.cwd(), ".test-output", "snippets");

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
let capture: ServedHandler;
const captured: { body: unknown; beta: string | null; key: string | null }[] = [];

beforeAll(async () => {
  await mkdir(WORK, { recursive: true });
  demo = await serveDemoServers();
  // The emulator's real route (with its Host, Origin and content-type guard: the snippets must
  // pass it as any script does), behind a recorder of exactly what arrives.
  capture = await serveHandler(async (request) => {
    const text = await request.clone().text();
    captured.push({
      body: JSON.parse(text),
      beta: request.headers.get("anthropic-beta"),
      key: readApiKey(request.headers),
    });
    return emulatorRoute(request);
  });
});
afterAll(async () => {
  await Promise.all([capture.close(), demo.close()]);
  await rm(WORK, { recursive: true, force: true });
});

function demoParams(stream = false) {
  const state = createDefaultState(sequentialIds(), demo.origin);
  state.message =
    'call tasks.list_tasks {}\ncall calendar.search_events {"query": "it\'s $HOME `x` \\\\ review"}';
  state.system = "Quotes \" and 'single' and $dollars stay as they are.";
  state.stream = stream;
  // The streamed variant also carries a conversation, so both reach the wire unchanged.
  if (stream) state.conversation = twoTurnConversation();
  return buildRequest(state);
}

const MCP_ORDER = [
  "text",
  "mcp_tool_use",
  "mcp_tool_result",
  "mcp_tool_use",
  "mcp_tool_result",
  "text",
];

/** The content_block_start types of a printed event stream, in order. */
function startedBlocks(sse: string): string[] {
  return sse
    .split("\n")
    .filter((line) => line.startsWith("data: "))
    .map((line) => JSON.parse(line.slice(6)) as { type: string; content_block?: { type: string } })
    .filter((event) => event.type === "content_block_start")
    .map((event) => event.content_block?.type ?? "");
}

const env = () => ({
  PATH: process.env.PATH ?? "",
  NODE_ENV: "test" as const,
  ANTHROPIC_BASE_URL: `${capture.origin}/api/emulator`,
  ANTHROPIC_API_KEY: "test-key",
  MCP_TOKEN_TASKS: "demo-tasks-token",
});

/** What Send sends: the route hands the params to the SDK unchanged. */
async function sendBody(params: ReturnType<typeof demoParams>) {
  captured.length = 0;
  const client = new Anthropic({
    apiKey: "test-key",
    baseURL: `${capture.origin}/api/emulator`,
    maxRetries: 0,
  });
  if (params.stream) await client.beta.messages.stream(params).finalMessage();
  else await client.beta.messages.create(params as Anthropic.Beta.MessageCreateParamsNonStreaming);
  return captured[0];
}

describe("exported snippets", () => {
  it("name one environment variable per token and never hold a secret", () => {
    const params = demoParams();
    expect(secretVariables(params)).toEqual([
      { serverIndex: 1, serverName: "tasks", env: "MCP_TOKEN_TASKS", field: "authorization_token" },
    ]);
    for (const language of SNIPPET_LANGUAGES) {
      const snippet = generateSnippet(language, params);
      expect(snippet).not.toContain("demo-tasks-token");
      expect(snippet).toContain("MCP_TOKEN_TASKS");
    }
  });

  it.each([false, true])(
    "the curl snippet, run by bash against the emulator, sends the body Send sends (stream: %s)",
    async (stream) => {
      const params = demoParams(stream);
      const expected = await sendBody(params);
      const file = join(WORK, `request-${stream}.sh`);
      await writeFile(file, generateSnippet("curl", params));
      captured.length = 0;
      const { stdout } = await run("bash", [file], { env: env() });
      expect(captured[0]).toEqual(expected);
      if (stream) {
        expect(stdout.startsWith("event: message_start")).toBe(true);
        expect(startedBlocks(stdout)).toEqual(MCP_ORDER);
      } else {
        const message = JSON.parse(stdout) as { content: { type: string }[] };
        expect(message.content.map((block) => block.type)).toEqual(MCP_ORDER);
      }
    },
  );

  it("curl's heredoc is the fixed word JSON, and a message holding that word on its own line is sent whole", async () => {
    const params = { ...demoParams(false), system: "before\nJSON\nafter\nEOF" };
    const snippet = generateSnippet("curl", params);
    expect(snippet).toContain("--data-binary @- <<JSON\n");
    // Only the closing delimiter is the bare word.
    expect(snippet.split("\n").filter((line) => line === "JSON")).toHaveLength(1);
    expect(snippet).toMatch(/\nJSON\n$/);
    expect(snippet).not.toMatch(/MCP_PLAYGROUND_[0-9a-f]/);
    const expected = await sendBody(params);
    const file = join(WORK, "request-heredoc.sh");
    await writeFile(file, snippet);
    captured.length = 0;
    await run("bash", [file], { env: env() });
    expect(captured[0]).toEqual(expected);
  });

  it.each([false, true])(
    "the TypeScript snippet, run with the SDK against the emulator, sends the body Send sends (stream: %s)",
    async (stream) => {
      const params = demoParams(stream);
      const expected = await sendBody(params);
      const file = join(WORK, `request-${stream}.mts`);
      await writeFile(file, generateSnippet("typescript", params));
      captured.length = 0;
      const { stdout } = await run(process.execPath, ["--import", "tsx", file], {
        env: env(),
        cwd: process.cwd(),
      });
      expect(captured[0]).toEqual(expected);
      // The answer walked: each call as server.tool(input), each result, the stop reason.
      expect(stdout).toContain("→ tasks.list_tasks({})");
      expect(stdout).toContain('→ calendar.search_events({"query":');
      expect(stdout.match(/^← /gm)).toHaveLength(2);
      expect(stdout.trimEnd().endsWith("stop_reason: end_turn")).toBe(true);
    },
    30_000,
  );

  it.each([false, true])(
    "the Python snippet compiles, and the call it makes carries the request (stream: %s)",
    async (stream) => {
      const params = demoParams(stream);
      const file = join(WORK, `request-${stream}.py`);
      const snippet = generateSnippet("python", params);
      await writeFile(file, snippet);
      await run("python3", ["-m", "py_compile", file]);
      const call = await pythonCall(file);
      expect(call.function).toBe(`client.beta.messages.${stream ? "stream" : "create"}`);
      const { stream: _stream, ...sent } = params;
      expect(call.keywords).toEqual({
        ...sent,
        mcp_servers: [
          sent.mcp_servers?.[0],
          { ...sent.mcp_servers?.[1], authorization_token: 'os.environ["MCP_TOKEN_TASKS"]' },
        ],
      });
      // The answer is walked: tool calls shown, a failed one loud and the exit status set.
      expect(snippet).toContain('elif block.type == "mcp_tool_use":');
      expect(snippet).toContain("if block.is_error:");
      expect(snippet).toContain("sys.exit(1)");
      expect(snippet).not.toContain("json.loads");
    },
  );

  it("TypeScript snippets are as Prettier prints them and pass the type checker", async () => {
    const files: string[] = [];
    for (const stream of [false, true]) {
      const snippet = generateSnippet("typescript", demoParams(stream));
      expect(await prettier.format(snippet, { parser: "typescript" })).toBe(snippet);
      const file = join(WORK, `typed-${stream}.mts`);
      await writeFile(file, snippet);
      files.push(file);
    }
    await typeCheck(files);
  }, 60_000);
});
