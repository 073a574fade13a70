// The app's own demo MCP servers (app/api/demo-mcp/[server]): what "+ Demo server" adds.
import { DEMO_TASKS_TOKEN } from "./token";

export const DEMO_SERVERS = {
  calendar: { blurb: "five tools, two destructive (they only pretend)" },
  tasks: { blurb: "needs a Bearer token (the demo's, filled in); one tool always fails" },
  catalog: { blurb: "500 read-only tools: what defer_loading and tool search save" },
  notes: { blurb: "behind OAuth, with its own authorization server: sign in" },
  bulk: { blurb: "10,000 tools, the API's maximum" },
} as const;

export type DemoServerKind = keyof typeof DEMO_SERVERS;

/** The card a demo server gets: its name (unique), its URL on this origin, its demo token. */
export function demoServerFields(kind: DemoServerKind, origin: string) {
  return {
    name: kind,
    url: `${origin}/api/demo-mcp/${kind}`,
    authorizationToken: kind === "tasks" ? DEMO_TASKS_TOKEN : "",
  };
}
