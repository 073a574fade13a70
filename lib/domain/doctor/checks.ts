// The connection doctor's vocabulary: the checks it runs, in order, and what each result says.
// Pure: the probes that fill it in are in run.ts.

export const DOCTOR_CHECKS = [
  "url",
  "dns",
  "connect",
  "http",
  "transport",
  "initialize",
  "auth",
  "tools",
  "timing",
] as const;
export type DoctorCheckId = (typeof DOCTOR_CHECKS)[number];

export const DOCTOR_TITLES: Record<DoctorCheckId, string> = {
  url: "URL",
  dns: "DNS",
  connect: "TCP / TLS",
  http: "HTTP",
  transport: "Transport",
  initialize: "initialize",
  auth: "Authorization",
  tools: "tools/list",
  timing: "Timing",
};

export type CheckStatus = "pass" | "warn" | "fail" | "skip";

export interface DoctorCheck {
  id: DoctorCheckId;
  title: string;
  status: CheckStatus;
  /** What was found, in words. */
  summary: string;
  /** What to do about it, when something is wrong. */
  fix?: string;
  durationMs?: number;
  detail?: Record<string, unknown>;
}

/** The API's error texts people meet, and the checks whose failure explains them. */
export const API_ERROR_TEXTS = [
  {
    text: "Failed to connect to MCP server '…'",
    checks: ["url", "dns", "connect", "http", "transport", "initialize", "timing"],
  },
  {
    text: "Invalid authorization token for MCP server '…'. Please check your token and try again.",
    checks: ["auth"],
  },
  {
    text: "available_tools_limit_exceeded",
    checks: ["tools"],
  },
] as const satisfies readonly { text: string; checks: readonly DoctorCheckId[] }[];

export interface DoctorReport {
  url: string;
  target: "emulator" | "anthropic";
  checks: DoctorCheck[];
  /** One sentence: can the target use this server? */
  verdict: { status: "ok" | "warn" | "fail"; message: string };
  /** Which of the API's error texts the failing checks would produce. */
  explains: { text: string; because: string }[];
}

export function check(
  id: DoctorCheckId,
  status: CheckStatus,
  summary: string,
  extra: Partial<Pick<DoctorCheck, "fix" | "durationMs" | "detail">> = {},
): DoctorCheck {
  return { id, title: DOCTOR_TITLES[id], status, summary, ...extra };
}

/** How the DNS check starts when the address policy refused what a name resolves to. */
export const POLICY_REFUSAL = "Refused by this playground's address policy";

/** An API error text with the server's name where the API puts it (`'…'` until then). */
export function explainFor(text: string, serverName: string): string {
  return serverName ? text.replace("'…'", `'${serverName}'`) : text;
}

/** The verdict and the API-error explanations from the checks. */
export function concludeReport(
  url: string,
  target: DoctorReport["target"],
  checks: DoctorCheck[],
): DoctorReport {
  const failed = checks.filter((entry) => entry.status === "fail");
  const warned = checks.filter((entry) => entry.status === "warn");
  const where = target === "anthropic" ? "The Anthropic API" : "The emulator";
  const refused = failed.find((entry) => entry.summary.startsWith(POLICY_REFUSAL));
  const verdict: DoctorReport["verdict"] = refused
    ? {
        status: "fail",
        message: `${where} cannot use this server: ${POLICY_REFUSAL.toLowerCase()} (MCP_ALLOW_PRIVATE_NETWORK).`,
      }
    : failed.length
      ? {
          status: "fail",
          message: `${where} cannot use this server: ${failed.map((entry) => entry.title).join(", ")} failed.`,
        }
      : warned.length
        ? {
            status: "warn",
            message: `${where} can reach this server, with ${warned.length} warning${warned.length === 1 ? "" : "s"}: ${warned.map((entry) => entry.title).join(", ")}.`,
          }
        : {
            status: "ok",
            message: `Every check passed: ${where} should be able to use this server.`,
          };
  const explains = API_ERROR_TEXTS.flatMap((error) => {
    const cause = failed.find((entry) => (error.checks as readonly string[]).includes(entry.id));
    return cause ? [{ text: error.text, because: `${cause.title}: ${cause.summary}` }] : [];
  });
  return { url, target, checks, verdict, explains };
}
