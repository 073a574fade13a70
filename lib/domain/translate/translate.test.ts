import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importRequest } from "@/lib/domain/import/import-request";
import { createDefaultState } from "@/lib/domain/request/composer";
import type { ComposerState, ServerDraft } from "@/lib/domain/request/types";
import { sequentialIds } from "@/test/support/sequential-ids";
import {
  CLAUDE_CODE,
  CLAUDE_DESKTOP,
  CURSOR,
  OPENAI_REQUEST,
  OPENAI_TOOLS,
  VS_CODE,
  VS_CODE_SETTINGS,
} from "@/test/support/config-fixtures";
import { exportMcpServersConfig, MCP_SERVERS_FLAVOURS } from "./mcp-servers-config";
import { exportOpenAiTools } from "./openai-responses";

const base = () => {
  const state = createDefaultState(sequentialIds());
  state.message = "kept message";
  state.system = "kept system";
  return state;
};

function imported(text: string, current: ComposerState = base()) {
  const result = importRequest(text, sequentialIds(), current);
  if (!result.success) throw new Error(result.error);
  return result.data;
}

const summary = (server: ServerDraft) => ({
  name: server.name,
  url: server.url,
  token: server.authorizationToken,
  stdio: server.stdio,
  default: server.defaultConfig,
  rows: server.configs.map((row) => [row.tool, row.enabled]),
  readOnly: server.readOnlyAllowlist,
});

describe("import: mcpServers configs from desktop clients and editors", () => {
  it("Claude Desktop: a stdio server, kept for the client-side export, the rest of the composer kept", () => {
    const { state, notes } = imported(CLAUDE_DESKTOP);
    expect(state.servers.map(summary)).toEqual([
      expect.objectContaining({
        name: "filesystem",
        url: "",
        stdio: {
          command: "npx",
          args: [
            "-y",
            "@modelcontextprotocol/server-filesystem",
            "/Users/username/Desktop",
            "/Users/username/Downloads",
          ],
          env: [],
        },
      }),
    ]);
    expect(state.message).toBe("kept message");
    expect(state.system).toBe("kept system");
    expect(notes.join("\n")).toMatch(/filesystem: a local \(stdio\) server .* client-side export/);
  });

  it("Cursor: env names without values, a Bearer header as the token, other headers noted", () => {
    const { state, notes } = imported(CURSOR);
    expect(state.servers.map(summary)).toEqual([
      expect.objectContaining({
        name: "server-name",
        stdio: { command: "npx", args: ["-y", "mcp-server"], env: ["API_KEY"] },
      }),
      expect.objectContaining({
        name: "my-api-server",
        url: "https://api.example.com/mcp",
        token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
      }),
    ]);
    // The env value is a secret: it is not kept anywhere.
    expect(JSON.stringify(state)).not.toContain('"value"');
    expect(notes).toContain(
      "my-api-server: header X-Client-ID was left out — the connector sends no custom headers, only authorization_token as a Bearer token.",
    );
    expect(notes.join("\n")).toContain("the names were kept, not the values");
  });

  it("VS Code: servers and inputs, an ${input:…} token as a note naming the prompt, sse and stdio", () => {
    const { state, notes } = imported(VS_CODE);
    expect(state.servers.map((server) => [server.name, server.url, !!server.stdio])).toEqual([
      ["github", "https://api.githubcopilot.com/mcp/", false],
      ["my-api", "https://api.example.com/mcp", false],
      ["legacy-sse", "http://localhost:3000/sse", false],
      ["fetch", "", true],
    ]);
    expect(state.servers[1]!.authorizationToken).toBe("");
    expect(notes).toContain(
      `my-api: the token came from the editor's prompt api-token ("API token"); enter it on the card (it is sent as authorization_token).`,
    );
  });

  it("VS Code settings.json's mcp section", () => {
    const { state } = imported(VS_CODE_SETTINGS);
    expect(state.servers.map(summary)).toEqual([
      expect.objectContaining({
        name: "teradata-http",
        url: "http://127.0.0.1:8001/mcp/",
        token: "JWT_Token",
      }),
    ]);
  });

  it("Claude Code: a ${VAR} token is a reference, not a token", () => {
    const { state, notes } = imported(CLAUDE_CODE);
    expect(state.servers[0]!.authorizationToken).toBe("");
    expect(notes.join("\n")).toContain("the token came from the placeholder ${API_KEY}");
  });

  it("says what is wrong with a config it cannot read, and changes nothing", () => {
    const bad = importRequest('{"mcpServers": {"x": {"args": []}}}', sequentialIds(), base());
    expect(bad).toEqual({
      success: false,
      error: "x: expected a url (remote) or a command (stdio).",
    });
    expect(importRequest('{"mcpServers": {}}', sequentialIds(), base())).toEqual({
      success: false,
      error: "The config names no servers.",
    });
  });
});

describe("import: OpenAI Responses requests and mcp tool lists", () => {
  it("a request: label, url and input carried; model and approval noted", () => {
    const { state, notes } = imported(OPENAI_REQUEST);
    expect(state.servers.map(summary)).toEqual([
      expect.objectContaining({
        name: "openai_docs",
        url: "https://developers.openai.com/mcp",
        default: {},
      }),
    ]);
    expect(state.message).toBe(
      "Search the OpenAI docs for Responses API streaming and return the relevant links.",
    );
    expect(state.model).toBe("claude-opus-4-6");
    expect(state.beta).not.toBe("none");
    expect(notes).toEqual(
      expect.arrayContaining([
        'model "gpt-5" is not a Claude model; the composer\'s claude-opus-4-6 was kept.',
        'openai_docs: require_approval "never" is how the connector works anyway — it calls tools without asking.',
        "openai_docs: server_description has no counterpart and was left out.",
      ]),
    );
  });

  it("a tool list: allowlists, read_only, tokens, placeholders, connectors and other tools", () => {
    const { state, notes } = imported(OPENAI_TOOLS);
    expect(state.servers.map(summary)).toEqual([
      expect.objectContaining({
        name: "dmcp",
        default: { enabled: false },
        rows: [["roll", true]],
      }),
      expect.objectContaining({ name: "stripe", token: "" }),
      expect.objectContaining({
        name: "deepwiki",
        token: "deepwiki-token",
        readOnly: true,
        default: { enabled: false },
      }),
    ]);
    const text = notes.join("\n");
    expect(text).toContain("stripe: the token was the placeholder $STRIPE_OAUTH_ACCESS_TOKEN");
    expect(text).toContain("stripe: require_approval has no counterpart");
    expect(text).toContain("Dropbox: reached through OpenAI's connector connector_dropbox");
    expect(text).toContain("deepwiki: header X-Team was left out");
    expect(text).toContain("deepwiki: allowed_tools read_only");
    expect(text).toContain('tools.4: a "web_search" tool has no counterpart');
    // Secrets from the pasted text stay out of the notes.
    expect(text).not.toContain("deepwiki-token");
  });

  it("an OpenAI curl command", () => {
    const body = OPENAI_REQUEST.replaceAll("'", "'\\''");
    const { state } = imported(
      `curl https://api.openai.com/v1/responses -H "Content-Type: application/json" -d '${body}'`,
    );
    expect(state.servers[0]!.name).toBe("openai_docs");
  });
});

describe("export", () => {
  const composer = () => {
    const state = base();
    state.servers = [
      { ...state.servers[0]!, authorizationToken: "secret-token-1" },
      {
        id: "s",
        name: "fs",
        url: "",
        authorizationToken: "",
        defaultConfig: {},
        configs: [],
        cacheTtl: "none",
        stdio: { command: "npx", args: ["-y", "server"], env: ["ROOT_DIR"] },
      },
    ];
    return state;
  };

  it("mcpServers JSON per client: tokens as references, never the token", () => {
    for (const { value } of MCP_SERVERS_FLAVOURS) {
      const { text, notes } = exportMcpServersConfig(composer(), value);
      expect(text).not.toContain("secret-token-1");
      expect(notes.join("\n")).not.toContain("secret-token-1");
      JSON.parse(text);
    }
    const cursor = JSON.parse(exportMcpServersConfig(composer(), "cursor").text) as {
      mcpServers: Record<string, { headers?: Record<string, string>; env?: object }>;
    };
    const name = composer().servers[0]!.name;
    expect(cursor.mcpServers[name]?.headers).toEqual({
      Authorization: `Bearer \${env:MCP_TOKEN_${name.toUpperCase()}}`,
    });
    expect(cursor.mcpServers.fs?.env).toEqual({ ROOT_DIR: "${env:ROOT_DIR}" });
    const vscode = JSON.parse(exportMcpServersConfig(composer(), "vscode").text) as {
      inputs: { id: string; password: boolean }[];
    };
    expect(vscode.inputs[0]).toMatchObject({ password: true });
    const desktop = exportMcpServersConfig(composer(), "claude-desktop");
    expect(desktop.notes.join("\n")).toContain("Settings → Connectors");
    expect(exportMcpServersConfig(composer(), "claude-code").file).toBe(".mcp.json");
  });

  it("offers no empty config: with nothing a client's file can hold, only the explanation", () => {
    const remoteOnly = composer();
    remoteOnly.servers = remoteOnly.servers.filter((server) => !server.stdio);
    const desktop = exportMcpServersConfig(remoteOnly, "claude-desktop");
    expect(desktop.text).toBe("");
    expect(desktop.file).toBeUndefined();
    expect(desktop.notes[0]).toBe(
      "Nothing to export for this client: none of the servers goes in claude_desktop_config.json.",
    );
    expect(desktop.notes.join("\n")).toContain("Settings → Connectors");
  });

  it("OpenAI tools: allowlist as allowed_tools; a denylist from the discovered tools, or a note", () => {
    const state = composer();
    state.servers[0] = {
      ...state.servers[0]!,
      defaultConfig: {},
      configs: [{ id: "r", tool: "delete_task", enabled: false }],
    };
    const unknown = exportOpenAiTools(state);
    expect(JSON.parse(unknown.text)).toEqual([
      expect.not.objectContaining({ allowed_tools: expect.anything() as unknown }),
    ]);
    expect(unknown.notes.join("\n")).toContain("a denylist (delete_task) has no counterpart");
    expect(unknown.notes.join("\n")).toContain("fs: a stdio server");
    const known = exportOpenAiTools(state, () => ["list_tasks", "delete_task", "add_task"]);
    expect(JSON.parse(known.text)).toEqual([
      expect.objectContaining({ allowed_tools: ["list_tasks", "add_task"] }),
    ]);
    expect(known.text).not.toContain("secret-token-1");
  });
});

// Round trips keep what both formats can say: names, URLs, stdio launches; allowlists and
// read-only filters through OpenAI. Tokens are never exported, so they come back empty.
const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/);
const url = fc
  .tuple(
    fc.constantFrom("https", "http"),
    fc.stringMatching(/^[a-z]{1,10}$/),
    fc.stringMatching(/^[a-z0-9/]{0,12}$/),
  )
  .map(([scheme, host, path]) => `${scheme}://${host}.example/${path}`);
const toolName = fc.stringMatching(/^[a-z][a-z_]{0,11}$/);

const remote = fc.record({
  name,
  url,
  token: fc.option(fc.stringMatching(/^[A-Za-z0-9]{8,20}$/), { nil: "" }),
  allowlist: fc.option(fc.uniqueArray(toolName, { minLength: 1, maxLength: 4 }), { nil: null }),
  readOnly: fc.boolean(),
});
const stdio = fc.record({
  name,
  command: fc.constantFrom("npx", "node", "uvx", "docker"),
  args: fc.array(fc.stringMatching(/^[-a-z0-9@/.]{1,12}$/), { maxLength: 4 }),
  env: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,9}$/), { maxLength: 3 }),
});

type RemoteEntry = {
  name: string;
  url: string;
  token: string;
  allowlist: string[] | null;
  readOnly: boolean;
};
type StdioEntry = { name: string; command: string; args: string[]; env: string[] };

function stateWith(remotes: RemoteEntry[], locals: StdioEntry[] = []): ComposerState {
  const ids = sequentialIds();
  const state = base();
  state.servers = [
    ...remotes.map((entry) => ({
      id: ids(),
      name: entry.name,
      url: entry.url,
      authorizationToken: entry.token,
      defaultConfig: entry.allowlist || entry.readOnly ? { enabled: false } : {},
      configs: (entry.allowlist ?? []).map((tool) => ({ id: ids(), tool, enabled: true })),
      cacheTtl: "none" as const,
      ...(entry.readOnly ? { readOnlyAllowlist: true } : {}),
    })),
    ...locals.map((entry) => ({
      id: ids(),
      name: entry.name,
      url: "",
      authorizationToken: "",
      defaultConfig: {},
      configs: [],
      cacheTtl: "none" as const,
      stdio: { command: entry.command, args: entry.args, env: entry.env },
    })),
  ];
  return state;
}

const uniqueByName = <T extends { name: string }>(items: T[]) =>
  items.filter((item, index) => items.findIndex((other) => other.name === item.name) === index);

describe("round trips (property)", () => {
  it("connector → OpenAI tools → connector keeps servers, allowlists and read_only", () => {
    fc.assert(
      fc.property(fc.array(remote, { minLength: 1, maxLength: 4 }), (entries) => {
        const state = stateWith(uniqueByName(entries));
        const back = imported(exportOpenAiTools(state).text, state).state;
        const expected = state.servers.map((server) => ({
          ...summary(server),
          token: "",
        }));
        expect(back.servers.map(summary)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("connector → mcpServers (every client) → connector keeps names, URLs and stdio launches", () => {
    fc.assert(
      fc.property(
        fc.array(remote, { maxLength: 3 }),
        fc.array(stdio, { maxLength: 3 }),
        fc.constantFrom(...MCP_SERVERS_FLAVOURS.map((flavour) => flavour.value)),
        (remotes, locals, flavour) => {
          const all = uniqueByName<RemoteEntry | StdioEntry>([...remotes, ...locals]);
          const state = stateWith(
            all.filter((entry): entry is RemoteEntry => "url" in entry),
            all.filter((entry): entry is StdioEntry => "command" in entry),
          );
          if (state.servers.length === 0) return;
          const { text } = exportMcpServersConfig(state, flavour);
          const kept = state.servers.filter(
            (server) => flavour !== "claude-desktop" || server.stdio,
          );
          if (kept.length === 0) return;
          const back = imported(text, state).state;
          const launch = (server: ServerDraft) => ({
            name: server.name,
            url: server.url,
            stdio: server.stdio,
            token: "",
          });
          expect(
            back.servers.map((server) => ({ ...launch(server), token: server.authorizationToken })),
          ).toEqual(kept.map(launch));
        },
      ),
      { numRuns: 200 },
    );
  });
});
