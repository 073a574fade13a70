import "server-only";
// The demo MCP servers the app serves itself (Streamable HTTP, stateless), so the whole loop works
// offline: a calendar whose destructive tools only pretend, and a token-protected task list with a
// tool that always fails (to show `is_error`).
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { BODY_LIMITS, withBoundedBody } from "@/lib/server/http/read-body";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { DEMO_SERVER_KINDS, type DemoServerKind } from "@/lib/domain/demo/servers";

/** The same kinds the composer's "+ Demo server" menu offers. */
export const DEMO_SERVERS = DEMO_SERVER_KINDS;
export type DemoServerName = DemoServerKind;

import { handleNotesRequest } from "./notes-server";
import { DEMO_TASKS_TOKEN } from "@/lib/domain/demo/token";

export { DEMO_TASKS_TOKEN };

const EVENTS = [
  {
    id: "evt_1",
    title: "Team stand-up",
    start: "2026-11-23T09:30",
    end: "2026-11-23T09:45",
    location: "Room 2",
  },
  {
    id: "evt_2",
    title: "Design review: MCP playground",
    start: "2026-11-24T14:00",
    end: "2026-11-24T15:00",
    location: "Video call",
  },
  {
    id: "evt_3",
    title: "Lunch with Ada",
    start: "2026-11-25T12:30",
    end: "2026-11-25T13:30",
    location: "Cafe Lumen",
  },
  {
    id: "evt_4",
    title: "Quarterly planning",
    start: "2026-11-26T10:00",
    end: "2026-11-26T12:00",
    location: "Board room",
  },
  {
    id: "evt_5",
    title: "Dentist",
    start: "2026-11-27T16:00",
    end: "2026-11-27T16:30",
    location: "Dr. Moss",
  },
];

const TASKS = [
  { id: "task_1", title: "Review the toolset allowlist", done: false },
  { id: "task_2", title: "Rotate the MCP server token", done: false },
  { id: "task_3", title: "Write the release notes", done: true },
];

const text = (value: string): CallToolResult => ({ content: [{ type: "text", text: value }] });
const failure = (value: string): CallToolResult => ({
  content: [{ type: "text", text: value }],
  isError: true,
});
const formatEvent = (event: (typeof EVENTS)[number]) =>
  `${event.start.replace("T", " ")}–${event.end.slice(11)}  ${event.title} (${event.location}) [${event.id}]`;

function buildCalendarServer(): McpServer {
  const server = new McpServer({ name: "demo-calendar", version: "1.0.0" });
  server.registerTool(
    "list_events",
    {
      title: "List events",
      description: "List the calendar's events between two dates (inclusive).",
      inputSchema: {
        from: z.string().default("2026-11-23").describe("First day, YYYY-MM-DD"),
        to: z.string().default("2026-11-29").describe("Last day, YYYY-MM-DD"),
      },
      annotations: { readOnlyHint: true },
    },
    ({ from, to }) => {
      const found = EVENTS.filter(
        (event) => event.start.slice(0, 10) >= from && event.start.slice(0, 10) <= to,
      );
      return text(
        found.length ? found.map(formatEvent).join("\n") : `No events between ${from} and ${to}.`,
      );
    },
  );
  server.registerTool(
    "search_events",
    {
      title: "Search events",
      description: "Find events whose title or location contains the query (case-insensitive).",
      inputSchema: { query: z.string().describe("Words to look for, e.g. 'review'") },
      annotations: { readOnlyHint: true },
    },
    ({ query }) => {
      const needle = query.toLowerCase();
      const found = EVENTS.filter((event) =>
        `${event.title} ${event.location}`.toLowerCase().includes(needle),
      );
      return text(
        found.length ? found.map(formatEvent).join("\n") : `No event matches '${query}'.`,
      );
    },
  );
  server.registerTool(
    "create_event",
    {
      title: "Create event",
      description: "Create an event. (Demo: nothing is stored.)",
      // Every kind of field a form must handle: bounds, an enum, an array, a nested object and a
      // nullable one (the Try dialog is tested on it).
      inputSchema: {
        title: z.string().describe("What the event is"),
        start: z.string().describe("Start, YYYY-MM-DDTHH:MM"),
        duration_minutes: z.number().int().positive().max(1440).default(30),
        visibility: z.enum(["private", "team", "public"]).default("team"),
        attendees: z.array(z.string()).max(20).optional().describe("E-mail addresses"),
        reminder: z
          .object({
            minutes_before: z.number().int().min(0).max(10080).describe("How long before"),
            method: z.enum(["popup", "email"]).default("popup"),
          })
          .optional(),
        location: z.string().nullable().optional().describe("Where; null for none"),
      },
    },
    ({ title, start, duration_minutes, visibility, attendees, reminder }) =>
      text(
        `Created '${title || "Untitled"}' at ${start || "(no time)"} for ${duration_minutes} minutes, ${visibility}${attendees?.length ? `, with ${attendees.join(", ")}` : ""}${reminder ? `, reminder ${reminder.minutes_before} min before by ${reminder.method}` : ""} (demo: not stored).`,
      ),
  );
  server.registerTool(
    "delete_all_events",
    {
      title: "Delete all events",
      description: "Delete every event in the calendar. Irreversible. (Demo: only pretends.)",
      inputSchema: { confirm: z.boolean().default(false).describe("Must be true to delete") },
      annotations: { destructiveHint: true },
    },
    ({ confirm }) =>
      confirm
        ? text(`Deleted all ${EVENTS.length} events (demo: nothing was deleted).`)
        : failure("Refused: pass confirm: true to delete every event."),
  );
  server.registerTool(
    "share_calendar_publicly",
    {
      title: "Share calendar publicly",
      description:
        "Publish the whole calendar at a public link anyone can read. (Demo: only pretends.)",
      inputSchema: {},
      annotations: { destructiveHint: true, openWorldHint: true },
    },
    () =>
      text(
        "The calendar is now public at https://calendar.example.com/public/demo (demo: nothing was shared).",
      ),
  );
  return server;
}

function buildTasksServer(): McpServer {
  const server = new McpServer({ name: "demo-tasks", version: "1.0.0" });
  server.registerTool(
    "list_tasks",
    {
      title: "List tasks",
      description: "List the open tasks, or all tasks with include_done.",
      inputSchema: { include_done: z.boolean().default(false) },
      annotations: { readOnlyHint: true },
    },
    ({ include_done }) =>
      text(
        TASKS.filter((task) => include_done || !task.done)
          .map((task) => `[${task.done ? "x" : " "}] ${task.title} (${task.id})`)
          .join("\n"),
      ),
  );
  server.registerTool(
    "complete_task",
    {
      title: "Complete task",
      description: "Mark a task as done by its id.",
      inputSchema: { id: z.string().describe("A task id such as task_1") },
    },
    ({ id }) => {
      const task = TASKS.find((candidate) => candidate.id === id);
      return task
        ? text(`Marked '${task.title}' as done (demo: not stored).`)
        : failure(`No task with id '${id}'.`);
    },
  );
  server.registerTool(
    "sync_tasks",
    {
      title: "Sync tasks",
      description: "Sync tasks with the cloud. Always fails in the demo, to show a tool error.",
      inputSchema: {},
    },
    () => failure("Sync failed: the demo has no cloud to sync with (HTTP 503 from upstream)."),
  );
  return server;
}

const CATALOG_AREAS = [
  "billing",
  "crm",
  "docs",
  "hr",
  "inventory",
  "marketing",
  "ops",
  "sales",
  "support",
  "wiki",
];
const CATALOG_VERBS = ["get", "list", "search", "count", "export"];
const CATALOG_SIZE = 500;

/** A long-tail server (500 read-only tools) to see what defer_loading and tool search save. */
let catalogList: Tool[] | undefined;

/**
 * The catalog's 500 tools, built once: the listing the SDK's McpServer gave for the same tools (its
 * JSON Schema included), without converting 500 zod schemas on every request.
 */
export function catalogTools(): Tool[] {
  catalogList ??= Array.from({ length: CATALOG_SIZE }, (_, i) => {
    const area = CATALOG_AREAS[i % CATALOG_AREAS.length] ?? "misc";
    const verb =
      CATALOG_VERBS[Math.floor(i / CATALOG_AREAS.length) % CATALOG_VERBS.length] ?? "get";
    return {
      name: `${area}_${verb}_${String(i).padStart(3, "0")}`,
      description: `${verb} ${area} records, variant ${i}. A demo tool: it echoes its query.`,
      inputSchema: {
        type: "object",
        properties: { query: { default: "", description: "What to look for", type: "string" } },
        $schema: "http://json-schema.org/draft-07/schema#",
      },
      annotations: { readOnlyHint: true },
      execution: { taskSupport: "forbidden" },
    };
  });
  return catalogList;
}

/** The long-tail catalog: 500 read-only tools that echo their query. */
function buildCatalogServer(): Server {
  const server = new Server(
    { name: "demo-catalog", version: "1.0.0" },
    { capabilities: { tools: {} } },
  );
  const tools = catalogTools();
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const name = request.params.name;
    if (!tools.some((tool) => tool.name === name))
      return { ...text(`No tool named ${name}.`), isError: true };
    const [area = "misc"] = name.split("_");
    const query = request.params.arguments?.query;
    return text(
      `${name}: no ${area} records match '${typeof query === "string" ? query : ""}' (demo).`,
    );
  });
  return server;
}

/** The bulk server's size unless `?tools=N` asks for another (1 to 10,000: the API's limit). */
export const BULK_DEFAULT_TOOLS = 10_000;
const BULK_MAX_TOOLS = 10_000;
const bulkLists = new Map<number, Tool[]>();

/** The bulk server's tools: the same list for the same size, built once. */
export function bulkTools(count: number): Tool[] {
  let tools = bulkLists.get(count);
  if (!tools) {
    tools = Array.from({ length: count }, (_, i) => {
      const area = CATALOG_AREAS[i % CATALOG_AREAS.length] ?? "misc";
      const verb = CATALOG_VERBS[Math.floor(i / CATALOG_AREAS.length) % CATALOG_VERBS.length]!;
      // Every 97th tool deletes: big servers hide destructive tools too.
      const destructive = i % 97 === 96;
      return {
        name: `${area}_${destructive ? "delete" : verb}_${String(i).padStart(5, "0")}`,
        description: `${destructive ? "delete" : verb} ${area} records, shard ${i % 50}.`,
        inputSchema: { type: "object", properties: { query: { type: "string" } } },
        annotations: destructive ? { destructiveHint: true } : { readOnlyHint: true },
      };
    });
    bulkLists.set(count, tools);
  }
  return tools;
}

function bulkSize(request: Request): number {
  const asked = Number(new URL(request.url).searchParams.get("tools") ?? BULK_DEFAULT_TOOLS);
  return Number.isInteger(asked)
    ? Math.min(Math.max(asked, 1), BULK_MAX_TOOLS)
    : BULK_DEFAULT_TOOLS;
}

/**
 * A server with as many tools as the API allows (10,000 by default, `?tools=N` for fewer), to
 * see the playground at scale. Its list is generated, so it uses the SDK's low-level server.
 */
function buildBulkServer(count: number): Server {
  const server = new Server(
    { name: "demo-bulk", version: "1.0.0" },
    { capabilities: { tools: {} } },
  );
  const tools = bulkTools(count);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    tools.some((tool) => tool.name === request.params.name)
      ? text(`${request.params.name}: nothing matches (demo).`)
      : { ...text(`No tool named ${request.params.name}.`), isError: true },
  );
  return server;
}

const BUILDERS: Record<Exclude<DemoServerName, "notes" | "bulk">, () => McpServer | Server> = {
  calendar: buildCalendarServer,
  tasks: buildTasksServer,
  catalog: buildCatalogServer,
};

export function isDemoServerName(name: string): name is DemoServerName {
  return (DEMO_SERVERS as readonly string[]).includes(name);
}

/** Handles one HTTP request to a demo server; stateless, so a new server per request. */
export async function handleDemoMcpRequest(
  name: DemoServerName,
  received: Request,
): Promise<Response> {
  // The SDK's transport reads the body itself: it gets one already read, within the limit.
  const request = await withBoundedBody(received, BODY_LIMITS.demoMcp);
  if (!request)
    return Response.json(
      {
        jsonrpc: "2.0",
        error: { code: -32600, message: `The request body is over ${BODY_LIMITS.demoMcp} bytes.` },
        id: null,
      },
      { status: 413 },
    );
  // The OAuth-protected one has its own checks (lib/server/demo-mcp/notes-server.ts).
  if (name === "notes") return handleNotesRequest(request);
  if (name === "tasks" && request.headers.get("authorization") !== `Bearer ${DEMO_TASKS_TOKEN}`) {
    return Response.json(
      {
        jsonrpc: "2.0",
        error: { code: -32001, message: "Unauthorized: send Authorization: Bearer <token>" },
        id: null,
      },
      {
        status: 401,
        headers: { "WWW-Authenticate": 'Bearer realm="demo-tasks", error="invalid_token"' },
      },
    );
  }
  if (request.method !== "POST") {
    // Stateless: no standalone SSE stream and no session to delete.
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed." }, id: null },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  const server = name === "bulk" ? buildBulkServer(bulkSize(request)) : BUILDERS[name]();
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
