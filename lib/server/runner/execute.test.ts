// The runner's failures: an API error that quotes a secret the case resolved never carries it into
// the report, and an aborted run ends every case as stopped.
import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { planCollection } from "@/lib/domain/checks/plan";
import { runCases } from "./execute";

const SECRET = "tok-runner-7f3a9c-SECRET";

function plan() {
  return planCollection(
    {
      version: 1,
      name: "Secrets",
      requests: [
        {
          name: "r",
          request: {
            model: "claude-opus-4-6",
            max_tokens: 64,
            betas: ["mcp-client-2025-11-20"],
            messages: [{ role: "user", content: "hi" }],
            mcp_servers: [
              {
                type: "url",
                name: "s",
                url: "https://mcp.example.com/mcp",
                authorization_token: "{{MCP_TOKEN_S}}",
              },
            ],
            tools: [{ type: "mcp_toolset", mcp_server_name: "s" }],
          },
          checks: [{ no_tool_errors: true }],
        },
      ],
    },
    "secrets.yaml",
    { given: { MCP_TOKEN_S: SECRET } },
  );
}

describe("the runner", () => {
  it("redacts a case's secrets from the error it reports", async () => {
    const { cases, problems } = plan();
    expect(problems).toEqual([]);
    const client = new Anthropic({
      apiKey: "k",
      baseURL: "https://api.invalid",
      maxRetries: 0,
      fetch: () =>
        Promise.resolve(
          Response.json(
            {
              type: "error",
              error: {
                type: "invalid_request_error",
                message: `MCP server refused token ${SECRET}`,
              },
            },
            { status: 400 },
          ),
        ),
    });
    const [result] = await runCases(cases, { client, concurrency: 1 });
    expect(result?.status).toBe("error");
    expect(result?.error?.message).toContain("MCP server refused token");
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it("a stopped run ends its cases as stopped, without sending them", async () => {
    const { cases } = plan();
    let sent = 0;
    const client = new Anthropic({
      apiKey: "k",
      baseURL: "https://api.invalid",
      maxRetries: 0,
      fetch: () => {
        sent += 1;
        return Promise.resolve(new Response("{}"));
      },
    });
    const stop = new AbortController();
    stop.abort();
    const [result] = await runCases(cases, { client, concurrency: 1, signal: stop.signal });
    expect(sent).toBe(0);
    expect(result?.error?.type).toBe("cancelled");
  });
});
