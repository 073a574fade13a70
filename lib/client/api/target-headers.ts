// The headers our Messages routes read: the target, and the browser's own key when it gives one.
import type { Target } from "@/lib/domain/request/targets";

export function targetHeaders(target: Target, apiKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-playground-target": target,
  };
  if (target === "anthropic" && apiKey) headers["x-playground-api-key"] = apiKey;
  return headers;
}
