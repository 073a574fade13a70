import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/mcp/tools/route";
import { DEMO_TASKS_TOKEN } from "@/lib/server/demo-mcp/servers";
import { serveDemoServers } from "@/test/support/demo-servers";
import { handleDiscoverRequest } from "./discover-route";

let demo: Awaited<ReturnType<typeof serveDemoServers>>;
beforeAll(async () => {
  demo = await serveDemoServers();
});
afterAll(() => demo.close());

const post = (body: unknown) =>
  new Request("http://localhost/api/mcp/tools", {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /api/mcp/tools", () => {
  it("returns the tools, server and transport, and never echoes the token", async () => {
    const response = await POST(
      post({ url: demo.url("tasks"), authorization_token: DEMO_TASKS_TOKEN }),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(DEMO_TASKS_TOKEN);
    const body = JSON.parse(text) as {
      tools: { name: string }[];
      transport: string;
      server: { name: string };
    };
    expect(body.tools.map((tool) => tool.name)).toEqual([
      "list_tasks",
      "complete_task",
      "sync_tasks",
    ]);
    expect(body.transport).toBe("streamable-http");
    expect(body.server.name).toBe("demo-tasks");
  });

  it("says a token is needed", async () => {
    const response = await POST(post({ url: demo.url("tasks") }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { kind: "unauthorized", message: expect.stringContaining("token") as unknown },
    });
  });

  it("refuses the cloud metadata address always, and private ranges when so configured", async () => {
    const metadata = await handleDiscoverRequest(
      post({ url: "http://169.254.169.254/latest/meta-data/" }),
      { allowPrivate: true },
    );
    expect(metadata.status).toBe(403);
    expect(await metadata.json()).toMatchObject({
      error: { kind: "refused", message: expect.stringContaining("metadata") as unknown },
    });
    const privateRefused = await handleDiscoverRequest(post({ url: demo.url("calendar") }), {
      allowPrivate: false,
    });
    expect(privateRefused.status).toBe(403);
    expect(await privateRefused.json()).toMatchObject({
      error: { message: expect.stringContaining("loopback") as unknown },
    });
  });

  it("answers bad input with a clear 400", async () => {
    const bad = await POST(
      new Request("http://localhost/api/mcp/tools", {
        method: "POST",
        headers: { host: "localhost:3000", "content-type": "application/json" },
        body: "{",
      }),
    );
    expect(bad.status).toBe(400);
    const noUrl = await POST(post({ url: "not a url" }));
    expect(await noUrl.json()).toMatchObject({
      error: { kind: "bad_request", message: "'not a url' is not a valid URL." },
    });
  });
});
