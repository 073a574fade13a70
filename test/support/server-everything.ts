// Test support: the real third-party MCP server @modelcontextprotocol/server-everything
// (Streamable HTTP at /mcp, or SSE at /sse). Its get-env tool hands out its environment, so it
// gets a minimal one.
import { resolveBin, startMcpProcess, type RunningServer } from "./mcp-process";

export type { RunningServer };

export function startServerEverything(
  transport: "streamableHttp" | "sse" = "streamableHttp",
): Promise<RunningServer> {
  return startMcpProcess({
    args: [resolveBin("@modelcontextprotocol/server-everything/dist/index.js"), transport],
    path: transport === "sse" ? "/sse" : "/mcp",
    ready: /(listening|running) on port/i,
  });
}

/** A stateless Streamable HTTP server: @modelcontextprotocol/server-system-monitor. */
export function startSystemMonitor(): Promise<RunningServer> {
  return startMcpProcess({
    args: [resolveBin("@modelcontextprotocol/server-system-monitor/dist/index.js")],
    path: "/mcp",
    ready: /listening on/i,
  });
}

/** A stdio server (server-memory) bridged to Streamable HTTP by supergateway. */
export function startBridgedMemory(): Promise<RunningServer> {
  const memory = resolveBin("@modelcontextprotocol/server-memory/dist/index.js");
  return startMcpProcess({
    args: [
      resolveBin("supergateway/dist/index.js"),
      "--stdio",
      `${process.execPath} ${memory}`,
      "--outputTransport",
      "streamableHttp",
      "--stateful",
      "--port",
      "{port}",
    ],
    path: "/mcp",
    ready: /listening on port|Listening on port|streamableHttpPath/i,
    env: { MEMORY_FILE_PATH: "/tmp/mcp-playground-test-memory.jsonl" },
  });
}
