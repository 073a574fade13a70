// Our MCP client code against the MCP conformance suite (a test suite for MCP clients that nobody
// here wrote): the suite starts its scenario server and runs scripts/conformance/client.ts.
import { describe, expect, it } from "vitest";
import { runConformance } from "../testing/conformance";

const CLIENT = `${process.execPath} --conditions=react-server --import tsx scripts/conformance/client.ts`;

// One at a time: parallel scenario runs time out on two cores.
describe.sequential("MCP conformance suite, client scenarios", () => {
  it.each(["initialize", "tools_call"])(
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
