// What each demo server is for, in a line: shown by the "+ Demo server" menu, which loads on
// demand, so these words stay out of the page's first load.
import type { DemoServerKind } from "./servers";

export const DEMO_SERVER_BLURBS: Record<DemoServerKind, string> = {
  calendar: "five tools, two destructive (they only pretend)",
  tasks: "needs a Bearer token (the demo's, filled in); one tool always fails",
  catalog: "500 read-only tools: what defer_loading and tool search save",
  notes: "behind OAuth, with its own authorization server: sign in",
  bulk: "10,000 tools, the API's maximum",
};
