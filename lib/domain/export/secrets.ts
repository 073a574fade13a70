// Secrets in exported code are environment variables, never values: the API key, each server's
// token, and a URL carrying credentials or a query string. Each gets one variable, named after its
// server; the request is written with a marker in each secret's place, which each language then
// prints as its own way of reading the variable.
import type { MessagesRequest } from "@/lib/domain/request/build-request";
import { hasUrlSecrets } from "@/lib/domain/request/url-secrets";

export const API_KEY_ENV = "ANTHROPIC_API_KEY";

/** A secret a snippet reads from the environment: a server's token, or its whole URL. */
export interface SecretVariable {
  serverIndex: number;
  serverName: string;
  env: string;
  field: "authorization_token" | "url";
}

export interface SecretOptions {
  /** Names of the servers whose URL credentials and query string may appear as they are. */
  keepUrlSecrets?: readonly string[];
  /** The placeholder markers' random part; fresh per generation unless a test fixes it. */
  nonce?: string;
}

/** An environment variable name from a prefix and a server's name: MCP_TOKEN_MY_CALENDAR. */
export function envName(prefix: string, serverName: string): string {
  return `${prefix}_${
    serverName
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "SERVER"
  }`;
}

/**
 * One environment variable per secret, named after the server: MCP_TOKEN_CALENDAR for a token,
 * MCP_URL_CALENDAR for a URL whose credentials or query string must not be written out.
 */
export function secretVariables(
  params: Pick<MessagesRequest, "mcp_servers">,
  options: Pick<SecretOptions, "keepUrlSecrets"> = {},
): SecretVariable[] {
  const taken = new Set<string>();
  const variables: SecretVariable[] = [];
  const add = (serverIndex: number, serverName: string, field: SecretVariable["field"]) => {
    const stem = envName(field === "url" ? "MCP_URL" : "MCP_TOKEN", serverName);
    let env = stem;
    for (let n = 2; taken.has(env); n += 1) env = `${stem}_${n}`;
    taken.add(env);
    variables.push({ serverIndex, serverName, env, field });
  };
  (params.mcp_servers ?? []).forEach((server, serverIndex) => {
    if (hasUrlSecrets(server.url) && !options.keepUrlSecrets?.includes(server.name))
      add(serverIndex, server.name, "url");
    if (server.authorization_token) add(serverIndex, server.name, "authorization_token");
  });
  return variables;
}

function randomNonce(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export interface PreparedRequest {
  /** The request without its betas, every secret replaced by a marker string. */
  body: Omit<MessagesRequest, "betas">;
  betas: string[];
  variables: SecretVariable[];
  /** The environment variable a marker stands for; null for any other string. */
  envOf: (value: string) => string | null;
  /** Replaces each JSON-quoted marker in `text` by `as(env)`. */
  replaceMarkers: (text: string, as: (env: string) => string) => string;
  /**
   * curl's heredoc delimiter: `JSON`, readable and fixed. The body is indented JSON, so no line of
   * it can be the bare word (every string is quoted, a newline in one is `\n`).
   */
  heredoc: string;
}

/**
 * The params with every secret replaced by a marker, and the betas split off (a header, or an SDK
 * argument). Markers carry a random part, so no text in the request can pose as one.
 */
export function prepareRequest(
  params: MessagesRequest,
  options: SecretOptions = {},
): PreparedRequest {
  const variables = secretVariables(params, options);
  const nonce = options.nonce ?? randomNonce();
  const marker = (env: string) => `__MCP_PLAYGROUND_${nonce}_${env}__`;
  const byMarker = new Map(variables.map(({ env }) => [marker(env), env]));
  const { betas, ...rest } = params;
  const body: Omit<MessagesRequest, "betas"> = {
    ...rest,
    ...(rest.mcp_servers
      ? {
          mcp_servers: rest.mcp_servers.map((server, index) => {
            const replaced = { ...server };
            for (const variable of variables.filter((v) => v.serverIndex === index))
              replaced[variable.field] = marker(variable.env);
            return replaced;
          }),
        }
      : {}),
  };
  return {
    body,
    betas: betas ?? [],
    variables,
    envOf: (value) => byMarker.get(value) ?? null,
    replaceMarkers: (text, as) => {
      let out = text;
      for (const { env } of variables) out = out.replaceAll(JSON.stringify(marker(env)), as(env));
      return out;
    },
    heredoc: "JSON",
  };
}
