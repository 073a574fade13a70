// The body's basics: a model, a max_tokens the API takes, and messages with something in them.
import { isObject, type JsonObject, type Report } from "../problems";

export function validateBasics(request: JsonObject, report: Report): void {
  if (typeof request.model !== "string" || request.model.trim() === "") {
    report(
      "error",
      "invalid_request",
      "model",
      "model: Field required. Choose a model id, e.g. claude-opus-4-6.",
    );
  }
  const maxTokens = request.max_tokens;
  if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1) {
    report(
      "error",
      "invalid_request",
      "max_tokens",
      "max_tokens: Input should be a whole number of at least 1.",
    );
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    report("error", "invalid_request", "messages", "messages: At least one message is required.");
    return;
  }
  request.messages.forEach((message, index) => {
    if (!isObject(message)) {
      report(
        "error",
        "invalid_request",
        `messages.${index}`,
        `messages.${index}: Input should be an object.`,
      );
      return;
    }
    const content = message.content;
    const emptyString = typeof content === "string" && content.trim() === "";
    const emptyBlocks =
      Array.isArray(content) &&
      content.some((block) => isObject(block) && block.type === "text" && block.text === "");
    if (emptyString || emptyBlocks || (Array.isArray(content) && content.length === 0)) {
      report(
        "error",
        "empty_text",
        `messages.${index}.content`,
        "messages: text content blocks must be non-empty. Write a message.",
      );
    }
  });
}
