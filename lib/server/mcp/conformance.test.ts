// Our MCP client code against the MCP conformance suite (a test suite for MCP clients that nobody
// here wrote): the suite starts its scenario server and runs scripts/conformance/client.ts.
import { describe, expect, it } from "vitest";
import { runConformance } from "@/test/support/conformance";

const CLIENT = `${process.execPath} --conditions=react-server --import tsx scripts/conformance/client.ts`;

/**
 * The suite's auth scenarios a browser-based client can support: all of them but the two
 * client-credentials grants (auth/client-credentials-jwt, auth/client-credentials-basic), which
 * are machine-to-machine flows with no person to sign in — not what the playground does.
 */
const AUTH_SCENARIOS = [
  "auth/metadata-default",
  "auth/metadata-var1",
  "auth/metadata-var2",
  "auth/metadata-var3",
  "auth/basic-cimd",
  "auth/scope-from-www-authenticate",
  "auth/scope-from-scopes-supported",
  "auth/scope-omitted-when-undefined",
  "auth/scope-step-up",
  "auth/scope-retry-limit",
  "auth/token-endpoint-auth-basic",
  "auth/token-endpoint-auth-post",
  "auth/token-endpoint-auth-none",
  "auth/resource-mismatch",
  "auth/pre-registration",
  "auth/2025-03-26-oauth-metadata-backcompat",
  "auth/2025-03-26-oauth-endpoint-fallback",
];

// One at a time: parallel scenario runs time out on two cores.
describe.sequential("MCP conformance suite, client scenarios", () => {
  it.each(["initialize", "tools_call", ...AUTH_SCENARIOS])(
    "%s passes every check",
    async (scenario) => {
      const checks = await runConformance(["client", "--command", CLIENT, "--scenario", scenario]);
      const judged = checks.filter((check) => check.status !== "INFO");
      expect(judged.length).toBeGreaterThan(0);
      expect(judged.filter((check) => check.status !== "SUCCESS")).toEqual([]);
    },
    90_000,
  );
});
