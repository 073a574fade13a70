// Maps a problem's API path (`mcp_servers.0.url`, `tools.2.configs.x`) to the id of the composer
// field that holds the value, so clicking a problem can focus it.
import { firstToolsetIndex, toolsetServers } from "./build-request";
import { connectorServers, type ComposerState } from "./types";

export const FIELD_IDS = {
  model: "field-model",
  maxTokens: "field-max-tokens",
  system: "field-system",
  message: "field-message",
  beta: "field-beta",
  toolSearch: "field-tool-search",
} as const;

export function serverFieldId(
  serverId: string,
  field:
    | "url"
    | "name"
    | "token"
    | "default-enabled"
    | "default-defer"
    | "cache"
    | "card"
    | "connection"
    | "command"
    | "args"
    | "env",
): string {
  return `server-${serverId}-${field}`;
}

/** The tool-name field of one `configs` row on a server's card. */
export function configRowFieldId(serverId: string, rowId: string): string {
  return `server-${serverId}-config-${rowId}-tool`;
}

export function fieldIdForPath(path: string, state: ComposerState): string | undefined {
  const parts = path.split(".");
  const [head, second, third, fourth] = parts;
  switch (head) {
    case "model":
      return FIELD_IDS.model;
    case "max_tokens":
      return FIELD_IDS.maxTokens;
    case "system":
      return FIELD_IDS.system;
    case "messages":
      return FIELD_IDS.message;
    case "betas":
      return FIELD_IDS.beta;
    case "mcp_servers": {
      const server = connectorServers(state.servers)[Number(second)];
      if (!server) return undefined;
      if (third === "url") return serverFieldId(server.id, "url");
      if (third === "name") return serverFieldId(server.id, "name");
      if (third === "authorization_token") return serverFieldId(server.id, "token");
      return serverFieldId(server.id, "card");
    }
    case "tools": {
      if (second === undefined) return FIELD_IDS.toolSearch;
      const toolIndex = Number(second);
      const offset = firstToolsetIndex(state);
      if (toolIndex < offset) return FIELD_IDS.toolSearch;
      const server = toolsetServers(state)[toolIndex - offset];
      if (!server) return undefined;
      if (third === "default_config") {
        return serverFieldId(
          server.id,
          fourth === "defer_loading" ? "default-defer" : "default-enabled",
        );
      }
      if (third === "cache_control") return serverFieldId(server.id, "cache");
      if (third === "configs" && parts.length > 3) {
        // Tool names may contain dots: match the longest row name that starts the rest.
        const rest = parts.slice(3).join(".");
        const row = server.configs
          .filter(({ tool }) => tool.trim() !== "")
          .sort((a, b) => b.tool.length - a.tool.length)
          .find(({ tool }) => rest === tool.trim() || rest.startsWith(`${tool.trim()}.`));
        if (row) return configRowFieldId(server.id, row.id);
      }
      if (third === "mcp_server_name") return serverFieldId(server.id, "name");
      return serverFieldId(server.id, "card");
    }
    default:
      return undefined;
  }
}
