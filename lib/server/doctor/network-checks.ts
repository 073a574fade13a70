import "server-only";
// The doctor's first three checks: the URL's shape, what its name resolves to (and whether this
// playground may connect there), and a TCP/TLS connection to the very address checked.
import { isIP } from "node:net";
import { refusalFor } from "@/lib/domain/net/address-policy";
import { classifyIp } from "@/lib/domain/net/ip-class";
import { hasUrlSecrets } from "@/lib/domain/request/url-secrets";
import { check, POLICY_REFUSAL, type DoctorCheck } from "@/lib/domain/doctor/checks";
import { elapsed, now, probeConnect, resolveWith, TLS_WORDS, type DoctorOptions } from "./probes";

/** One run of the doctor: what every check reads, and the list they add to. */
export interface DoctorRun {
  rawUrl: string;
  options: DoctorOptions;
  timeoutMs: number;
  /** The target is the Anthropic API (not the emulator). */
  api: boolean;
  checks: DoctorCheck[];
}

/** A check that failed so that the ones after it cannot run: they are skipped, saying why. */
export interface Stop {
  skip: DoctorCheck["id"][];
  stop: string;
}

export function isStop(value: unknown): value is Stop {
  return typeof value === "object" && value !== null && "stop" in value;
}

/** 1. The URL: http(s), a host name rather than a bare IP, no secrets in it. */
export function checkUrl(run: DoctorRun): { url: URL; hostname: string; own: boolean } | Stop {
  const { checks, options, api, rawUrl } = run;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    checks.push(
      check("url", "fail", `'${rawUrl}' is not a URL.`, {
        fix: "Enter the server's full URL, e.g. https://mcp.example.com/mcp.",
      }),
    );
    return {
      skip: ["dns", "connect", "http", "transport", "initialize", "auth", "tools", "timing"],
      stop: "the URL does not parse.",
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    checks.push(
      check("url", "fail", `${url.protocol} is not a web URL.`, {
        fix: "MCP servers for the connector are http(s) URLs.",
      }),
    );
    return {
      skip: ["dns", "connect", "http", "transport", "initialize", "auth", "tools", "timing"],
      stop: "the URL is not http(s).",
    };
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

  return { url, hostname, own };
}

/** 2. DNS, and which network the addresses are on. */
export async function checkDns(
  run: DoctorRun,
  hostname: string,
  own: boolean,
): Promise<string[] | Stop> {
  const { checks, options, timeoutMs, api } = run;
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
      return {
        skip: ["connect", "http", "transport", "initialize", "auth", "tools", "timing"],
        stop: "the name does not resolve.",
      };
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
        // The refusal names no address a name resolves to (that would map internal DNS).
        check("dns", "fail", `${POLICY_REFUSAL}: ${refusal}`, {
          fix: "This playground refuses such addresses; run it with MCP_ALLOW_PRIVATE_NETWORK=true to reach your own network (never metadata addresses).",
          durationMs: elapsed(started),
        }),
      );
      return {
        skip: ["connect", "http", "transport", "initialize", "auth", "tools", "timing"],
        stop: "the address is refused.",
      };
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

  return addresses;
}

/** 3. TCP, and TLS for https, to the first address checked. */
export async function checkConnect(
  run: DoctorRun,
  url: URL,
  hostname: string,
  own: boolean,
  addresses: string[],
): Promise<Stop | null> {
  const { checks, timeoutMs } = run;
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
      return {
        skip: ["http", "transport", "initialize", "auth", "tools", "timing"],
        stop: "no connection.",
      };
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

  return null;
}
