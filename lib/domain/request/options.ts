// Request options beside the connector's fields: thinking, effort, structured output, stop
// sequences, tool_choice, metadata.user_id, service_tier — in the SDK's own types, kept in the
// composer exactly as they are sent. (No temperature: @anthropic-ai/sdk 1.17's Messages params
// have none, and only options the SDK types know are offered.) Pure: the schema that reads them back (links, saved state),
// and the API's own rules for them, which the validator and the emulator apply.
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { z } from "zod";

export type RequestOptions = Pick<
  MessageCreateParamsBase,
  "thinking" | "output_config" | "stop_sequences" | "tool_choice" | "metadata" | "service_tier"
>;

export const EFFORTS = ["low", "medium", "high", "xhigh", "max"] as const;
export const SERVICE_TIERS = ["auto", "standard_only"] as const;

/** The API's minimum thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

const jsonSchemaObject = z.record(z.string(), z.unknown());

/** Options as links, saved state and imports hold them: the SDK's shapes, checked. */
export const requestOptionsSchema = z.strictObject({
  thinking: z
    .union([
      z.strictObject({ type: z.literal("enabled"), budget_tokens: z.number().int() }),
      z.strictObject({ type: z.literal("disabled") }),
      z.strictObject({ type: z.literal("adaptive") }),
    ])
    .optional(),
  output_config: z
    .strictObject({
      effort: z.enum(EFFORTS).nullish(),
      format: z
        .strictObject({ type: z.literal("json_schema"), schema: jsonSchemaObject })
        .nullish(),
    })
    .optional(),
  stop_sequences: z.array(z.string().max(1000)).max(100).optional(),
  tool_choice: z
    .union([
      z.strictObject({
        type: z.literal("auto"),
        disable_parallel_tool_use: z.boolean().optional(),
      }),
      z.strictObject({
        type: z.literal("any"),
        disable_parallel_tool_use: z.boolean().optional(),
      }),
      z.strictObject({ type: z.literal("none") }),
      z.strictObject({
        type: z.literal("tool"),
        name: z.string().max(200),
        disable_parallel_tool_use: z.boolean().optional(),
      }),
    ])
    .optional(),
  metadata: z.strictObject({ user_id: z.string().max(1000).nullish() }).optional(),
  service_tier: z.enum(SERVICE_TIERS).optional(),
});

/** An option's problem: where (the API's path), what, and whether the API refuses it. */
export interface OptionProblem {
  severity: "error" | "warning";
  path: string;
  message: string;
  /** The API's own words where known (the emulator answers them). */
  apiMessage?: string;
}

/**
 * Which models take an option, as far as this app knows (not from a source it can quote: say
 * so). Unknown models are not warned about.
 */
const OLDER_MODELS = /^claude-(3|haiku-4-5|sonnet-4-5|opus-4-1|opus-4-0|sonnet-4-0|opus-4-2)/;

/** The API's rules for the options of one request (any body: imports too). */
export function checkRequestOptions(request: Record<string, unknown>): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const error = (path: string, message: string, apiMessage = message) =>
    problems.push({ severity: "error", path, message, apiMessage });
  const warn = (path: string, message: string) =>
    problems.push({ severity: "warning", path, message });
  const model = typeof request.model === "string" ? request.model : "";
  const maxTokens = typeof request.max_tokens === "number" ? request.max_tokens : undefined;
  const thinking = request.thinking as { type?: unknown; budget_tokens?: unknown } | undefined;
  const thinkingOn = thinking?.type === "enabled" || thinking?.type === "adaptive";

  if (thinking !== undefined) {
    if (!["enabled", "disabled", "adaptive"].includes(String(thinking.type)))
      error("thinking.type", "thinking.type: must be enabled, disabled or adaptive.");
    if (thinking.type === "enabled") {
      const budget = thinking.budget_tokens;
      if (typeof budget !== "number" || !Number.isInteger(budget))
        error("thinking.budget_tokens", "thinking.budget_tokens: Field required (a whole number).");
      else if (budget < MIN_THINKING_BUDGET)
        error(
          "thinking.budget_tokens",
          `thinking.enabled.budget_tokens: Input should be greater than or equal to ${MIN_THINKING_BUDGET}`,
        );
      else if (maxTokens !== undefined && budget >= maxTokens)
        error(
          "thinking.budget_tokens",
          `max_tokens (${maxTokens}) must be greater than thinking.budget_tokens (${budget}): raise max_tokens or lower the budget.`,
          "`max_tokens` must be greater than `thinking.budget_tokens`.",
        );
    }
    if (thinking.type === "adaptive" && OLDER_MODELS.test(model))
      warn(
        "thinking",
        `${model} may not take adaptive thinking (this app's model table, unconfirmed): use enabled with a budget.`,
      );
  }

  const choice = request.tool_choice as { type?: unknown; name?: unknown } | undefined;
  if (choice !== undefined) {
    if (!["auto", "any", "none", "tool"].includes(String(choice.type)))
      error("tool_choice.type", "tool_choice.type: must be auto, any, none or tool.");
    if ((choice.type === "any" || choice.type === "tool") && thinkingOn)
      error(
        "tool_choice",
        "Thinking may not be enabled when tool_choice forces tool use: use auto or none, or turn thinking off.",
        "Thinking may not be enabled when tool_choice forces tool use.",
      );
    if (choice.type === "tool" && (typeof choice.name !== "string" || choice.name === ""))
      error("tool_choice.name", "tool_choice.name: Field required: name the tool to force.");
    if (choice.type !== "none" && choice.type !== "auto" && !Array.isArray(request.tools))
      error("tool_choice", "tool_choice forces a tool, but the request has no tools.");
  }

  const stops = request.stop_sequences;
  if (stops !== undefined) {
    if (!Array.isArray(stops) || stops.some((stop) => typeof stop !== "string"))
      error("stop_sequences", "stop_sequences: Input should be a list of strings.");
    else
      stops.forEach((stop: string, index) => {
        if (stop.trim() === "")
          error(
            `stop_sequences.${index}`,
            `stop_sequences.${index}: a stop sequence must contain non-whitespace.`,
          );
      });
  }

  const userId = (request.metadata as { user_id?: unknown } | undefined)?.user_id;
  if (typeof userId === "string") {
    if (userId.length > 256)
      error("metadata.user_id", "metadata.user_id: String should have at most 256 characters.");
    if (/@|\+?\d[\d\s-]{7,}\d/.test(userId))
      warn(
        "metadata.user_id",
        "metadata.user_id looks like an e-mail address or phone number: the API asks for an opaque id (a UUID or a hash), never personal data.",
      );
  }

  const config = request.output_config as { effort?: unknown; format?: unknown } | undefined;
  if (config?.effort != null) {
    if (!(EFFORTS as readonly unknown[]).includes(config.effort))
      error("output_config.effort", `output_config.effort: must be one of ${EFFORTS.join(", ")}.`);
    else if (OLDER_MODELS.test(model))
      warn(
        "output_config.effort",
        `${model} may not take output_config.effort (this app's model table, unconfirmed): it may be refused.`,
      );
  }
  if (config?.format != null) {
    const format = config.format as { type?: unknown; schema?: unknown };
    if (format.type !== "json_schema")
      error("output_config.format.type", "output_config.format.type: must be json_schema.");
    if (typeof format.schema !== "object" || format.schema === null || Array.isArray(format.schema))
      error(
        "output_config.format.schema",
        "output_config.format.schema: Input should be a JSON schema object.",
      );
  }
  const tier = request.service_tier;
  if (tier !== undefined && !(SERVICE_TIERS as readonly unknown[]).includes(tier))
    error("service_tier", `service_tier: must be one of ${SERVICE_TIERS.join(", ")}.`);
  return problems;
}
