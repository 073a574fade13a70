// The server's ANTHROPIC_API_KEY is not a public utility: off localhost it is used only with the
// access token. A fake upstream records which key reached it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAccessRequest } from "@/lib/server/http/access-route";
import { siteSettingsFromEnv } from "@/lib/server/http/site-settings";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { forwardMessages } from "./forward-messages";

let upstream: ServedHandler;
const keysSeen: string[] = [];

beforeAll(async () => {
  upstream = await serveHandler((request) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
    keysSeen.push(request.headers.get("x-api-key") ?? bearer ?? "");
    return Response.json({
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-opus-4-6",
      content: [{ type: "text", text: "hi" }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    });
  });
});
afterAll(() => upstream.close());

const SERVER_KEY = "test-only-server-key";
const ACCESS = "correct-horse-battery";

function send(host: string, headers: Record<string, string>, env: Record<string, string>) {
  const request = new Request(`http://${host}/api/messages`, {
    method: "POST",
    headers: {
      host,
      "content-type": "application/json",
      "x-playground-target": "anthropic",
      ...headers,
    },
    body: JSON.stringify({
      model: "claude-opus-4-6",
      max_tokens: 16,
      messages: [{ role: "user", content: "hi" }],
    }),
  });
  return forwardMessages(request, {
    apiKey: SERVER_KEY,
    baseURL: upstream.origin,
    site: siteSettingsFromEnv({ ANTHROPIC_API_KEY: SERVER_KEY, ...env }),
  });
}

async function outcome(response: Response) {
  const body = (await response.json()) as { error?: { message: string } };
  return { status: response.status, message: body.error?.message ?? "" };
}

describe("the server's key off localhost", () => {
  it("is used freely on localhost when no other host is configured", async () => {
    const before = keysSeen.length;
    expect((await send("localhost:3000", {}, {})).status).toBe(200);
    expect(keysSeen.slice(before)).toEqual([SERVER_KEY]);
  });

  it("is not used for Host: localhost sent from another machine to an exposed port", async () => {
    // The production entry writes the socket's address under its secret (scripts/serve.mjs).
    const env = { PLAYGROUND_PEER_SECRET: "test-peer-secret" };
    const before = keysSeen.length;
    const remote = await send(
      "localhost",
      { "x-playground-peer": "test-peer-secret 203.0.113.5" },
      env,
    );
    expect(remote.status).toBe(401);
    const local = await send(
      "localhost",
      { "x-playground-peer": "test-peer-secret 127.0.0.1" },
      env,
    );
    expect(local.status).toBe(200);
    expect(keysSeen.slice(before)).toEqual([SERVER_KEY]);
  });

  it("is never used on another host without an access token configured, and the answer names the setting", async () => {
    const before = keysSeen.length;
    const remote = await outcome(
      await send("play.example.com", {}, { PLAYGROUND_ALLOWED_HOSTS: "play.example.com" }),
    );
    expect(remote.status).toBe(401);
    expect(remote.message).toContain("PLAYGROUND_ACCESS_TOKEN");
    // A forged Host: localhost proves nothing once the deployment names other hosts.
    const forged = await send("localhost", {}, { PLAYGROUND_ALLOWED_HOSTS: "play.example.com" });
    expect(forged.status).toBe(401);
    expect(keysSeen.length).toBe(before);
  });

  it("needs the access token, as a header or as the access page's cookie", async () => {
    const env = { PLAYGROUND_ALLOWED_HOSTS: "play.example.com", PLAYGROUND_ACCESS_TOKEN: ACCESS };
    const before = keysSeen.length;
    const without = await outcome(await send("play.example.com", {}, env));
    expect(without.status).toBe(401);
    expect(without.message).toContain("/access");
    expect(
      (await send("play.example.com", { "x-playground-access-token": "wrong" }, env)).status,
    ).toBe(401);
    expect(keysSeen.length).toBe(before);

    expect(
      (await send("play.example.com", { "x-playground-access-token": ACCESS }, env)).status,
    ).toBe(200);

    const settings = siteSettingsFromEnv(env);
    const accessRequest = (token: string) =>
      new Request("https://play.example.com/api/access", {
        method: "POST",
        headers: { host: "play.example.com", "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
    expect((await handleAccessRequest(accessRequest("nope"), settings)).status).toBe(401);
    const granted = await handleAccessRequest(accessRequest(ACCESS), settings);
    expect(granted.status).toBe(200);
    const cookie = granted.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).not.toContain(ACCESS);
    const withCookie = await send("play.example.com", { cookie: cookie.split(";")[0]! }, env);
    expect(withCookie.status).toBe(200);
    expect(keysSeen.slice(before)).toEqual([SERVER_KEY, SERVER_KEY]);
  });

  it("leaves a person's own key alone: it is theirs to spend", async () => {
    const before = keysSeen.length;
    const response = await send(
      "play.example.com",
      { "x-playground-api-key": "test-only-browser-key" },
      { PLAYGROUND_ALLOWED_HOSTS: "play.example.com" },
    );
    expect(response.status).toBe(200);
    expect(keysSeen.slice(before)).toEqual(["test-only-browser-key"]);
  });
});
