import "server-only";
// The connection doctor: everything between a server URL and a working MCP connection, checked
// in order and said in words with a fix — URL shape, DNS, TCP/TLS, HTTP, transport (and how it
// answers GET/DELETE), initialize (including the version the API's connector sends), auth,
// tools/list against the API's limits, timing. Every connection goes through the address guard.
import { connect as netConnect, isIP, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { lookup } from "node:dns";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Protocol } from "@modelcontextprotocol/sdk/shared/protocol.js";
import { InitializeResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { DEFAULT_LIMITS } from "../limits";
import { connectMcp, listToolEntries, McpConnectionError, type McpSession } from "../mcp/client";
import { refusalFor, type AddressPolicy } from "../net/address-policy";
import { classifyIp } from "../net/ip-class";
import { hasUrlSecrets } from "../request/url-secrets";
import { check, concludeReport, type DoctorCheck, type DoctorReport } from "./checks";

/** What the API's connector has been seen to send (anthropic-sdk-typescript#784, mid-2025). */
export const CONNECTOR_PROTOCOL_VERSION = "2025-03-26";
export const CONNECTOR_CLIENT_INFO = { name: "Anthropic/API", version: "1.0.0" };

export interface DoctorOptions {
  target: "emulator" | "anthropic";
  authorizationToken?: string | null;
  policy: AddressPolicy;
  /** The guarded fetch (with the app's own demo servers answered in-process). */
  fetch: typeof fetch;
  /** The app's own origin: its demo servers are answered in-process, with no network. */
  ownOrigin?: string;
  /** For tests: resolve a name to addresses. */
  resolve?: (hostname: string) => Promise<string[]>;
  timeoutMs?: number;
}

const now = () => performance.now();
const elapsed = (started: number) => Math.round(now() - started);

function resolveWith(
  options: DoctorOptions,
  hostname: string,
  timeoutMs: number,
): Promise<string[]> {
  const resolve =
    options.resolve ??
    ((name: string) =>
      new Promise<string[]>((done, fail) =>
        lookup(name, { all: true, verbatim: true }, (error, addresses) =>
          error ? fail(error) : done(addresses.map((entry) => entry.address)),
        ),
      ));
  return Promise.race([
    resolve(hostname),
    new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs),
    ),
  ]);
}

const TLS_WORDS: Record<string, string> = {
  CERT_HAS_EXPIRED: "the certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the chain ends in a self-signed certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the certificate's issuer is unknown (incomplete chain?)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the certificate's issuer is unknown (incomplete chain?)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the certificate is for another host name",
  CERT_NOT_YET_VALID: "the certificate is not valid yet",
};

/** Opens (and closes) a TCP connection, and TLS over it for https, to the address checked. */
function probeConnect(
  address: string,
  port: number,
  tlsServerName: string | null,
  timeoutMs: number,
): Promise<{ ok: true; tls?: string } | { ok: false; code: string; message: string }> {
  return new Promise((resolve) => {
    let socket: Socket;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, code: "TIMEOUT", message: `no connection within ${timeoutMs} ms` });
    }, timeoutMs);
    const done = (result: Parameters<typeof resolve>[0]) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const onError = (error: NodeJS.ErrnoException) =>
      done({ ok: false, code: error.code ?? "ERROR", message: error.message });
    if (tlsServerName !== null) {
      const tlsSocket = tlsConnect({
        host: address,
        port,
        servername: isIP(tlsServerName) ? undefined : tlsServerName,
        ALPNProtocols: ["http/1.1"],
      });
      socket = tlsSocket;
      tlsSocket.once("secureConnect", () =>
        done({
          ok: true,
          tls: `${tlsSocket.getProtocol() ?? "TLS"}, certificate for ${String(tlsSocket.getPeerCertificate().subject?.CN ?? "?")}`,
        }),
      );
      tlsSocket.once("error", onError);
    } else {
      socket = netConnect({ host: address, port });
      socket.once("connect", () => done({ ok: true }));
      socket.once("error", onError);
    }
  });
}

/** A request that must be answered (with anything) within the deadline. */
async function probeMethod(
  options: DoctorOptions,
  url: string,
  method: "GET" | "DELETE",
  timeoutMs: number,
): Promise<
  { status: number; contentType: string | null; ms: number } | { hang: true } | { error: string }
> {
  const started = now();
  try {
    const response = await options.fetch(url, {
      method,
      headers: {
        accept: "application/json, text/event-stream",
        ...(options.authorizationToken
          ? { authorization: `Bearer ${options.authorizationToken}` }
          : {}),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return {
      status: response.status,
      contentType: response.headers.get("content-type"),
      ms: elapsed(started),
    };
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
      return { hang: true };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** initialize as the API's connector sends it: protocol 2025-03-26, client "Anthropic/API". */
async function probeConnectorInitialize(
  options: DoctorOptions,
  url: string,
  timeoutMs: number,
): Promise<{ ok: true; protocolVersion: string } | { ok: false; message: string }> {
  const client = new Client(CONNECTOR_CLIENT_INFO, { capabilities: {} });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: options.fetch,
    requestInit: options.authorizationToken
      ? { headers: { Authorization: `Bearer ${options.authorizationToken}` } }
      : undefined,
  });
  try {
    // Connect the transport without the SDK client's own initialize (which sends its latest
    // version), then send the connector's initialize through the SDK's request layer.
    await Protocol.prototype.connect.call(client, transport);
    const result = await client.request(
      {
        method: "initialize",
        params: {
          protocolVersion: CONNECTOR_PROTOCOL_VERSION,
          capabilities: {},
          clientInfo: CONNECTOR_CLIENT_INFO,
        },
      },
      InitializeResultSchema,
      { timeout: timeoutMs },
    );
    return { ok: true, protocolVersion: result.protocolVersion };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.close().catch(() => undefined);
  }
}

export async function runDoctor(rawUrl: string, options: DoctorOptions): Promise<DoctorReport> {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const checks: DoctorCheck[] = [];
  const skipRest = (from: DoctorCheck["id"][], why: string) => {
    for (const id of from) checks.push(check(id, "skip", `Not checked: ${why}`));
    return concludeReport(rawUrl, options.target, checks);
  };
  const api = options.target === "anthropic";

  // 1. URL
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    checks.push(
      check("url", "fail", `'${rawUrl}' is not a URL.`, {
        fix: "Enter the server's full URL, e.g. https://mcp.example.com/mcp.",
      }),
    );
    return skipRest(
      ["dns", "connect", "http", "transport", "initialize", "auth", "tools", "timing"],
      "the URL does not parse.",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    checks.push(
      check("url", "fail", `${url.protocol} is not a web URL.`, {
        fix: "MCP servers for the connector are http(s) URLs.",
      }),
    );
    return skipRest(
      ["dns", "connect", "http", "transport", "initialize", "auth", "tools", "timing"],
      "the URL is not http(s).",
    );
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const own = !!options.ownOrigin && url.origin === options.ownOrigin;
  const urlNotes: string[] = [];
  let urlStatus: DoctorCheck["status"] = "pass";
  let urlFix: string | undefined;
  if (url.protocol === "http:" && api) {
    urlStatus = "fail";
    urlNotes.push("the Anthropic API only connects to https:// servers");
    urlFix =
      "Serve the MCP server over https (a tunnel such as a reverse proxy with a certificate works), or use the emulator.";
  } else if (url.protocol === "http:") {
    urlNotes.push("plain http: fine for the emulator; the real API needs https");
    urlStatus = "warn";
  }
  if (isIP(hostname)) {
    urlNotes.push("a bare IP address: the API has been seen to fail on these; use a host name");
    urlStatus = urlStatus === "fail" ? "fail" : "warn";
  }
  if (hasUrlSecrets(rawUrl)) {
    urlNotes.push(
      "it carries credentials or a query string: they travel with every request the API makes",
    );
    urlStatus = urlStatus === "fail" ? "fail" : "warn";
  }
  checks.push(
    check(
      "url",
      urlStatus,
      urlNotes.length
        ? `The URL parses; ${urlNotes.join("; ")}.`
        : "An https URL with a host name.",
      {
        ...(urlFix ? { fix: urlFix } : {}),
      },
    ),
  );

  // 2. DNS (and which network the addresses are on)
  let addresses: string[] = [];
  if (own) {
    checks.push(
      check(
        "dns",
        api ? "fail" : "pass",
        api
          ? "This is the playground's own demo server: only this app reaches it (in-process); the Anthropic API cannot."
          : "The playground's own demo server: answered in-process, no lookup needed.",
        api ? { fix: "Use the emulator for the demo servers." } : {},
      ),
    );
  } else {
    const started = now();
    try {
      addresses = isIP(hostname) ? [hostname] : await resolveWith(options, hostname, timeoutMs);
    } catch (error) {
      const code = (error as { code?: string }).code;
      checks.push(
        check(
          "dns",
          "fail",
          `${hostname} does not resolve (${code ?? (error instanceof Error ? error.message : "no answer")}).`,
          {
            fix: "Check the host name for typos; a name only your network knows cannot be reached by the API.",
            durationMs: elapsed(started),
          },
        ),
      );
      return skipRest(
        ["connect", "http", "transport", "initialize", "auth", "tools", "timing"],
        "the name does not resolve.",
      );
    }
    const classified = addresses.map((address) => ({
      address,
      category: classifyIp(address).category,
    }));
    const refusal = addresses
      .map((address) => refusalFor(address, options.policy, hostname))
      .find(Boolean);
    const nonPublic = classified.filter((entry) => entry.category !== "public");
    const listed = classified.map((entry) => `${entry.address} (${entry.category})`).join(", ");
    if (refusal) {
      checks.push(
        check("dns", "fail", `${hostname} → ${listed}. ${refusal}`, {
          fix: "This playground refuses such addresses; run it with MCP_ALLOW_PRIVATE_NETWORK=true to reach your own network (never metadata addresses).",
          durationMs: elapsed(started),
        }),
      );
      return skipRest(
        ["connect", "http", "transport", "initialize", "auth", "tools", "timing"],
        "the address is refused.",
      );
    }
    checks.push(
      check(
        "dns",
        api && nonPublic.length ? "fail" : nonPublic.length ? "warn" : "pass",
        `${hostname} → ${listed}.${nonPublic.length ? " Not a public address: only the emulator (on this machine or network) can reach it." : ""}`,
        {
          durationMs: elapsed(started),
          ...(nonPublic.length
            ? {
                fix: "The Anthropic API connects from Anthropic's servers: the MCP server needs a publicly reachable host name.",
              }
            : {}),
          detail: { addresses: classified },
        },
      ),
    );
  }

  // 3. TCP / TLS
  if (own) {
    checks.push(check("connect", "pass", "In-process: no network connection."));
  } else {
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    const started = now();
    const result = await probeConnect(
      addresses[0]!,
      port,
      url.protocol === "https:" ? hostname : null,
      timeoutMs,
    );
    if (!result.ok) {
      const words =
        result.code === "ECONNREFUSED"
          ? `Nothing listens on ${addresses[0]}:${port} (connection refused).`
          : result.code === "TIMEOUT"
            ? `No TCP connection to ${addresses[0]}:${port} within ${timeoutMs / 1000} s (a firewall dropping packets?).`
            : TLS_WORDS[result.code]
              ? `TLS failed: ${TLS_WORDS[result.code]} (${result.code}).`
              : `Could not connect: ${result.message} (${result.code}).`;
      checks.push(
        check("connect", "fail", words, {
          fix: TLS_WORDS[result.code]
            ? "The API checks certificates like a browser: use a certificate from a public CA for this exact host name."
            : "Check the server is running and the port is open to the outside.",
          durationMs: elapsed(started),
        }),
      );
      return skipRest(
        ["http", "transport", "initialize", "auth", "tools", "timing"],
        "no connection.",
      );
    }
    checks.push(
      check(
        "connect",
        "pass",
        `Connected to ${addresses[0]}:${port}${result.tls ? ` · ${result.tls}` : ""}.`,
        {
          durationMs: elapsed(started),
        },
      ),
    );
  }

  // 4. HTTP: the server must answer every request, even with 404/405 — a GET that hangs looks
  // like a connect timeout to the connector.
  const methodDeadline = Math.min(timeoutMs, 5_000);
  const get = await probeMethod(options, url.href, "GET", methodDeadline);
  if ("error" in get) {
    checks.push(
      check("http", "fail", `No HTTP answer: ${get.error}.`, {
        fix: "Is this an HTTP server at all? Check the port and the path.",
      }),
    );
    return skipRest(["transport", "initialize", "auth", "tools", "timing"], "no HTTP answer.");
  }
  checks.push(
    "hang" in get
      ? check("http", "fail", `A GET got no answer within ${methodDeadline / 1000} s.`, {
          fix: "Answer GET (and DELETE) at once — 405 Method Not Allowed is fine. The connector treats a hang as a failed connection.",
        })
      : check(
          "http",
          get.contentType?.includes("text/html") && get.status < 300 ? "warn" : "pass",
          `GET answered ${get.status}${get.contentType ? ` (${get.contentType.split(";")[0]})` : ""} in ${get.ms} ms.${get.contentType?.includes("text/html") && get.status < 300 ? " It is a web page: is this the MCP endpoint's path?" : ""}`,
        ),
  );

  // 5–7. Transport, initialize, auth — one MCP connection as this app makes it.
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
    const del = await probeMethod(options, url.href, "DELETE", methodDeadline);
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
  return concludeReport(rawUrl, options.target, checks);
}
