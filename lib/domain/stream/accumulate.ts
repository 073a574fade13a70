// Builds the message from the API's stream events, as the SDK's BetaMessageStream does, but as a
// pure, immutable step (each event gives a new snapshot React can render) that keeps what arrived
// when the stream stops early. Tool input is kept as the raw JSON text until its block stops.
import type {
  BetaContentBlock,
  BetaMessage,
  BetaRawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";

export interface StreamSnapshot {
  /** null until message_start. */
  message: BetaMessage | null;
  /** The input JSON received so far, by block index, for tool calls still streaming. */
  partialInput: Readonly<Record<number, string>>;
  /** Indices of blocks started and not yet stopped. */
  open: readonly number[];
  /** message_stop has arrived: the message is complete. */
  complete: boolean;
  events: number;
  /** A tool input that did not parse at its block's end (the SDK raises the same case). */
  inputError: string | null;
}

export const EMPTY_SNAPSHOT: StreamSnapshot = {
  message: null,
  partialInput: {},
  open: [],
  complete: false,
  events: 0,
  inputError: null,
};

const TRACKS_INPUT = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

export function applyStreamEvent(
  snapshot: StreamSnapshot,
  event: BetaRawMessageStreamEvent,
): StreamSnapshot {
  const next = { ...snapshot, events: snapshot.events + 1 };
  if (event.type === "message_start") {
    return { ...next, message: { ...event.message, content: [...event.message.content] } };
  }
  const message = snapshot.message;
  if (!message) return next;
  switch (event.type) {
    case "content_block_start":
      return {
        ...next,
        message: { ...message, content: [...message.content, event.content_block] },
        open: [...snapshot.open, event.index],
      };
    case "content_block_delta": {
      const block = message.content[event.index];
      if (!block) return next;
      const delta = event.delta;
      if (delta.type === "input_json_delta") {
        if (!TRACKS_INPUT.has(block.type)) return next;
        const text = (snapshot.partialInput[event.index] ?? "") + delta.partial_json;
        return { ...next, partialInput: { ...snapshot.partialInput, [event.index]: text } };
      }
      const updated = applyDelta(block, delta);
      return updated === block
        ? next
        : { ...next, message: replaceBlock(message, event.index, updated) };
    }
    case "content_block_stop": {
      const block = message.content[event.index];
      const open = snapshot.open.filter((index) => index !== event.index);
      const json = snapshot.partialInput[event.index];
      if (!block || json === undefined || !TRACKS_INPUT.has(block.type)) return { ...next, open };
      const { [event.index]: _done, ...partialInput } = snapshot.partialInput;
      let input: unknown = {};
      let inputError: string | null = snapshot.inputError;
      try {
        input = json === "" ? {} : JSON.parse(json);
        if (typeof input !== "object" || input === null || Array.isArray(input)) {
          inputError = `The input of block ${event.index} is not a JSON object: ${json.slice(0, 200)}`;
          input = {};
        }
      } catch (error) {
        inputError = `The input of block ${event.index} is not valid JSON (${error instanceof Error ? error.message : String(error)}): ${json.slice(0, 200)}`;
      }
      return {
        ...next,
        open,
        partialInput,
        inputError,
        message: replaceBlock(message, event.index, { ...block, input } as BetaContentBlock),
      };
    }
    case "message_delta": {
      const usage = { ...message.usage, output_tokens: event.usage.output_tokens };
      // Cumulative totals: overwrite when present, never add (as the SDK does).
      for (const key of [
        "input_tokens",
        "cache_creation_input_tokens",
        "cache_read_input_tokens",
        "server_tool_use",
        "iterations",
        "fallback_credit",
        "output_tokens_details",
      ] as const) {
        const value = event.usage[key];
        if (value !== null && value !== undefined) Object.assign(usage, { [key]: value });
      }
      return {
        ...next,
        message: {
          ...message,
          stop_reason: event.delta.stop_reason,
          stop_sequence: event.delta.stop_sequence,
          stop_details: event.delta.stop_details,
          ...(event.delta.container != null ? { container: event.delta.container } : {}),
          ...(event.context_management != null
            ? { context_management: event.context_management }
            : {}),
          usage,
        },
      };
    }
    case "message_stop":
      return { ...next, complete: true };
    default:
      return next;
  }
}

function applyDelta(
  block: BetaContentBlock,
  delta: Exclude<
    Extract<BetaRawMessageStreamEvent, { type: "content_block_delta" }>["delta"],
    { type: "input_json_delta" }
  >,
): BetaContentBlock {
  switch (delta.type) {
    case "text_delta":
      return block.type === "text" ? { ...block, text: block.text + delta.text } : block;
    case "citations_delta":
      return block.type === "text"
        ? { ...block, citations: [...(block.citations ?? []), delta.citation] }
        : block;
    case "thinking_delta":
      return block.type === "thinking"
        ? { ...block, thinking: block.thinking + delta.thinking }
        : block;
    case "signature_delta":
      return block.type === "thinking" ? { ...block, signature: delta.signature } : block;
    case "compaction_delta":
      // It carries the block's final value, so it replaces rather than appends.
      return block.type === "compaction"
        ? {
            ...block,
            content: delta.content,
            ...("encrypted_content" in delta ? { encrypted_content: delta.encrypted_content } : {}),
          }
        : block;
    default:
      return block;
  }
}

function replaceBlock(message: BetaMessage, index: number, block: BetaContentBlock): BetaMessage {
  const content = [...message.content];
  content[index] = block;
  return { ...message, content };
}
