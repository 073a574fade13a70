// mcp_servers: each an object of known keys, type url, a unique non-empty name, a URL the target
// takes (https://, or loopback http:// for the emulator), a string token, no leftover
// tool_configuration under the current beta.
import { MCP_BETA_CURRENT, MCP_BETA_DEPRECATED } from "../betas";
import {
  isObject,
  reportExtraKeys,
  type Report,
  type ValidationContext,
  type ValidationTarget,
} from "../problems";

const SERVER_KEYS = new Set(["type", "url", "name", "authorization_token", "tool_configuration"]);

/** Checks every server; returns the names defined, each with its index. */
export function validateServers(
  servers: unknown[],
  options: { hasCurrentBeta: boolean; context: ValidationContext; report: Report },
): Map<string, number> {
  const { context, report } = options;
  const names = new Map<string, number>();
  servers.forEach((server, index) => {
    const path = `mcp_servers.${index}`;
    if (!isObject(server)) {
      report("error", "invalid_request", path, `${path}: Input should be an object.`);
      return;
    }
    if (typeof server.type === "string" && server.type !== "url") {
      // Another kind of server (a stdio entry): its type is what is wrong, not its own fields.
      report(
        "error",
        "server_type",
        `${path}.type`,
        `${path}.type: '${server.type}' servers are not reachable by the connector, which speaks to MCP servers over HTTP only (type 'url'). Put a stdio server behind an HTTP gateway, or use the client-side export.`,
      );
      if (typeof server.name === "string" && server.name.trim() && !names.has(server.name))
        names.set(server.name, index);
      return;
    }
    reportExtraKeys(server, SERVER_KEYS, path, report);
    if (server.type !== "url") {
      report(
        "error",
        "server_type",
        `${path}.type`,
        `${path}.type: Input should be 'url' (the only supported type).`,
      );
    }

    const name = typeof server.name === "string" ? server.name : "";
    if (name.trim() === "") {
      report(
        "error",
        "name_empty",
        `${path}.name`,
        `${path}.name: Every MCP server needs a name; its mcp_toolset refers to it.`,
      );
    } else if (names.has(name)) {
      report(
        "error",
        "name_duplicate",
        `${path}.name`,
        `MCP server name '${name}' is used twice (mcp_servers.${names.get(name)} and ${path}). Names must be unique: rename one.`,
      );
    } else {
      names.set(name, index);
    }

    validateServerUrl(server.url, `${path}.url`, name, context.target ?? "anthropic", report);

    if (
      server.authorization_token !== undefined &&
      server.authorization_token !== null &&
      typeof server.authorization_token !== "string"
    ) {
      report(
        "error",
        "invalid_request",
        `${path}.authorization_token`,
        `${path}.authorization_token: Input should be a string.`,
      );
    }
    if (
      server.tool_configuration !== undefined &&
      server.tool_configuration !== null &&
      options.hasCurrentBeta
    ) {
      report(
        "warning",
        "legacy_tool_configuration",
        `${path}.tool_configuration`,
        `tool_configuration is the deprecated ${MCP_BETA_DEPRECATED} shape. Under ${MCP_BETA_CURRENT} set enabled tools in this server's mcp_toolset instead (how the API treats a leftover tool_configuration is unconfirmed).`,
      );
    }
  });
  return names;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return (
    LOOPBACK_HOSTS.has(hostname) ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname) ||
    hostname.endsWith(".localhost")
  );
}

function validateServerUrl(
  value: unknown,
  path: string,
  name: string,
  target: ValidationTarget,
  report: Report,
): void {
  const label = name ? `MCP server '${name}'` : "This MCP server";
  if (typeof value !== "string" || value.trim() === "") {
    report(
      "error",
      "url_invalid",
      path,
      `${path}: ${label} needs a URL, e.g. https://mcp.example.com/mcp.`,
    );
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    report(
      "error",
      "url_invalid",
      path,
      `${path}: '${value}' is not a valid URL. Use a full address such as https://mcp.example.com/mcp.`,
    );
    return;
  }
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && target === "emulator" && isLoopbackHost(url.hostname)) {
    report(
      // The emulator on this machine reaches it: information, nothing to fix.
      "info",
      "url_loopback_http",
      path,
      `${label} uses http:// on this machine: fine for the emulator; the real API needs https://.`,
    );
    return;
  }
  report(
    "error",
    "url_not_https",
    path,
    `${path}: the URL of ${label} must start with https:// (the API accepts only https:// MCP servers).`,
  );
}
