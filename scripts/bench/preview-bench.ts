// merge + validate + build for 50 servers × 200 tools (10,000 tools), as the preview runs them on
// every edit. Target: median under 5 ms.
import { derivePreview } from "../../lib/domain/request/preview";
import { validateRequest } from "../../lib/domain/toolset/validate";
import type { ToolInfo } from "../../lib/domain/request/types";
import type { ComposerState, ServerDraft } from "../../lib/domain/request/types";
import { bulkTools } from "../../lib/server/demo-mcp/servers";
import { measure, type BenchResult } from "./measure";

const SERVERS = 50;
const TOOLS_PER_SERVER = 200;

export function bigComposerState(): {
  state: ComposerState;
  discoveredTools: Record<string, ToolInfo[]>;
} {
  const discoveredTools: Record<string, ToolInfo[]> = {};
  const servers: ServerDraft[] = Array.from({ length: SERVERS }, (_, s) => {
    const name = `server-${s}`;
    const tools = Array.from({ length: TOOLS_PER_SERVER }, (_, t) => `tool_${s}_${t}`);
    discoveredTools[`s${s}`] = tools.map((tool, t) => ({
      name: tool,
      description: `Tool ${t} of ${name}`,
      inputSchema: { type: "object", properties: { q: { type: "string" } } },
      destructive: t % 50 === 0,
      readOnly: t % 2 === 0,
    }));
    return {
      id: `s${s}`,
      name,
      url: `https://${name}.example.com/mcp`,
      authorizationToken: s % 2 ? "token" : "",
      defaultConfig: s % 3 === 0 ? { enabled: false } : { deferLoading: true },
      // Every fifth tool has its own setting: 40 rows a server, 2,000 in all.
      configs: tools
        .filter((_, t) => t % 5 === 0)
        .map((tool, r) => ({
          id: `s${s}r${r}`,
          tool,
          enabled: r % 2 === 0,
          deferLoading: r % 3 === 0 ? false : undefined,
        })),
      cacheTtl: s < 4 ? "5m" : "none",
    };
  });
  const state: ComposerState = {
    model: "claude-opus-4-6",
    maxTokens: 1024,
    system: "You are a helpful assistant.",
    conversation: [],
    message: "What is on my calendar?",
    stream: true,
    beta: "mcp-client-2025-11-20",
    toolSearch: "regex",
    servers,
  };
  return { state, discoveredTools };
}

export function benchPreview(): BenchResult {
  const { state, discoveredTools } = bigComposerState();
  return measure("preview: merge + validate + build, 50 servers × 200 tools", () => {
    const preview = derivePreview(state, { discoveredTools, validate: validateRequest });
    if (preview.servers.length !== SERVERS) throw new Error("unexpected preview");
  });
}

/** One server with the API's maximum of 10,000 tools, discovered, most deferred behind search. */
export function bulkServerState(): {
  state: ComposerState;
  discoveredTools: Record<string, ToolInfo[]>;
} {
  const tools: ToolInfo[] = bulkTools(10_000).map((tool) => ({
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
    destructive: tool.annotations?.destructiveHint === true,
    readOnly: tool.annotations?.readOnlyHint === true,
  }));
  const { state } = bigComposerState();
  return {
    state: {
      ...state,
      servers: [
        {
          id: "bulk",
          name: "bulk",
          url: "https://bulk.example.com/mcp",
          authorizationToken: "",
          defaultConfig: { deferLoading: true },
          configs: tools
            .filter((tool) => tool.destructive)
            .map((tool, r) => ({ id: `r${r}`, tool: tool.name, enabled: false })),
          cacheTtl: "none",
        },
      ],
    },
    discoveredTools: { bulk: tools },
  };
}

export function benchBulkPreview(): BenchResult {
  const { state, discoveredTools } = bulkServerState();
  return measure("preview: merge + validate + build, 1 server × 10,000 discovered tools", () => {
    const preview = derivePreview(state, { discoveredTools, validate: validateRequest });
    if (preview.servers[0]?.merge.tools.length !== 10_000) throw new Error("unexpected preview");
  });
}
