// OpenAI's `allowed_tools: { read_only: true }` has no counterpart in a toolset: the playground
// holds it as a flag until the server's tools are known, then writes it out as an allowlist of
// the tools annotated read-only (plus any named ones), and drops the flag.
import type { NewId } from "./composer";
import type { ServerDraft } from "./types";

export function applyReadOnlyAllowlist(
  server: ServerDraft,
  tools: readonly { name: string; readOnly: boolean }[],
  newId: NewId,
): ServerDraft {
  if (!server.readOnlyAllowlist) return server;
  const named = new Set(server.configs.map((row) => row.tool));
  const readOnly = tools.filter((tool) => tool.readOnly && !named.has(tool.name));
  const { readOnlyAllowlist: _done, ...rest } = server;
  return {
    ...rest,
    defaultConfig: { ...server.defaultConfig, enabled: false },
    configs: [
      ...server.configs,
      ...readOnly.map((tool) => ({ id: newId(), tool: tool.name, enabled: true })),
    ],
  };
}
