// The caps on how far one request can fan out, and how often one client may ask: every one is a
// documented setting with a default, and every one is refused with words when exceeded.
export interface PlaygroundLimits {
  /** MCP servers in one request (emulator) — the API documents none; 20 is generous. */
  maxMcpServers: number;
  /** Tools one listing may hold across all its pages (the API's available-tools limit). */
  maxTools: number;
  /** Bytes of tool definitions one listing may hold across all its pages (the API's 4 MB). */
  maxToolBytes: number;
  /** Tool calls the emulator makes in one turn (the API's default iteration limit is 10). */
  maxToolCallsPerTurn: number;
  /** MCP sessions open at once in this process, across all requests. */
  maxMcpConnections: number;
  /** MCP sessions one client may hold open at once: its share of the above (room for one request with the most servers, and a few discoveries). */
  maxMcpConnectionsPerClient: number;
  /** Requests per minute per client to the routes that spend the key or connect out. */
  rateLimitPerMinute: number;
  /** Emulated Messages requests one client may have running at once. */
  maxRunsPerClient: number;
  /** Bytes the emulator's Message Batches and message threads may hold in this instance. */
  emulatorMemoryBytes: number;
  /** Bytes one API key's batches and threads may hold. */
  emulatorMemoryPerClientBytes: number;
}

export const DEFAULT_LIMITS: PlaygroundLimits = {
  maxMcpServers: 20,
  maxTools: 10_000,
  maxToolBytes: 4 * 1024 * 1024,
  maxToolCallsPerTurn: 10,
  maxMcpConnections: 128,
  maxMcpConnectionsPerClient: 24,
  rateLimitPerMinute: 120,
  maxRunsPerClient: 4,
  emulatorMemoryBytes: 64 * 1024 * 1024,
  emulatorMemoryPerClientBytes: 16 * 1024 * 1024,
};

/** Setting names, in the README's table. */
export const LIMIT_SETTINGS: Record<keyof PlaygroundLimits, string> = {
  maxMcpServers: "PLAYGROUND_MAX_MCP_SERVERS",
  maxTools: "PLAYGROUND_MAX_TOOLS",
  maxToolBytes: "PLAYGROUND_MAX_TOOL_BYTES",
  maxToolCallsPerTurn: "PLAYGROUND_MAX_TOOL_CALLS",
  maxMcpConnections: "PLAYGROUND_MAX_MCP_CONNECTIONS",
  maxMcpConnectionsPerClient: "PLAYGROUND_MAX_MCP_CONNECTIONS_PER_CLIENT",
  rateLimitPerMinute: "PLAYGROUND_RATE_LIMIT",
  maxRunsPerClient: "PLAYGROUND_MAX_RUNS_PER_CLIENT",
  emulatorMemoryBytes: "PLAYGROUND_EMULATOR_MEMORY_BYTES",
  emulatorMemoryPerClientBytes: "PLAYGROUND_EMULATOR_MEMORY_PER_CLIENT_BYTES",
};

/** Reads the settings; a missing or malformed value keeps the default (and says so once). */
export function limitsFromEnv(
  env: Record<string, string | undefined>,
  warn: (message: string) => void,
): PlaygroundLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_SETTINGS) as (keyof PlaygroundLimits)[]) {
    const name = LIMIT_SETTINGS[key];
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value > 0) limits[key] = value;
    else warn(`[settings] ${name}=${raw} is not a positive integer; using ${limits[key]}.`);
  }
  return limits;
}
