// Problems that exist only in the composer, before the request is built: a per-tool row without a
// name is dropped by buildRequest, and two rows for one tool collapse into one `configs` key.
import type { Problem } from "@/lib/domain/toolset/validate";
import { configRowFieldId, serverFieldId } from "./field-ids";
import type { ComposerState } from "./types";

export interface DraftProblem extends Omit<Problem, "code"> {
  code: "config_row_blank" | "config_row_duplicate" | "stdio_client_side" | "read_only_pending";
  /** The composer field to focus. */
  fieldId: string;
}

export function findDraftProblems(state: ComposerState): DraftProblem[] {
  const problems: DraftProblem[] = [];
  state.servers.forEach((server, serverIndex) => {
    if (server.stdio) {
      const label = server.name || `server ${serverIndex + 1}`;
      problems.push({
        severity: "error",
        code: "stdio_client_side",
        path: `${label} › stdio`,
        message: `'${label}' runs over stdio on your machine: not reachable by the connector, so the connector request leaves it out. Run it client-side: Get code → TypeScript · client-side MCP.`,
        fieldId: serverFieldId(server.id, "card"),
      });
    }
    if (server.readOnlyAllowlist) {
      const label = server.name || `server ${serverIndex + 1}`;
      problems.push({
        severity: "warning",
        code: "read_only_pending",
        path: `${label} › allowlist`,
        message: `'${label}' should allow its read-only tools (imported from OpenAI's read_only filter): they become its allowlist once its tools are discovered.`,
        fieldId: serverFieldId(server.id, "card"),
      });
    }
    const seen = new Set<string>();
    for (const row of server.configs) {
      const name = row.tool.trim();
      const fieldId = configRowFieldId(server.id, row.id);
      const label = server.name || `server ${serverIndex + 1}`;
      if (name === "") {
        problems.push({
          severity: "warning",
          code: "config_row_blank",
          path: `${label} › per-tool settings`,
          message: `A per-tool row of '${label}' has no tool name, so it is left out of the request. Name the tool or remove the row.`,
          fieldId,
        });
      } else if (seen.has(name)) {
        problems.push({
          severity: "error",
          code: "config_row_duplicate",
          path: `${label} › ${name}`,
          message: `'${name}' has two per-tool rows in '${label}'; configs holds one entry per tool, so only the last would count. Remove one.`,
          fieldId,
        });
      }
      seen.add(name);
    }
  });
  return problems;
}
