// Pure edits of the conversation: earlier turns plus the message being written. The assistant's
// content is stored exactly as the API returned it, because the API wants it back unchanged.
import type {
  BetaContentBlock,
  BetaContentBlockParam,
  BetaMessageParam,
} from "@anthropic-ai/sdk/resources/beta/messages/messages";
import type { NewId } from "./composer";
import type { ComposerState, ConversationTurn } from "./types";

/**
 * After a response: the messages that were sent, then the assistant's answer, become the
 * conversation, and the message box is emptied for the follow-up.
 */
export function continueConversation(
  state: ComposerState,
  sent: readonly BetaMessageParam[],
  answer: readonly BetaContentBlock[],
  newId: NewId,
): ComposerState {
  const turns: ConversationTurn[] = [];
  for (const message of sent) {
    // A system turn holds tool changes between turns: kept as sent, so they apply again.
    if (message.role === "system") {
      if (message.content != null)
        turns.push({ id: newId(), role: "system", content: message.content });
    } else turns.push({ id: newId(), role: message.role, content: message.content });
  }
  // The SDK casts the same way when it appends a streamed message to its history.
  turns.push({
    id: newId(),
    role: "assistant",
    content: answer as unknown as BetaContentBlockParam[],
  });
  return { ...state, conversation: turns, message: "" };
}

export function editTurnText(state: ComposerState, turnId: string, text: string): ComposerState {
  return {
    ...state,
    conversation: state.conversation.map((turn) =>
      turn.id === turnId ? { ...turn, content: text } : turn,
    ),
  };
}

export function removeTurn(state: ComposerState, turnId: string): ComposerState {
  return { ...state, conversation: state.conversation.filter((turn) => turn.id !== turnId) };
}

/**
 * Back to a user turn: the turns before it stay, its text goes into the message box, and what
 * followed is dropped (it answered the old version). Null when the turn is not plain user text.
 */
export function rewindToTurn(state: ComposerState, turnId: string): ComposerState | null {
  const at = state.conversation.findIndex((turn) => turn.id === turnId);
  const turn = state.conversation[at];
  if (!turn || turn.role !== "user") return null;
  const text = turnText(turn);
  if (text === null) return null;
  return { ...state, conversation: state.conversation.slice(0, at), message: text };
}

export function clearConversation(state: ComposerState): ComposerState {
  return { ...state, conversation: [] };
}

/** The text of a turn made only of text; null when it holds other blocks. */
export function turnText(turn: Pick<ConversationTurn, "content">): string | null {
  if (typeof turn.content === "string") return turn.content;
  const blocks = turn.content as readonly { type: string; text?: unknown }[];
  if (!blocks.every((block) => block.type === "text" && typeof block.text === "string"))
    return null;
  return blocks.map((block) => block.text as string).join("\n");
}
