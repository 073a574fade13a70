import "server-only";
// How a route that connects to an MCP server on a person's behalf (discovery, Try) connects:
// through the address guard (the app's own demo servers answered in process, holding no pool
// slot), with every exchange recorded for the protocol log, secrets masked and then redacted.
import { redactSecrets } from "@/lib/domain/api/redact";
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { clientKey } from "@/lib/server/http/rate-limit";
import { requestOrigin } from "@/lib/server/http/site-settings";
import type { ConnectionSlots, McpConnectOptions } from "@/lib/server/mcp/client";
import { recordProtocol } from "@/lib/server/mcp/protocol-recorder";
import { createGuardedFetch } from "@/lib/server/net/guarded-fetch";
import { processAddressPolicy } from "@/lib/server/settings";

export interface McpRouteEnvironment {
  allowPrivate?: boolean;
  fetch?: typeof fetch;
  /** The open-session cap to count against; the process's own by default. */
  slots?: ConnectionSlots;
}

export function recordedMcpConnection(
  request: Request,
  url: string,
  env: McpRouteEnvironment,
  secrets: readonly (string | null | undefined)[],
): { fetch: typeof fetch; pool: McpConnectOptions["pool"]; log: () => unknown } {
  const inProcess = demoServersInProcess(requestOrigin(request));
  const guardedFetch =
    env.fetch ??
    createGuardedFetch({
      policy: { allowPrivate: env.allowPrivate ?? processAddressPolicy().allowPrivate },
      inProcess,
    });
  const recorder = recordProtocol(guardedFetch);
  return {
    fetch: recorder.fetch,
    pool: inProcess.serves?.(url) ? null : { client: clientKey(request), slots: env.slots },
    log: () => JSON.parse(redactSecrets(JSON.stringify(recorder.entries()), secrets)) as unknown,
  };
}
