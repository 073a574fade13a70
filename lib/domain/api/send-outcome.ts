// What one Send produced, as the browser keeps it (response pane, history): the checked message
// with its timing, or the failure in words with whatever arrived. Shared by the sender, the store
// and the history, none of which owns it.
import type { BetaMessage } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { z } from "zod";
import { contentBlocksSchema } from "@/lib/domain/blocks/schema";
import type { Target } from "@/lib/domain/request/targets";

export const messageSchema = z.looseObject({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: contentBlocksSchema,
  stop_reason: z.string().nullable(),
  usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }),
});

export interface SendFailure {
  status: number;
  type: string;
  message: string;
  requestId: string | null;
}

interface Timing {
  latencyMs: number;
  /** Streamed answers: from Send to the first event. */
  firstEventMs: number | null;
  streamed: boolean;
  target: Target;
}

export type SendOutcome =
  // The message is the JSON as received (checked, nothing dropped): its raw form is itself.
  | ({ ok: true; message: BetaMessage; requestId: string | null } & Timing)
  | ({
      ok: false;
      error: SendFailure;
      /** The error body as received, when there was one. */
      raw: unknown;
      /** What a stream had delivered before it broke or was cancelled. */
      partial: BetaMessage | null;
    } & Timing);
