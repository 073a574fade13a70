// cache_control: well-formed wherever it is, and at most four breakpoints in a request.
import { isObject, type JsonObject, type Report } from "../problems";

const MAX_CACHE_BREAKPOINTS = 4;

export function validateCacheControl(request: JsonObject, tools: unknown[], report: Report): void {
  const breakpoints: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (!isObject(value) || value.cache_control === undefined || value.cache_control === null)
      return;
    breakpoints.push(path);
    const cacheControl = value.cache_control;
    const valid =
      isObject(cacheControl) &&
      cacheControl.type === "ephemeral" &&
      (cacheControl.ttl === undefined || cacheControl.ttl === "5m" || cacheControl.ttl === "1h");
    if (!valid) {
      report(
        "error",
        "cache_control_invalid",
        `${path}.cache_control`,
        `${path}.cache_control: Input should be {"type": "ephemeral"} with an optional ttl of "5m" or "1h".`,
      );
    }
  };
  if (Array.isArray(request.system))
    request.system.forEach((block, i) => visit(block, `system.${i}`));
  tools.forEach((tool, i) => visit(tool, `tools.${i}`));
  if (Array.isArray(request.messages)) {
    request.messages.forEach((message, i) => {
      if (isObject(message) && Array.isArray(message.content)) {
        message.content.forEach((block, j) => visit(block, `messages.${i}.content.${j}`));
      }
    });
  }
  if (breakpoints.length > MAX_CACHE_BREAKPOINTS) {
    report(
      "error",
      "too_many_cache_breakpoints",
      breakpoints[MAX_CACHE_BREAKPOINTS] ?? "tools",
      `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints.length}.`,
    );
  }
}
