import "server-only";
// Tool discovery: connect, initialize, list every tool (all pages), close. Lenient: a malformed
// tool entry is reported with its index and reason, and the valid ones are kept.
import { toolNameProblem } from "@/lib/domain/request/tool-names";
import { ToolSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";
import {
  connectMcp,
  listToolEntries,
  type ListingLimits,
  McpConnectionError,
  type AuthChallenge,
  type McpConnectOptions,
  type McpFailureKind,
  type McpTransportKind,
} from "./client";

export interface DiscoveredTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Tool["inputSchema"];
  outputSchema?: Tool["outputSchema"];
  annotations?: Tool["annotations"];
  /** How the tool takes MCP tasks (`taskSupport`): kept, since "required" means the connector cannot call it. */
  execution?: Tool["execution"];
}

export interface Discovery {
  tools: DiscoveredTool[];
  /** Entries left out (not tools), and tools kept whose name breaks the rule (`kept`). */
  malformed: { index: number; reason: string; kept?: true }[];
  server: { name: string; version: string } | null;
  transport: McpTransportKind;
  durationMs: number;
}

export type DiscoveryResult =
  | { ok: true; discovery: Discovery }
  | { ok: false; kind: McpFailureKind; message: string; challenge?: AuthChallenge };

export interface DiscoverOptions {
  authorizationToken?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Caps on the listing; the process's settings by default. */
  limits?: ListingLimits;
  /** Whose connection it is, for the pool's per-client share (see connectMcp). */
  pool?: McpConnectOptions["pool"];
}

export async function discoverTools(
  url: string,
  options: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  let session;
  try {
    session = await connectMcp(url, {
      authorizationToken: options.authorizationToken,
      connectTimeoutMs: timeoutMs,
      fetch: options.fetch,
      signal: options.signal,
      pool: options.pool,
    });
  } catch (error) {
    const failure =
      error instanceof McpConnectionError
        ? error
        : new McpConnectionError("protocol", String(error));
    return {
      ok: false,
      kind: failure.kind,
      message: failure.message,
      ...(failure.challenge ? { challenge: failure.challenge } : {}),
    };
  }
  try {
    // Connecting and listing share one budget.
    const deadline = AbortSignal.timeout(
      Math.max(1, Math.round(timeoutMs - (performance.now() - started))),
    );
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const entries = await listToolEntries(session, { signal, limits: options.limits });
    const tools: DiscoveredTool[] = [];
    const malformed: Discovery["malformed"] = [];
    entries.forEach((raw, index) => {
      const parsed = ToolSchema.safeParse(raw);
      if (parsed.success) {
        const { name, title, description, inputSchema, outputSchema, annotations, execution } =
          parsed.data;
        tools.push({
          name,
          title,
          description,
          inputSchema,
          outputSchema,
          annotations,
          ...(execution ? { execution } : {}),
        });
        // Kept (the API may offer it to the model), but said: a look-alike dodges a denylist.
        const problem = toolNameProblem(name);
        if (problem) malformed.push({ index, reason: problem, kept: true });
      } else {
        malformed.push({
          index,
          reason: parsed.error.issues
            .map((issue) => `${issue.path.join(".") || "tool"}: ${issue.message}`)
            .join("; "),
        });
      }
    });
    return {
      ok: true,
      discovery: {
        tools,
        malformed,
        server: session.serverInfo
          ? { name: session.serverInfo.name, version: session.serverInfo.version }
          : null,
        transport: session.transport,
        durationMs: performance.now() - started,
      },
    };
  } catch (error) {
    if (error instanceof McpConnectionError)
      return { ok: false, kind: error.kind, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    if (/timed? ?out|abort/i.test(message))
      return { ok: false, kind: "timeout", message: `No tool list within ${timeoutMs / 1000} s.` };
    return {
      ok: false,
      kind: "protocol",
      message: `The server's tools/list answer could not be read: ${message}`,
    };
  } finally {
    await session.close();
  }
}
