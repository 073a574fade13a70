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
import { SERVER_FAILED } from "@/lib/server/mcp/errors";
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

/** One MCP connection as this app makes it, or why it could not be made. */
interface Connection {
  session: McpSession | null;
  error: McpConnectionError | null;
  connectMs: number;
}

/** 5–9. Transport, initialize, auth, tools/list and timing, over one MCP connection. */
export async function checkMcp(run: DoctorRun, url: URL): Promise<void> {
  const connection = await connect(run, url);
  try {
    await checkTransport(run, url, connection);
    await checkInitialize(run, url, connection);
    await checkAuth(run, connection);
    const listMs = await checkTools(run, connection.session);
    checkTiming(run, connection, listMs);
  } finally {
    await connection.session?.close();
  }
}

async function connect(run: DoctorRun, url: URL): Promise<Connection> {
  const started = now();
  try {
    const session = await connectMcp(url.href, {
      authorizationToken: run.options.authorizationToken,
      connectTimeoutMs: run.timeoutMs,
      fetch: run.options.fetch,
      pool: run.options.pool,
    });
    return { session, error: null, connectMs: elapsed(started) };
  } catch (error) {
    return {
      session: null,
      error:
        error instanceof McpConnectionError
          ? error
          : new McpConnectionError("protocol", String(error)),
      connectMs: elapsed(started),
    };
  }
}

/** 5. Transport: which one answered, and whether DELETE is answered (the connector waits for it). */
async function checkTransport(run: DoctorRun, url: URL, { session, error }: Connection) {
  const del = await probeMethod(run.options, url.href, "DELETE", methodDeadline(run));
  const deleteWords =
    "hang" in del
      ? "DELETE hung"
      : "error" in del
        ? `DELETE failed (${del.error})`
        : `DELETE answered ${del.status}`;
  if (error?.unsupportedRevision) {
    // It answered initialize over Streamable HTTP: the transport works, the revision does not.
    run.checks.push(
      check("transport", "pass", `Streamable HTTP answered (initialize refused); ${deleteWords}.`),
    );
  } else if (session) {
    const sse = session.transport === "sse";
    run.checks.push(
      check(
        "transport",
        "hang" in del ? "fail" : sse ? "warn" : "pass",
        `${sse ? "Legacy SSE (HTTP+SSE, protocol 2024-11-05)" : "Streamable HTTP"} answered; ${deleteWords}.`,
        "hang" in del
          ? { fix: "Answer DELETE at once (405 is fine): the connector waits for it." }
          : sse
            ? {
                fix: "SSE is deprecated; the connector falls back to it, but Streamable HTTP is the current transport.",
              }
            : {},
      ),
    );
  } else if (error?.kind === "unauthorized") {
    run.checks.push(
      check(
        "transport",
        "skip",
        `The server wants authorization before it says more (${deleteWords}).`,
      ),
    );
  } else {
    run.checks.push(
      check(
        "transport",
        "fail",
        `Neither Streamable HTTP nor SSE worked: ${error?.message ?? "unknown"}`,
        {
          fix:
            error?.kind === "not_mcp" && !error.message.startsWith(SERVER_FAILED)
              ? "This URL does not speak MCP: check the path (often /mcp or /sse)."
              : "Check the server's MCP endpoint and its logs.",
        },
      ),
    );
  }
}

/** 6. initialize: the server's name and protocol, and whether it takes the connector's version. */
async function checkInitialize(run: DoctorRun, url: URL, { session, error }: Connection) {
  if (!session && error?.unsupportedRevision) {
    const connector = await probeConnectorInitialize(run.options, url.href, run.timeoutMs);
    run.checks.push(
      check(
        "initialize",
        connector.ok ? "warn" : "fail",
        `initialize failed: ${error.message} The connector sends ${CONNECTOR_PROTOCOL_VERSION}, ${connector.ok ? `which it accepts (it answered ${connector.protocolVersion})` : "which it refuses too"}.`,
        {
          fix: connector.ok
            ? "The connector can use it; this app's discovery cannot until the server also takes a newer revision."
            : `The connector cannot use this server until it also speaks ${CONNECTOR_PROTOCOL_VERSION} (or a revision the connector sends): ask its maintainers to keep backwards compatibility.`,
        },
      ),
    );
    return;
  }
  if (!session) {
    run.checks.push(
      error?.kind === "protocol" || error?.kind === "not_mcp"
        ? check("initialize", "fail", `initialize failed: ${error.message}`, {
            fix: /protocol version/i.test(error.message)
              ? "The server answered a protocol version MCP clients do not know; update its MCP SDK."
              : "Check the server's logs for the initialize request.",
          })
        : check("initialize", "skip", "Not reached."),
    );
    return;
  }
  const legacy = await probeConnectorInitialize(run.options, url.href, run.timeoutMs);
  const legacyWords = legacy.ok
    ? legacy.protocolVersion === CONNECTOR_PROTOCOL_VERSION
      ? `it accepts the connector's ${CONNECTOR_PROTOCOL_VERSION} as sent by "Anthropic/API"`
      : `to the connector's ${CONNECTOR_PROTOCOL_VERSION} it answered ${legacy.protocolVersion} (the connector may not accept that)`
    : session.transport === "sse"
      ? "the connector's version was not tried over SSE"
      : legacy.unsupportedRevision
        ? `it refuses the connector's ${CONNECTOR_PROTOCOL_VERSION} (it speaks ${legacy.unsupportedRevision.supported.join(", ") || "a revision it did not name"}), so the connector cannot use it`
        : `the connector's ${CONNECTOR_PROTOCOL_VERSION} initialize failed: ${legacy.message}`;
  const warn =
    (legacy.ok && legacy.protocolVersion !== CONNECTOR_PROTOCOL_VERSION) ||
    (!legacy.ok && session.transport !== "sse");
  run.checks.push(
    check(
      "initialize",
      warn ? "warn" : "pass",
      `${session.serverInfo ? `${session.serverInfo.name} ${session.serverInfo.version}` : "Unnamed server"}, protocol ${session.protocolVersion ?? "(not said)"}; ${legacyWords}.`,
    ),
  );
}

/** 7. Auth: the token accepted, or what the server asked for (and its OAuth metadata). */
async function checkAuth(run: DoctorRun, { session, error }: Connection) {
  const { checks, options } = run;
  if (session) {
    checks.push(
      check(
        "auth",
        "pass",
        options.authorizationToken ? "The bearer token was accepted." : "No authorization needed.",
      ),
    );
    return;
  }
  if (error?.kind !== "unauthorized") {
    checks.push(check("auth", "skip", "Not reached."));
    return;
  }
  const challenge = error.challenge;
  const oauth = challenge?.resourceMetadataUrl
    ? await describeOAuth(run, challenge.resourceMetadataUrl)
    : "";
  const status = `HTTP ${error.status ?? 401}`;
  checks.push(
    check(
      "auth",
      "fail",
      options.authorizationToken
        ? `The server refused the token (${status}${challenge?.error ? `, ${challenge.error}` : ""}).${oauth}`
        : `The server wants a token (${status}).${oauth}`,
      {
        fix: challenge?.resourceMetadataUrl
          ? "Sign in (the card's Sign in button) to get a token the server accepts."
          : "Paste a token the server accepts (sent as Authorization: Bearer).",
        ...(challenge ? { detail: { challenge } } : {}),
      },
    ),
  );
}

async function describeOAuth(run: DoctorRun, metadataUrl: string): Promise<string> {
  try {
    const metadata = (await (await run.options.fetch(metadataUrl)).json()) as {
      authorization_servers?: string[];
    };
    return ` It uses OAuth: authorization server ${metadata.authorization_servers?.join(", ") ?? "(not named)"}.`;
  } catch {
    return " Its OAuth metadata URL did not answer.";
  }
}

/** 8. tools/list against the API's limits; returns how long listing took. */
async function checkTools(run: DoctorRun, session: McpSession | null): Promise<number> {
  if (!session) {
    run.checks.push(check("tools", "skip", "Not reached."));
    return 0;
  }
  const started = now();
  try {
    const entries = await listToolEntries(session, {
      signal: AbortSignal.timeout(run.timeoutMs),
      limits: { maxTools: DEFAULT_LIMITS.maxTools, maxBytes: DEFAULT_LIMITS.maxToolBytes },
    });
    const listMs = elapsed(started);
    const bytes = entries.reduce<number>((sum, entry) => sum + JSON.stringify(entry).length, 0);
    run.checks.push(
      check(
        "tools",
        entries.length === 0 ? "warn" : "pass",
        `${entries.length} tools, ${Math.round(bytes / 1024)} KB of definitions, in ${listMs} ms (limits: 10,000 tools, 4 MB of definitions; each answer at most 5 MiB, each tool call at most 30 s).`,
        entries.length === 0
          ? { fix: "A server with no tools gives the model nothing to call." }
          : {},
      ),
    );
    return listMs;
  } catch (error) {
    run.checks.push(
      check(
        "tools",
        "fail",
        `tools/list failed: ${error instanceof Error ? error.message : String(error)}`,
        { fix: "Above the API's limits, defer tools (defer_loading) or split the server." },
      ),
    );
    return elapsed(started);
  }
}

/** 9. Timing against the connector's patience (not documented: unconfirmed). */
function checkTiming(run: DoctorRun, { session, connectMs }: Connection, listMs: number) {
  const total = connectMs + listMs;
  run.checks.push(
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
}
