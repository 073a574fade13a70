// Everything the preview pane shows, derived in one pass from the composer state: the request,
// the merged per-tool table of each server, the totals and every problem (errors first). The API's
// rules come in as a function (lib/domain/toolset/validate.ts), so the page can show the table
// before their code has loaded and say that the request is not checked yet.
import {
  mergeToolset,
  summarizeTools,
  type MergeSummary,
  type ToolsetLayers,
  type ToolsetMerge,
} from "@/lib/domain/toolset/merge";
import { estimateDefinitionTokens } from "@/lib/domain/toolset/token-estimate";
import { sortProblems } from "@/lib/domain/toolset/problems";
import type { Problem, ValidationContext, ValidationTarget } from "@/lib/domain/toolset/validate";
import { buildRequest, buildToolset, type MessagesRequest } from "./build-request";
import { findDraftProblems } from "./draft-problems";
import { FIELD_IDS, fieldIdForPath, serverFieldId } from "./field-ids";
import { resolveComposer } from "@/lib/domain/workspace/variables";
import { comparePin, type PinDrift } from "./pin-drift";
import { type ComposerState, type PinnedTool, type ServerDraft, type ToolInfo } from "./types";

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
  /** Discovered tools by name (empty until discovery). */
  toolInfo: ReadonlyMap<string, ToolInfo>;
  /** Estimated tokens of the tool definitions sent up front (only once discovered or pinned). */
  upFrontTokens: number | null;
  /** Estimated tokens of the deferred definitions, kept out of the prompt until a search loads them. */
  deferredTokens: number | null;
  /** Where the rows come from: the pinned list, the live discovery, or only the configs keys. */
  toolListSource: "pinned" | "discovered" | "configs";
  /** How the live server differs from the pinned list (null when it does not, or is unknown). */
  drift: PinDrift | null;
  /** A stdio server: not in the connector request; its choices apply to the client-side export. */
  clientSide: boolean;
}

/** The API's rules over a request body: validateRequest (lib/domain/toolset/validate.ts). */
export type RequestValidator = (request: MessagesRequest, context: ValidationContext) => Problem[];

export interface PreviewContext {
  target?: ValidationTarget;
  /** Each server's discovered tools, by server id (only results still valid for its url and token). */
  discoveredTools?: Readonly<Record<string, readonly ToolInfo[]>>;
  /** The API's rules; without them only the composer's own problems are known (not validated). */
  validate?: RequestValidator | null;
  /** The values `{{NAME}}` resolves to (the active environment's), and that environment's name. */
  variables?: ReadonlyMap<string, string>;
  environmentName?: string | null;
  /** Each server whose last discovery failed, by server id: listed as a problem. */
  discoveryFailures?: Readonly<Record<string, DiscoveryFailure>>;
  /** Says them as problems (lib/domain/request/discovery-problems.ts; loads with the rules). */
  findDiscoveryProblems?: DiscoveryProblemFinder | null;
}

export type DiscoveryProblemFinder = (
  servers: readonly ServerDraft[],
  failures: Readonly<Record<string, DiscoveryFailure>>,
) => PreviewProblem[];

export interface DiscoveryFailure {
  /** The failure's kind as discovery named it (`unauthorized`, `network`, …). */
  kind: string;
  message: string;
}

export interface Preview {
  request: MessagesRequest;
  problems: PreviewProblem[];
  servers: ServerPreview[];
  total: MergeSummary;
  /** Estimated tokens of every up-front definition, when every server is discovered. */
  totalUpFrontTokens: number | null;
  /** The same over the servers whose tools are known (what a savings line can count). */
  knownUpFrontTokens: number;
  /** Servers in the request whose tools are not known yet (not counted above). */
  uncountedServers: number;
  errorCount: number;
  /** Whether the API's rules were applied (false while their code loads). */
  validated: boolean;
  /** Placeholder names the active environment filled in (the request shown is resolved). */
  variablesUsed: string[];
}

export function derivePreview(written: ComposerState, context: PreviewContext = {}): Preview {
  // Everything below sees the request as it would be sent: placeholders resolved.
  const resolution = resolveComposer(written, context.variables);
  const state = resolution.state;
  const request = buildRequest(state);
  const serverTools: Record<string, readonly string[]> = {};
  const destructiveTools: Record<string, readonly string[]> = {};
  const taskRequiredTools: Record<string, readonly string[]> = {};
  const toolDefinitions: Record<string, readonly ToolInfo[]> = {};
  for (const server of state.servers) {
    const tools = toolsFor(server, context.discoveredTools?.[server.id]);
    if (!tools) continue;
    toolDefinitions[server.name] = tools;
    const names = toolNamesByKind(tools);
    serverTools[server.name] = names.all;
    destructiveTools[server.name] = names.destructive;
    taskRequiredTools[server.name] = names.needsTasks;
  }
  const validation: ValidationContext = {
    target: context.target,
    serverTools,
    destructiveTools,
    taskRequiredTools,
    toolDefinitions,
  };
  const toolsets = (request.tools ?? []).filter((tool) => tool.type === "mcp_toolset");
  const servers = sameServerPreviews(
    state.servers,
    state.servers.map((server) => {
      // By name: a server whose toolset a tool change adds later has none in `tools`.
      const toolset = server.stdio
        ? undefined
        : toolsets.find((candidate) => candidate.mcp_server_name === server.name);
      return serverPreviewOf(server, context.discoveredTools?.[server.id], toolset);
    }),
  );
  const total: MergeSummary = { enabled: 0, deferred: 0, upFront: 0, disabled: 0 };
  for (const { summary, clientSide } of servers) {
    if (clientSide) continue;
    total.enabled += summary.enabled;
    total.deferred += summary.deferred;
    total.upFront += summary.upFront;
    total.disabled += summary.disabled;
  }
  const problems: PreviewProblem[] = [
    ...sortProblems(context.validate?.(request, validation) ?? []).map((problem) => ({
      ...problem,
      fieldId: fieldIdForPath(problem.path, state),
    })),
    ...findDraftProblems(state),
    ...(context.findDiscoveryProblems?.(state.servers, context.discoveryFailures ?? {}) ?? []),
    ...resolution.unresolved.map(({ name, where }) =>
      unresolvedProblem(name, where, state, context.environmentName),
    ),
  ];
  const ordered = sortProblems(problems as Problem[]) as PreviewProblem[];
  const inRequest = servers.filter((server) => !server.clientSide);
  return {
    request,
    problems: ordered,
    servers,
    total,
    totalUpFrontTokens: inRequest.every((server) => server.upFrontTokens !== null)
      ? inRequest.reduce((sum, server) => sum + (server.upFrontTokens ?? 0), 0)
      : null,
    knownUpFrontTokens: inRequest.reduce((sum, server) => sum + (server.upFrontTokens ?? 0), 0),
    uncountedServers: inRequest.filter((server) => server.upFrontTokens === null).length,
    errorCount: ordered.filter((problem) => problem.severity === "error").length,
    validated: !!context.validate,
    variablesUsed: resolution.used,
  };
}

/** A `{{NAME}}` with no value: Send would carry the braces, so it is an error, at its field. */
function unresolvedProblem(
  name: string,
  where: string,
  state: ComposerState,
  environmentName: string | null | undefined,
): PreviewProblem {
  const [head = "", index, field] = where.split(".");
  const server = head === "servers" ? state.servers[Number(index)] : undefined;
  const part = field === "authorizationToken" ? "token" : (field as "url" | "name");
  return {
    severity: "error",
    code: "unresolved_variable",
    path: where,
    message: `{{${name}}} in ${server ? `${server.name}'s ${part}` : head} has no value${environmentName ? ` in environment “${environmentName}”` : ": choose an environment that sets it"}.`,
    fieldId: server
      ? serverFieldId(server.id, part)
      : ((FIELD_IDS as Record<string, string>)[head] ?? FIELD_IDS.message),
  };
}

/**
 * A server's merged table, kept while its draft, its discovered list and its toolset are the same:
 * an edit elsewhere (a keystroke in the message) hands back the very same rows, so the table and
 * everything drawn from it skip rendering again. With 10,000 tools that keeps typing at a frame.
 */
const serverPreviewCache = new WeakMap<
  ServerDraft,
  { live: readonly ToolInfo[] | undefined; toolset: string; preview: ServerPreview }
>();

function serverPreviewOf(
  server: ServerDraft,
  live: readonly ToolInfo[] | undefined,
  toolset: ToolsetLayers | undefined,
): ServerPreview {
  const toolsetKey = toolset ? JSON.stringify(toolset) : "";
  const cached = serverPreviewCache.get(server);
  if (cached && cached.live === live && cached.toolset === toolsetKey) return cached.preview;
  const tools = toolsFor(server, live);
  const merge = mergeToolset(toolset ?? buildToolset(server), tools && toolNames(tools));
  const toolInfo = tools ? toolMap(tools) : EMPTY_TOOL_MAP;
  const tokensOf = (deferred: boolean) =>
    tools
      ? merge.tools.reduce((sum, row) => {
          const info = toolInfo.get(row.name);
          return row.enabled.value && row.deferLoading.value === deferred && info
            ? sum + estimateDefinitionTokens(info)
            : sum;
        }, 0)
      : null;
  const preview: ServerPreview = {
    serverId: server.id,
    name: server.name,
    merge,
    summary: summarizeTools(merge.tools),
    discovered: !!tools,
    toolInfo,
    upFrontTokens: tokensOf(false),
    deferredTokens: tokensOf(true),
    toolListSource: server.pinnedTools ? "pinned" : live ? "discovered" : "configs",
    drift: server.pinnedTools && live ? comparePin(server.pinnedTools, live) : null,
    clientSide: !!server.stdio,
  };
  serverPreviewCache.set(server, { live, toolset: toolsetKey, preview });
  return preview;
}

/** The last list for these drafts, when every server's preview in it is still the same. */
const serverListCache = new WeakMap<readonly ServerDraft[], ServerPreview[]>();

function sameServerPreviews(
  drafts: readonly ServerDraft[],
  previews: ServerPreview[],
): ServerPreview[] {
  const cached = serverListCache.get(drafts);
  if (
    cached &&
    cached.length === previews.length &&
    cached.every((preview, index) => preview === previews[index])
  )
    return cached;
  serverListCache.set(drafts, previews);
  return previews;
}

const EMPTY_TOOL_MAP: ReadonlyMap<string, ToolInfo> = new Map();
const pinnedInfos = new WeakMap<
  readonly PinnedTool[],
  Map<readonly ToolInfo[] | undefined, ToolInfo[]>
>();

/**
 * The tools the API would use for a server: the pinned list when there is one (with what the live
 * discovery says of each tool's annotations), else the discovered list.
 */
function toolsFor(
  server: ServerDraft,
  live: readonly ToolInfo[] | undefined,
): readonly ToolInfo[] | undefined {
  if (!server.pinnedTools) return live;
  let byLive = pinnedInfos.get(server.pinnedTools);
  if (!byLive)
    pinnedInfos.set(
      server.pinnedTools,
      (byLive = new Map<readonly ToolInfo[] | undefined, ToolInfo[]>()),
    );
  let infos = byLive.get(live);
  if (!infos) {
    const liveByName = new Map(live?.map((tool) => [tool.name, tool]));
    infos = server.pinnedTools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
      destructive: liveByName.get(tool.name)?.destructive ?? false,
      readOnly: liveByName.get(tool.name)?.readOnly ?? false,
      mayReturnImages: liveByName.get(tool.name)?.mayReturnImages ?? false,
    }));
    byLive.set(live, infos);
  }
  return infos;
}
const namesOf = new WeakMap<readonly ToolInfo[], readonly string[]>();
const mapsOf = new WeakMap<readonly ToolInfo[], ReadonlyMap<string, ToolInfo>>();

/** Derived once per discovered list (the same object across edits), not on every keystroke. */
function toolNames(tools: readonly ToolInfo[]): readonly string[] {
  let names = namesOf.get(tools);
  if (!names) namesOf.set(tools, (names = tools.map((tool) => tool.name)));
  return names;
}

const namesByKindOf = new WeakMap<
  readonly ToolInfo[],
  { all: readonly string[]; destructive: readonly string[]; needsTasks: readonly string[] }
>();

/** The names the validator is told of: all, destructive, needing tasks (once per list). */
function toolNamesByKind(tools: readonly ToolInfo[]) {
  let names = namesByKindOf.get(tools);
  if (!names)
    namesByKindOf.set(
      tools,
      (names = {
        all: toolNames(tools),
        destructive: tools.filter((tool) => tool.destructive).map((tool) => tool.name),
        needsTasks: tools.filter((tool) => tool.needsTasks).map((tool) => tool.name),
      }),
    );
  return names;
}

function toolMap(tools: readonly ToolInfo[]): ReadonlyMap<string, ToolInfo> {
  let map = mapsOf.get(tools);
  if (!map) mapsOf.set(tools, (map = new Map(tools.map((tool) => [tool.name, tool]))));
  return map;
}
