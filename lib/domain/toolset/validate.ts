// The MCP connector's validation rules, applied to any request body (not only what the composer
// makes: imports feed it too). Where the API's own error text is known it is quoted; where the
// real behaviour is unconfirmed the message says so rather than claiming more than the sources do.
// Each family of rules is its own module in lib/domain/toolset/rules/; this runs them in order.
import { MCP_BETA_CURRENT, MCP_BETA_DEPRECATED, MCP_BETA_PINNING, readBetas } from "./betas";
import { isObject, type Problem, type Report, type ValidationContext } from "./problems";
import { validateBasics } from "./rules/basics";
import { validateCacheControl } from "./rules/cache-control";
import { validateDeferral } from "./rules/deferral";
import { validateDefinitionBytes } from "./rules/definition-bytes";
import { validateServers } from "./rules/servers";
import { collectToolsets, validateReferences } from "./rules/toolsets";
import { validateToolChanges } from "./rules/tool-changes";
import { serversAddedMidConversation } from "@/lib/domain/request/tool-changes";
import { checkRequestOptions } from "@/lib/domain/request/options";
import { validateHistoryBlocks } from "./validate-history";

export { MCP_BETA_CURRENT, MCP_BETA_DEPRECATED, MCP_BETA_PINNING } from "./betas";
export {
  PROBLEM_CODES,
  sortProblems,
  type Problem,
  type ProblemCode,
  type Severity,
  type ValidationContext,
  type ValidationTarget,
} from "./problems";
export { isLoopbackHost } from "./rules/servers";

export function validateRequest(request: unknown, context: ValidationContext = {}): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (severity, code, path, message, apiMessage) => {
    problems.push(
      apiMessage
        ? { severity, code, path, message, apiMessage }
        : { severity, code, path, message },
    );
  };

  if (!isObject(request)) {
    report("error", "invalid_request", "", "The request body must be a JSON object.");
    return problems;
  }

  validateBasics(request, report);
  for (const problem of checkRequestOptions(request))
    report(
      problem.severity,
      problem.severity === "error" ? "request_option_invalid" : "request_option_unsupported",
      problem.path,
      problem.message,
      problem.apiMessage,
    );

  const betas = readBetas(request.betas);
  const hasCurrentBeta = betas.includes(MCP_BETA_CURRENT) || betas.includes(MCP_BETA_PINNING);
  const hasDeprecatedBeta = betas.includes(MCP_BETA_DEPRECATED);
  const servers = Array.isArray(request.mcp_servers) ? request.mcp_servers : undefined;
  const tools = Array.isArray(request.tools) ? request.tools : [];

  if (request.mcp_servers !== undefined && !servers) {
    report("error", "invalid_request", "mcp_servers", "mcp_servers: Input should be a valid list.");
  }
  if (request.tools !== undefined && !Array.isArray(request.tools)) {
    report("error", "invalid_request", "tools", "tools: Input should be a valid list.");
  }

  // Beta gate: without an MCP beta the API does not know the field at all.
  if (servers && !hasCurrentBeta && !hasDeprecatedBeta) {
    report(
      "error",
      "missing_mcp_beta",
      "betas",
      `mcp_servers: Extra inputs are not permitted. The API answers this 400 when the MCP beta is missing: add betas: ['${MCP_BETA_CURRENT}'] (header anthropic-beta).`,
      "mcp_servers: Extra inputs are not permitted",
    );
  }
  if (hasDeprecatedBeta && !hasCurrentBeta) {
    report(
      "warning",
      "deprecated_mcp_beta",
      "betas",
      `'${MCP_BETA_DEPRECATED}' is deprecated. Upgrade to '${MCP_BETA_CURRENT}', which configures tools with an mcp_toolset per server.`,
    );
  } else if (hasDeprecatedBeta && hasCurrentBeta) {
    report(
      "warning",
      "deprecated_mcp_beta",
      "betas",
      `'${MCP_BETA_DEPRECATED}' is deprecated and not needed beside '${MCP_BETA_CURRENT}'; remove it.`,
    );
  }

  const serverNames = validateServers(servers ?? [], { hasCurrentBeta, context, report });
  const toolsets = collectToolsets(tools, { betas, hasCurrentBeta, report });
  validateReferences(
    servers ?? [],
    serverNames,
    toolsets,
    hasCurrentBeta,
    report,
    serversAddedMidConversation(request.messages),
  );
  validateToolChanges(request, betas, serverNames, context, report);
  validateDeferral(tools, toolsets, betas, context, report);
  validateDefinitionBytes(request, context, report);
  validateCacheControl(request, tools, report);
  for (const problem of validateHistoryBlocks(request.messages, {
    pinningBeta: betas.includes(MCP_BETA_PINNING),
    serverNames: new Set(serverNames.keys()),
  }))
    report("error", problem.code, problem.path, problem.message);
  return problems;
}
