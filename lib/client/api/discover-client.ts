// The browser's side of tool discovery: POST /api/mcp/tools, and read the answer with zod.
import { z } from "zod";
import { mayReturnImages } from "@/lib/domain/request/image-tools";
import type { ToolAnnotations, ToolInfo } from "@/lib/domain/request/types";
import { protocolLogSchema, type ProtocolEntry } from "@/lib/domain/protocol/log";
import { readRouteError, unreachableError } from "./route-error";

export const DISCOVER_PATH = "/api/mcp/tools";

const discoverySchema = z.object({
  tools: z.array(
    z.looseObject({
      name: z.string(),
      title: z.string().optional(),
      description: z.string().optional(),
      inputSchema: z.unknown().optional(),
      outputSchema: z.unknown().optional(),
      annotations: z
        .looseObject({
          title: z.string().optional().catch(undefined),
          destructiveHint: z.boolean().optional(),
          readOnlyHint: z.boolean().optional(),
          idempotentHint: z.boolean().optional().catch(undefined),
          openWorldHint: z.boolean().optional().catch(undefined),
        })
        .optional(),
      execution: z
        .looseObject({ taskSupport: z.enum(["forbidden", "optional", "required"]).optional() })
        .optional()
        .catch(undefined),
    }),
  ),
  malformed: z.array(
    z.object({ index: z.number(), reason: z.string().max(2000), kept: z.literal(true).optional() }),
  ),
  server: z.object({ name: z.string(), version: z.string() }).nullable(),
  transport: z.enum(["streamable-http", "sse"]),
  durationMs: z.number(),
  // The protocol log is a help, not the answer: one that does not read is left out.
  log: protocolLogSchema.optional().catch(undefined),
});
const challengeSchema = z.object({
  scope: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  resourceMetadataUrl: z.string().max(4000).optional(),
});
export type DiscoveryChallenge = z.infer<typeof challengeSchema>;

export interface DiscoveredServer {
  tools: ToolInfo[];
  /** Entries left out, and tools kept whose name breaks the rule (`kept`). */
  malformed: { index: number; reason: string; kept?: true }[];
  server: { name: string; version: string } | null;
  transport: "streamable-http" | "sse";
  /** The server's own name (serverInfo) as a server name may be written: a card left unnamed takes it. */
  suggestedName?: string;
  /** What the discovery exchanged with the server, secrets masked. */
  log?: ProtocolEntry[];
}

export type DiscoverOutcome =
  | { ok: true; result: DiscoveredServer }
  | {
      ok: false;
      kind: string;
      message: string;
      challenge?: DiscoveryChallenge;
      log?: ProtocolEntry[];
    };

export async function requestDiscovery(
  url: string,
  authorizationToken: string,
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<DiscoverOutcome> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(DISCOVER_PATH, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        authorizationToken ? { url, authorization_token: authorizationToken } : { url },
      ),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted)
      return { ok: false, kind: "cancelled", message: "Discovery was cancelled." };
    const failure = unreachableError(error, false);
    return { ok: false, kind: failure.kind ?? "network", message: failure.message };
  }
  if (!response.ok) {
    const failure = await readRouteError(response);
    const challenge = challengeSchema.safeParse(failure.fields.challenge);
    const log = protocolLogSchema.safeParse(failure.fields.log);
    return {
      ok: false,
      kind: failure.kind ?? "http",
      message: failure.message,
      ...(challenge.success && failure.fields.challenge ? { challenge: challenge.data } : {}),
      ...(log.success && failure.fields.log ? { log: log.data } : {}),
    };
  }
  const json: unknown = await response.json().catch(() => null);
  const parsed = discoverySchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, kind: "invalid", message: "The discovery answer could not be read." };
  const { tools, malformed, server, transport, log } = parsed.data;
  const suggestedName = server ? serverNameOf(server.name) : "";
  return {
    ok: true,
    result: {
      tools: tools.map((tool) => ({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        destructive: tool.annotations?.destructiveHint === true,
        readOnly: tool.annotations?.readOnlyHint === true,
        mayReturnImages: mayReturnImages(tool),
        ...(tool.execution?.taskSupport === "required" ? { needsTasks: true } : {}),
        ...(tool.annotations ? { annotations: knownAnnotations(tool.annotations) } : {}),
        ...(tool.outputSchema === undefined ? {} : { outputSchema: tool.outputSchema }),
      })),
      malformed,
      server,
      transport,
      ...(suggestedName ? { suggestedName } : {}),
      ...(log ? { log } : {}),
    },
  };
}

/** Only the hints the MCP specification names (a server's extra keys are not shown as hints). */
function knownAnnotations(annotations: ToolAnnotations): ToolAnnotations {
  const { title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint } = annotations;
  return Object.fromEntries(
    Object.entries({ title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint }).filter(
      ([, value]) => value !== undefined,
    ),
  );
}

/** "@acme/Weather Server" → "acme-Weather-Server": only the characters a server name may hold. */
export function serverNameOf(serverInfoName: string): string {
  return serverInfoName
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}
