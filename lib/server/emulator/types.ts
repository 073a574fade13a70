import "server-only";
// The emulator's request, options and output steps: what run.ts, respond.ts and the rest of the
// emulator share (types only).
import type {
  BetaContentBlock,
  BetaMessage,
  BetaUsage,
  MessageCreateParamsBase,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { PlaygroundLimits } from "@/lib/domain/limits";
import type { ToolReferenceFormat } from "@/lib/domain/tool-search/search";
import type { IdPrefix } from "./ids";

export interface EmulatorOptions {
  /** The betas from the anthropic-beta header (the SDK sends `betas` there, not in the body). */
  betas: readonly string[];
  signal?: AbortSignal;
  fetch?: typeof fetch;
  connectTimeoutMs?: number;
  toolTimeoutMs?: number;
  /** Makes the ids; random API-shaped ids by default (tests pass a deterministic one). */
  createId?: (prefix: IdPrefix) => string;
  /** Fan-out caps; the process's settings by default. */
  limits?: PlaygroundLimits;
  /** The tool_reference name format (unconfirmed); PLAYGROUND_TOOL_REFERENCE_NAMES by default. */
  referenceFormat?: ToolReferenceFormat;
  /** Who asked, for each client's share of the MCP connection pool. */
  connectionClient?: string;
  /** URLs answered in process (the app's demo servers): their sessions hold no slot. */
  inProcessUrl?: (url: string) => boolean;
}

export type EmulatorRequest = MessageCreateParamsBase;

/**
 * What the emulator produces, in order, as soon as each part is known: the streamed and the
 * non-streamed answer are both made from these, so they cannot disagree.
 */
export type EmulatorStep =
  | { type: "start"; message: BetaMessage }
  | { type: "block"; block: BetaContentBlock }
  | { type: "end"; stopReason: "end_turn" | "tool_use"; usage: BetaUsage };
