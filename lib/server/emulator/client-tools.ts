import "server-only";
// Client tools, as the API treats them: a `tools` entry with an `input_schema` is the caller's to
// run. The model answers with `tool_use` blocks and `stop_reason: "tool_use"`; the caller runs
// them (e.g. the SDK's toolRunner with `mcpTools`) and sends the `tool_result`s back, and the model
// then answers in words. The scripted model calls the client tools a message names, as it does
// MCP tools: `call echo {"message": "hi"}` or just "use echo".
import type {
  BetaContentBlock,
  BetaMessageParam,
  BetaToolResultBlockParam,
  BetaToolUseBlock,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { IdPrefix } from "./ids";
import type { EmulatorRequest } from "./types";
import { argumentsFromSchema } from "./tool-arguments";

interface ClientTool {
  name: string;
  input_schema: unknown;
}

export interface ClientTurn {
  blocks: BetaContentBlock[];
  stopReason: "tool_use" | "end_turn";
}

const CALL = /^\s*call\s+([A-Za-z0-9_-]+)\s*(\{.*\})?\s*$/;

export function clientTools(request: EmulatorRequest): ClientTool[] {
  return (request.tools ?? []).flatMap((tool) => {
    const entry = tool as { type?: unknown; name?: unknown; input_schema?: unknown };
    const custom = entry.type === undefined || entry.type === "custom";
    return custom && typeof entry.name === "string" && entry.input_schema !== undefined
      ? [{ name: entry.name, input_schema: entry.input_schema }]
      : [];
  });
}

/** The tool results the last user turn brings back, with the names of the calls they answer. */
function returnedResults(
  messages: readonly BetaMessageParam[],
): { name: string; result: BetaToolResultBlockParam }[] {
  const last = messages.at(-1);
  if (last?.role !== "user" || typeof last.content === "string") return [];
  const results = last.content.filter(
    (block): block is BetaToolResultBlockParam => block.type === "tool_result",
  );
  const previous = messages.at(-2);
  const calls =
    previous?.role === "assistant" && typeof previous.content !== "string"
      ? previous.content.filter((block) => block.type === "tool_use")
      : [];
  return results.map((result) => ({
    name: calls.find((call) => call.id === result.tool_use_id)?.name ?? result.tool_use_id,
    result,
  }));
}

function resultText(result: BetaToolResultBlockParam): string {
  const content = result.content;
  if (typeof content === "string") return content;
  return (content ?? [])
    .map((part) => (part.type === "text" ? part.text : `[${part.type}]`))
    .join("\n");
}

/**
 * The turn when client tools are in play: calls for the tools the message names, or the answer
 * to the results that came back. Null when client tools play no part in this turn.
 */
export function clientTurn(
  request: EmulatorRequest,
  message: string,
  createId: (prefix: IdPrefix) => string,
): ClientTurn | null {
  const returned = returnedResults(request.messages);
  if (returned.length > 0) {
    const lines = returned.map(({ name, result }) =>
      result.is_error
        ? `**${name}** failed: ${resultText(result)}`
        : `**${name}** returned:\n\n\`\`\`\n${resultText(result)}\n\`\`\``,
    );
    return {
      blocks: [{ type: "text", text: lines.join("\n\n"), citations: null }],
      stopReason: "end_turn",
    };
  }
  const tools = clientTools(request);
  if (tools.length === 0) return null;
  const calls: BetaToolUseBlock[] = [];
  for (const line of message.split(/\r?\n/)) {
    const [, name, args] = CALL.exec(line) ?? [];
    const tool = tools.find((candidate) => candidate.name === name);
    if (!tool) continue;
    let input: unknown = argumentsFromSchema(tool.input_schema);
    if (args) {
      try {
        input = JSON.parse(args);
      } catch {
        // Not JSON: the schema's defaults stand.
      }
    }
    calls.push({ type: "tool_use", id: createId("toolu"), name: tool.name, input });
  }
  if (calls.length === 0) {
    const text = message.toLowerCase();
    for (const tool of tools) {
      const word = new RegExp(`(^|[^a-z0-9_-])${tool.name.toLowerCase()}(?=$|[^a-z0-9_-])`);
      if (word.test(text))
        calls.push({
          type: "tool_use",
          id: createId("toolu"),
          name: tool.name,
          input: argumentsFromSchema(tool.input_schema),
        });
    }
  }
  if (calls.length === 0) return null;
  return {
    blocks: [
      {
        type: "text",
        text: `I'll use ${calls.map((call) => `\`${call.name}\``).join(", ")}.`,
        citations: null,
      },
      ...calls,
    ],
    stopReason: "tool_use",
  };
}
