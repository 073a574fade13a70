import "server-only";
// The doctor's protocol checks: an HTTP answer to GET, then one MCP connection as this app makes
// it — transport (and DELETE), initialize (also as the API's connector sends it), auth,
// tools/list against the API's limits, and the time all that took.
import { DEFAULT_LIMITS } from "@/lib/domain/limits";
import {
  connectMcp,
  listToolEntries,
  McpConnectionError,
  type McpSession,
} from "@/lib/server/mcp/client";
import { check } from "@/lib/domain/doctor/checks";
import type { DoctorRun, Stop } from "./network-checks";
import {
  CONNECTOR_PROTOCOL_VERSION,
  elapsed,
  now,
  probeConnectorInitialize,
  probeMethod,
} from "./probes";

/** How long GET and DELETE may take to be answered (with anything). */
export function methodDeadline(run: DoctorRun): number {
  return Math.min(run.timeoutMs, 5_000);
}

/** 4. HTTP: the server must answer every request, even with 404/405. */
export async function checkHttp(run: DoctorRun, url: URL): Promise<Stop | null> {
  const { checks, options } = run;
  // A GET that hangs looks like a connect timeout to the connector.
  const deadline = methodDeadline(run);
  const get = await probeMethod(options, url.href, "GET", deadline);
  if ("error" in get) {
    checks.push(
      check("http", "fail", `No HTTP answer: ${get.error}.`, {
        fix: "Is this an HTTP server at all? Check the port and the path.",
      }),
    );
    return {
      skip: ["transport", "initialize", "auth", "tools", "timing"],
      stop: "no HTTP answer.",
    };
  }
  checks.push(
    "hang" in get
      ? check("http", "fail", `A GET got no answer within ${deadline / 1000} s.`, {
          fix: "Answer GET (and DELETE) at once — 405 Method Not Allowed is fine. The connector treats a hang as a failed connection.",
        })
      : check(
          "http",
          get.contentType?.includes("text/html") && get.status < 300 ? "warn" : "pass",
          `GET answered ${get.status}${get.contentType ? ` (${get.contentType.split(";")[0]})` : ""} in ${get.ms} ms.${get.contentType?.includes("text/html") && get.status < 300 ? " It is a web page: is this the MCP endpoint's path?" : ""}`,
        ),
  );

  return null;
}

/** 5–9. Transport, initialize, auth, tools/list and timing, over one MCP connection. */
export async function checkMcp(run: DoctorRun, url: URL): Promise<void> {
  const { checks, options, timeoutMs } = run;
  const deadline = methodDeadline(run);
  const connectStarted = now();
  let session: McpSession | null = null;
  let connectError: McpConnectionError | null = null;
  try {
    session = await connectMcp(url.href, {
      authorizationToken: options.authorizationToken,
      connectTimeoutMs: timeoutMs,
      fetch: options.fetch,
    });
  } catch (error) {
    connectError =
      error instanceof McpConnectionError
        ? error
        : new McpConnectionError("protocol", String(error));
  }
  const connectMs = elapsed(connectStarted);
  try {
    const del = await probeMethod(options, url.href, "DELETE", deadline);
    const deleteWords =
      "hang" in del
        ? "DELETE hung"
        : "error" in del
          ? `DELETE failed (${del.error})`
          : `DELETE answered ${del.status}`;
    if (session) {
      checks.push(
        check(
          "transport",
          "hang" in del ? "fail" : session.transport === "sse" ? "warn" : "pass",
          `${session.transport === "sse" ? "Legacy SSE (HTTP+SSE, protocol 2024-11-05)" : "Streamable HTTP"} answered; ${deleteWords}.`,
          {
            ...("hang" in del
              ? { fix: "Answer DELETE at once (405 is fine): the connector waits for it." }
              : session.transport === "sse"
                ? {
                    fix: "SSE is deprecated; the connector falls back to it, but Streamable HTTP is the current transport.",
                  }
                : {}),
          },
        ),
      );
    } else if (connectError?.kind === "unauthorized") {
      checks.push(
        check(
          "transport",
          "skip",
          `The server wants authorization before it says more (${deleteWords}).`,
        ),
      );
    } else {
      checks.push(
        check(
          "transport",
          "fail",
          `Neither Streamable HTTP nor SSE worked: ${connectError?.message ?? "unknown"}`,
          {
            fix:
              connectError?.kind === "not_mcp"
                ? "This URL does not speak MCP: check the path (often /mcp or /sse)."
                : "Check the server's MCP endpoint and its logs.",
          },
        ),
      );
    }

    if (session) {
      const legacy = await probeConnectorInitialize(options, url.href, timeoutMs);
      const legacyWords = legacy.ok
        ? legacy.protocolVersion === CONNECTOR_PROTOCOL_VERSION
          ? `it accepts the connector's ${CONNECTOR_PROTOCOL_VERSION} as sent by "Anthropic/API"`
          : `to the connector's ${CONNECTOR_PROTOCOL_VERSION} it answered ${legacy.protocolVersion} (the connector may not accept that)`
        : session.transport === "sse"
          ? "the connector's version was not tried over SSE"
          : `the connector's ${CONNECTOR_PROTOCOL_VERSION} initialize failed: ${legacy.message}`;
      checks.push(
        check(
          "initialize",
          legacy.ok && legacy.protocolVersion !== CONNECTOR_PROTOCOL_VERSION
            ? "warn"
            : !legacy.ok && session.transport !== "sse"
              ? "warn"
              : "pass",
          `${session.serverInfo ? `${session.serverInfo.name} ${session.serverInfo.version}` : "Unnamed server"}, protocol ${session.protocolVersion ?? "(not said)"}; ${legacyWords}.`,
        ),
      );
    } else if (connectError?.kind === "protocol" || connectError?.kind === "not_mcp") {
      checks.push(
        check("initialize", "fail", `initialize failed: ${connectError.message}`, {
          fix: /protocol version/i.test(connectError.message)
            ? "The server answered a protocol version MCP clients do not know; update its MCP SDK."
            : "Check the server's logs for the initialize request.",
        }),
      );
    } else {
      checks.push(check("initialize", "skip", "Not reached."));
    }

    if (session) {
      checks.push(
        check(
          "auth",
          "pass",
          options.authorizationToken
            ? "The bearer token was accepted."
            : "No authorization needed.",
        ),
      );
    } else if (connectError?.kind === "unauthorized") {
      const challenge = connectError.challenge;
      let oauth = "";
      if (challenge?.resourceMetadataUrl) {
        try {
          const metadata = (await (await options.fetch(challenge.resourceMetadataUrl)).json()) as {
            authorization_servers?: string[];
          };
          oauth = ` It uses OAuth: authorization server ${metadata.authorization_servers?.join(", ") ?? "(not named)"}.`;
        } catch {
          oauth = " Its OAuth metadata URL did not answer.";
        }
      }
      checks.push(
        check(
          "auth",
          "fail",
          options.authorizationToken
            ? `The server refused the token (HTTP ${connectError.status ?? 401}${challenge?.error ? `, ${challenge.error}` : ""}).${oauth}`
            : `The server wants a token (HTTP ${connectError.status ?? 401}).${oauth}`,
          {
            fix: challenge?.resourceMetadataUrl
              ? "Sign in (the card's Sign in button) to get a token the server accepts."
              : "Paste a token the server accepts (sent as Authorization: Bearer).",
            ...(challenge ? { detail: { challenge } } : {}),
          },
        ),
      );
    } else {
      checks.push(check("auth", "skip", "Not reached."));
    }

    // 8. tools/list against the API's limits.
    let listMs = 0;
    if (session) {
      const started = now();
      try {
        const entries = await listToolEntries(session, {
          signal: AbortSignal.timeout(timeoutMs),
          limits: { maxTools: DEFAULT_LIMITS.maxTools, maxBytes: DEFAULT_LIMITS.maxToolBytes },
        });
        listMs = elapsed(started);
        const bytes = entries.reduce<number>((sum, entry) => sum + JSON.stringify(entry).length, 0);
        checks.push(
          check(
            "tools",
            entries.length === 0 ? "warn" : "pass",
            `${entries.length} tools, ${Math.round(bytes / 1024)} KB of definitions, in ${listMs} ms (limits: 10,000 tools, 4 MB).`,
            {
              ...(entries.length === 0
                ? { fix: "A server with no tools gives the model nothing to call." }
                : {}),
            },
          ),
        );
      } catch (error) {
        listMs = elapsed(started);
        checks.push(
          check(
            "tools",
            "fail",
            `tools/list failed: ${error instanceof Error ? error.message : String(error)}`,
            {
              fix: "Above the API's limits, defer tools (defer_loading) or split the server.",
            },
          ),
        );
      }
    } else {
      checks.push(check("tools", "skip", "Not reached."));
    }

    // 9. Timing against the connector's patience (not documented: unconfirmed).
    const total = connectMs + listMs;
    checks.push(
      session
        ? check(
            "timing",
            total > 10_000 ? "fail" : total > 3_000 ? "warn" : "pass",
            `Connect and list took ${total} ms. The connector's timeout is not documented (unconfirmed); slow servers have been seen to fail as a 500 or a timeout.`,
            total > 3_000
              ? { fix: "Make initialize and tools/list answer quickly (cache the tool list)." }
              : {},
          )
        : check("timing", "skip", "Not reached."),
    );
  } finally {
    await session?.close();
  }
}
