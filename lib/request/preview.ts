// Everything the preview pane shows, derived in one pass from the composer state: the request,
// the merged per-tool table of each server, the totals and every problem (errors first).
import {
  mergeToolset,
  summarizeTools,
  type MergeSummary,
  type ToolsetMerge,
} from "../toolset/merge";
import {
  sortProblems,
  validateRequest,
  type Problem,
  type ValidationContext,
} from "../toolset/validate";
import { buildRequest, buildToolset, type MessagesRequest } from "./build-request";
import { findDraftProblems } from "./draft-problems";
import { fieldIdForPath } from "./field-ids";
import type { ComposerState } from "./types";

export interface PreviewProblem extends Omit<Problem, "code"> {
  code: string;
  /** The composer field that holds the faulty value, when there is one. */
  fieldId?: string;
}

export interface ServerPreview {
  serverId: string;
  name: string;
  merge: ToolsetMerge;
  summary: MergeSummary;
  /** True when the rows are the server's discovered tools, not only the configs keys. */
  discovered: boolean;
}

export interface Preview {
  request: MessagesRequest;
  problems: PreviewProblem[];
  servers: ServerPreview[];
  total: MergeSummary;
  errorCount: number;
}

export function derivePreview(state: ComposerState, context: ValidationContext = {}): Preview {
  const request = buildRequest(state);
  const servers = state.servers.map((server): ServerPreview => {
    const known = context.serverTools?.[server.name];
    const merge = mergeToolset(buildToolset(server), known);
    return {
      serverId: server.id,
      name: server.name,
      merge,
      summary: summarizeTools(merge.tools),
      discovered: !!known,
    };
  });
  const total: MergeSummary = { enabled: 0, deferred: 0, upFront: 0, disabled: 0 };
  for (const { summary } of servers) {
    total.enabled += summary.enabled;
    total.deferred += summary.deferred;
    total.upFront += summary.upFront;
    total.disabled += summary.disabled;
  }
  const problems: PreviewProblem[] = [
    ...sortProblems(validateRequest(request, context)).map((problem) => ({
      ...problem,
      fieldId: fieldIdForPath(problem.path, state),
    })),
    ...findDraftProblems(state),
  ];
  const ordered = sortProblems(problems as Problem[]) as PreviewProblem[];
  return {
    request,
    problems: ordered,
    servers,
    total,
    errorCount: ordered.filter((problem) => problem.severity === "error").length,
  };
}
