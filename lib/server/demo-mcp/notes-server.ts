import "server-only";
// The OAuth-protected demo MCP server: its tokens come from the app's own demo authorization
// server (lib/demo-oauth). No token or a bad one gets a 401 whose WWW-Authenticate points at the
// protected-resource metadata (RFC 9728); writing without `notes:write` gets a 403
// insufficient_scope naming the larger scope (step-up).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { z } from "zod";
import {
  checkAccessToken,
  demoResourceMetadataUrl,
} from "@/lib/server/demo-oauth/authorization-server";
import { requestOrigin } from "@/lib/server/http/site-settings";

const NOTES = [
  "Rotate the MCP server token before Friday.",
  "The connector wants https:// for real servers.",
  "Deferred tools need a tool search tool.",
];

function buildNotesServer(scopes: readonly string[]): McpServer {
  const server = new McpServer({ name: "demo-notes", version: "1.0.0" });
  server.registerTool(
    "list_notes",
    {
      title: "List notes",
      description: "List the notes (needs the notes:read scope).",
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    () => ({
      content: [
        {
          type: "text",
          text: `${NOTES.map((note, index) => `${index + 1}. ${note}`).join("\n")}\n(scopes: ${scopes.join(" ")})`,
        },
      ],
    }),
  );
  server.registerTool(
    "add_note",
    {
      title: "Add note",
      description: "Add a note (needs the notes:write scope). Demo: nothing is stored.",
      inputSchema: { text: z.string().default("A new note").describe("The note") },
    },
    ({ text }) => ({ content: [{ type: "text", text: `Added '${text}' (demo: not stored).` }] }),
  );
  return server;
}

function challenge(origin: string, fields: Record<string, string>): string {
  const all = { resource_metadata: demoResourceMetadataUrl(origin), ...fields };
  return `Bearer ${Object.entries(all)
    .map(([key, value]) => `${key}="${value.replace(/["\\]/g, "")}"`)
    .join(", ")}`;
}

/** Whether a JSON-RPC body calls a tool that needs `notes:write`. */
async function wantsWrite(request: Request): Promise<boolean> {
  if (request.method !== "POST") return false;
  const body: unknown = await request
    .clone()
    .json()
    .catch(() => null);
  const messages = Array.isArray(body) ? body : [body];
  return messages.some(
    (message) =>
      typeof message === "object" &&
      message !== null &&
      (message as { method?: unknown }).method === "tools/call" &&
      (message as { params?: { name?: unknown } }).params?.name === "add_note",
  );
}

export async function handleNotesRequest(request: Request, nowMs = Date.now()): Promise<Response> {
  const origin = requestOrigin(request);
  const check = await checkAccessToken(request.headers.get("authorization"), origin, nowMs);
  if (!check.ok) {
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32001, message: check.description }, id: null },
      {
        status: 401,
        headers: {
          "WWW-Authenticate": challenge(origin, {
            scope: "notes:read",
            ...(check.error ? { error: check.error, error_description: check.description } : {}),
          }),
        },
      },
    );
  }
  if (!check.scopes.includes("notes:write") && (await wantsWrite(request))) {
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32001, message: "add_note needs notes:write." }, id: null },
      {
        status: 403,
        headers: {
          "WWW-Authenticate": challenge(origin, {
            error: "insufficient_scope",
            scope: "notes:read notes:write",
            error_description: "add_note needs the notes:write scope",
          }),
        },
      },
    );
  }
  if (request.method !== "POST") {
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed." }, id: null },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  const server = buildNotesServer(check.scopes);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    void server.close();
  }
}
