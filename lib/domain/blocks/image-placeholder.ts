// The text the connector puts in place of an image an MCP tool returned (reported:
// anthropics/claude-ai-mcp#969), made by the emulator and recognised by the response pane.
export function droppedImageText(mimeType: string): string {
  return `[MCP tool returned an image (format: ${mimeType}) but the Anthropic API doesn't currently support image responses]`;
}

/** The image formats a result's text says were dropped. */
export function droppedImageFormats(text: string): string[] {
  return [
    ...text.matchAll(
      /\[MCP tool returned an image \(format: ([^)]+)\) but the Anthropic API doesn't currently support image responses\]/g,
    ),
  ].map((match) => match[1] ?? "");
}
