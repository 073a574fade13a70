// Which tools may return images. The connector replaces an image an MCP tool returns with a text
// placeholder (anthropics/claude-ai-mcp#969), so such tools are worth marking before a Send. A
// listing does not say what a tool returns: this reads the hints it gives (description, title,
// output schema) — a guess, said as one.
const IMAGE_WORDS =
  /\b(images?|screenshots?|png|jpe?g|gif|webp|pictures?|photos?|thumbnails?|charts?|diagrams?|plots?|render(?:s|ed|ing)?)\b/i;

export function mayReturnImages(tool: {
  title?: string;
  description?: string;
  outputSchema?: unknown;
}): boolean {
  if (IMAGE_WORDS.test(`${tool.title ?? ""} ${tool.description ?? ""}`)) return true;
  if (!tool.outputSchema) return false;
  return /image|mimeType|base64/i.test(JSON.stringify(tool.outputSchema));
}
