// The app's own demo MCP servers (app/api/demo-mcp/[server]): what "+ Demo server" adds.
import { DEMO_TASKS_TOKEN } from "./token";

/** The demo servers' kinds (their one-line descriptions are in ./blurbs.ts, loaded with the menu). */
export const DEMO_SERVER_KINDS = ["calendar", "tasks", "catalog", "notes", "bulk"] as const;

export type DemoServerKind = (typeof DEMO_SERVER_KINDS)[number];

/** The card a demo server gets: its name (unique), its URL on this origin, its demo token. */
export function demoServerFields(kind: DemoServerKind, origin: string) {
  return {
    name: kind,
    url: `${origin}/api/demo-mcp/${kind}`,
    authorizationToken: kind === "tasks" ? DEMO_TASKS_TOKEN : "",
  };
}
