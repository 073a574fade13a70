import "server-only";
// The doctor's probes: a name resolved, a TCP (and TLS) connection opened, a method that must be
// answered, and initialize as the API's connector sends it. Each reports; none decides.
import { lookup } from "node:dns";
import { connect as netConnect, isIP, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Protocol } from "@modelcontextprotocol/sdk/shared/protocol.js";
import { InitializeResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { endSession } from "@/lib/server/mcp/client";
import { unsupportedRevisionOf, type UnsupportedRevision } from "@/lib/server/mcp/errors";
import type { AddressPolicy } from "@/lib/domain/net/address-policy";

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
  /** Whose connection the doctor's MCP session is (see connectMcp); null: not counted. */
  pool?: { client: string } | null;
}

export const now = () => performance.now();
export const elapsed = (started: number) => Math.round(now() - started);

export function resolveWith(
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

export const TLS_WORDS: Record<string, string> = {
  CERT_HAS_EXPIRED: "the certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the chain ends in a self-signed certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the certificate's issuer is unknown (incomplete chain?)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the certificate's issuer is unknown (incomplete chain?)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the certificate is for another host name",
  CERT_NOT_YET_VALID: "the certificate is not valid yet",
};

/** Opens (and closes) a TCP connection, and TLS over it for https, to the address checked. */
export function probeConnect(
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
export async function probeMethod(
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
export async function probeConnectorInitialize(
  options: DoctorOptions,
  url: string,
  timeoutMs: number,
): Promise<
  | { ok: true; protocolVersion: string }
  | { ok: false; message: string; unsupportedRevision?: UnsupportedRevision }
> {
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
    const revision = unsupportedRevisionOf(error);
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      ...(revision ? { unsupportedRevision: revision } : {}),
    };
  } finally {
    // The probe's session is ended too (a stateful server would keep it otherwise).
    await endSession(transport);
    await client.close().catch(() => undefined);
  }
}
