// POST /api/mcp/call against the demo servers and @modelcontextprotocol/server-everything: a call
// with nested input, an enum, an error result, an image result; the guard and caps of discovery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/mcp/call/route";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { serveDemoServers } from "@/test/support/demo-servers";
import { serveHandler } from "@/test/support/serve-handler";
import { startServerEverything, type RunningServer } from "@/test/support/server-everything";
import { handleCallRequest, type CallAnswer } from "./call-route";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
let everything: RunningServer;
beforeAll(async () => {
  [demo, everything] = await Promise.all([serveDemoServers(), startServerEverything()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([demo.close(), everything.stop()]);
});

const post = (body: unknown) =>
  new Request("http://localhost/api/mcp/call", {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const call = (body: unknown) => handleCallRequest(post(body), { allowPrivate: true });
const answerOf = async (response: Response) => (await response.json()) as CallAnswer;
const textOf = (answer: CallAnswer) => answer.block.content.map((part) => part.text).join("\n");

describe("POST /api/mcp/call", () => {
  it("calls a tool with nested input, an enum and an array, as an mcp_tool_result", async () => {
    const response = await call({
      url: demo.url("calendar"),
      tool: "create_event",
      arguments: {
        title: "Planning",
        start: "2026-11-24T10:00",
        visibility: "private",
        attendees: ["ana@example.com", "bo@example.com"],
        reminder: { minutes_before: 15, method: "email" },
      },
    });
    expect(response.status).toBe(200);
    const answer = await answerOf(response);
    expect(answer.block).toMatchObject({ type: "mcp_tool_result", is_error: false });
    expect(textOf(answer)).toBe(
      "Created 'Planning' at 2026-11-24T10:00 for 30 minutes, private, with ana@example.com, bo@example.com, reminder 15 min before by email (demo: not stored).",
    );
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
    expect((answer.log as { rpc: string[] }[]).flatMap((entry) => entry.rpc)).toContain(
      "tools/call",
    );
  });

  it("answers a tool's own failure and a refused input as is_error results, loud", async () => {
    const failed = await answerOf(
      await call({
        url: demo.url("tasks"),
        authorization_token: DEMO_TASKS_TOKEN,
        tool: "sync_tasks",
      }),
    );
    expect(failed.block.is_error).toBe(true);
    expect(textOf(failed)).toContain("Sync failed");
    // The server's own input check (an enum value it does not take) comes back as an error result.
    const refused = await answerOf(
      await call({
        url: everything.url,
        tool: "get-structured-content",
        arguments: { location: "Paris" },
      }),
    );
    expect(refused.block.is_error).toBe(true);
    expect(textOf(refused)).toMatch(/location|invalid/i);
  });

  it("shows an image result as the API would (its placeholder), with the raw result's size", async () => {
    const answer = await answerOf(await call({ url: everything.url, tool: "get-tiny-image" }));
    expect(answer.block.is_error).toBe(false);
    expect(textOf(answer)).toContain(
      "[MCP tool returned an image (format: image/png) but the Anthropic API doesn't currently support image responses]",
    );
    expect(JSON.stringify(answer.raw)).toMatch(/"data":"\(\d+ bytes of base64 data\)"/);
  });

  it("passes an enum choice to a real server and returns its structured content", async () => {
    const answer = await answerOf(
      await call({
        url: everything.url,
        tool: "get-structured-content",
        arguments: { location: "Chicago" },
      }),
    );
    expect(answer.block.is_error).toBe(false);
    expect(answer.raw).toMatchObject({
      structuredContent: { temperature: expect.any(Number) as unknown },
    });
  });

  it("never echoes the token, and says a refused token in words", async () => {
    const secret = "tok-SECRET-123456";
    const response = await call({
      url: demo.url("tasks"),
      authorization_token: secret,
      tool: "list_tasks",
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(secret);
    expect(text).toContain("Could not connect to the server");
  });

  it("is guarded as discovery is: the metadata address always, private ones when so set", async () => {
    const metadata = await call({ url: "http://169.254.169.254/mcp", tool: "x" });
    expect(metadata.status).toBe(403);
    const refused = await handleCallRequest(
      post({ url: demo.url("calendar"), tool: "list_events" }),
      {
        allowPrivate: false,
      },
    );
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain("loopback");
  });

  it("refuses bad input with a 400 that names the field, and a foreign Host before anything", async () => {
    const missing = await call({ url: demo.url("calendar") });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain("tool");
    const notObject = await call({ url: demo.url("calendar"), tool: "x", arguments: [1] });
    expect(notObject.status).toBe(400);
    const foreign = await POST(
      new Request("http://evil.example/api/mcp/call", {
        method: "POST",
        headers: { host: "evil.example", "content-type": "application/json" },
        body: JSON.stringify({ url: demo.url("calendar"), tool: "list_events" }),
      }),
    );
    expect(foreign.status).toBe(421);
  });

  it("gives up on a tool that does not answer within its timeout, and says so", async () => {
    const slow = await serveHandler(async (request) => {
      const body = (await request.json()) as { id?: number; method?: string };
      if (body.method === "tools/call") return new Promise<Response>(() => undefined);
      if (body.method === "initialize")
        return Response.json({
          jsonrpc: "2.0",
          id: body.id,
          result: {
            protocolVersion: "2025-11-25",
            capabilities: { tools: {} },
            serverInfo: { name: "slow", version: "1" },
          },
        });
      return new Response(null, { status: 202 });
    });
    try {
      const answer = await answerOf(
        await call({ url: `${slow.origin}/mcp`, tool: "wait", timeout_ms: 300 }),
      );
      expect(answer.block.is_error).toBe(true);
      expect(textOf(answer)).toMatch(/Tool call failed: .*timed out/i);
    } finally {
      await slow.close();
    }
  });
});
