// POST /api/mcp/doctor's protocol log: what a connection check exchanged, secrets masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { serveDemoServers } from "@/test/support/demo-servers";
import { handleDoctorRequest } from "./route";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  demo = await serveDemoServers();
});
afterAll(() => demo.close());

interface LoggedExchange {
  method: string;
  rpc: string[];
  status: number;
  requestHeaders: Record<string, string>;
}

const check = async (url: string, token?: string) => {
  const response = await handleDoctorRequest(
    new Request("http://localhost/api/mcp/doctor", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json" },
      body: JSON.stringify({ url, authorization_token: token }),
    }),
    { allowPrivate: true },
  );
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, body: JSON.parse(text) as { verdict: { status: string }; log: LoggedExchange[] } };
};

describe("the connection doctor's protocol log", () => {
  it("lists each exchange with its JSON-RPC methods and status, the token masked", async () => {
    const { text, body } = await check(demo.url("tasks"), DEMO_TASKS_TOKEN);
    expect(body.verdict.status).not.toBe("fail");
    const methods = body.log.flatMap((entry) => entry.rpc);
    expect(methods).toEqual(expect.arrayContaining(["initialize", "tools/list"]));
    expect(body.log.find((entry) => entry.rpc.includes("tools/list"))?.status).toBe(200);
    const sent = body.log.find((entry) => entry.requestHeaders.authorization);
    expect(sent?.requestHeaders.authorization).toMatch(/^Bearer ••••\(\d+ characters\)$/);
    expect(text).not.toContain(DEMO_TASKS_TOKEN);
  });

  it("shows the server's refusal of a wrong token, and never the token", async () => {
    const { text, body } = await check(demo.url("tasks"), "tok-wrong-doctor-1");
    expect(body.log.some((entry) => entry.status === 401)).toBe(true);
    expect(text).not.toContain("tok-wrong-doctor-1");
  });
});
