import "server-only";
// tools/list to the last page within the caps (the API's 10,000 tools and 4 MB), as raw entries
// for callers that judge each one, or as the valid tools only.
import { ToolSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { processLimits } from "@/lib/server/settings";
import { withLiveSession, type McpSession } from "./session";
import { McpConnectionError } from "./errors";

export interface ListingLimits {
  maxTools: number;
  maxBytes: number;
}

/**
 * tools/list to the last page, as raw entries (callers judge each one), within the caps: at most
 * `maxTools` entries and `maxBytes` of definitions across all pages.
 */
export async function listToolEntries(
  session: McpSession,
  options: { signal?: AbortSignal; limits?: ListingLimits } = {},
): Promise<unknown[]> {
  const limits = options.limits ?? {
    maxTools: processLimits().maxTools,
    maxBytes: processLimits().maxToolBytes,
  };
  const entries: unknown[] = [];
  let bytes = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = cursor ? { cursor } : {};
    const result = await withLiveSession(session, () =>
      session.client.request({ method: "tools/list", params }, looseListSchema, {
        signal: options.signal,
      }),
    );
    for (const entry of result.tools) {
      bytes += JSON.stringify(entry).length;
      entries.push(entry);
      if (entries.length > limits.maxTools) {
        throw new McpConnectionError(
          "limit",
          `The server lists more than ${limits.maxTools.toLocaleString("en")} tools (PLAYGROUND_MAX_TOOLS; the API's own limit is 10,000).`,
        );
      }
      if (bytes > limits.maxBytes) {
        throw new McpConnectionError(
          "limit",
          `The server's tool definitions exceed ${formatBytes(limits.maxBytes)} (PLAYGROUND_MAX_TOOL_BYTES; the API's own limit is 4 MB).`,
        );
      }
    }
    cursor = result.nextCursor;
    if (!cursor) return entries;
  }
  throw new McpConnectionError("limit", `The tool list has more than ${MAX_PAGES} pages.`);
}

const looseListSchema = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});
const MAX_PAGES = 1000;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** tools/list to the last page within the caps; entries that are not valid tools are skipped. */
export async function listAllTools(
  session: McpSession,
  signal?: AbortSignal,
  limits?: ListingLimits,
): Promise<Tool[]> {
  const entries = await listToolEntries(session, { signal, limits });
  return entries.flatMap((entry) => {
    const parsed = ToolSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
