// No error text ever carries a secret: tokens and API keys are fed into every error path the app
// has — a token that cannot go in a header, a server that refuses it and echoes it back (body,
// WWW-Authenticate, redirect), a server that cannot be reached — through discovery, the doctor,
// the emulator and /api/messages, and no answer contains them in any form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as messagesRoute } from "@/app/api/messages/route";
import { handleDiscoverRequest } from "@/lib/server/api/discover-route";
import { handleDoctorRequest } from "@/lib/server/doctor/route";
import { handleEmulatorRequest } from "@/lib/server/emulator/handler";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";

const SECRET = "s3cret-Token-VALUE-8472";
const TOKENS = [SECRET, `${SECRET}\r\nX-Injected: 1`, `${SECRET}\u0000tail`, `ünï-${SECRET}`];

/** Every form a secret can take in a message. */
function leaks(text: string): boolean {
  return [SECRET, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1)].some((form) =>
    text.includes(form),
  );
}

let echo: ServedHandler;
beforeAll(async () => {
  // A server that refuses every token, and says it back everywhere it can.
  echo = await serveHandler((request) => {
    const given = request.headers.get("authorization") ?? "";
    return new Response(`Refused token: ${given}`, {
      status: 401,
      headers: {
        "www-authenticate": `Bearer error="invalid_token", error_description="bad ${given.replace(/"/g, "")}"`,
      },
    });
  });
});
afterAll(() => echo.close());

const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { host: "localhost:3000", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("secrets never come back in an error", () => {
  const servers = () => [`${echo.origin}/mcp`, "http://127.0.0.1:9/mcp"];

  it.each(TOKENS.map((token) => [JSON.stringify(token), token] as const))(
    "discovery, with token %s",
    async (_label, token) => {
      for (const url of servers()) {
        const response = await handleDiscoverRequest(
          json("/api/mcp/tools", { url, authorization_token: token }),
          { allowPrivate: true },
        );
        expect(response.status).toBeGreaterThanOrEqual(400);
        const text = await response.text();
        expect(leaks(text), text).toBe(false);
      }
    },
  );

  it.each(TOKENS.map((token) => [JSON.stringify(token), token] as const))(
    "the connection doctor, with token %s",
    async (_label, token) => {
      for (const url of servers()) {
        const response = await handleDoctorRequest(
          json("/api/mcp/doctor", { url, authorization_token: token, target: "emulator" }),
          { allowPrivate: true, timeoutMs: 2_000 },
        );
        const text = await response.text();
        expect(leaks(text), text).toBe(false);
      }
    },
  );

  it.each(TOKENS.map((token) => [JSON.stringify(token), token] as const))(
    "the emulator, with token %s",
    async (_label, token) => {
      for (const url of servers()) {
        const response = await handleEmulatorRequest(
          json(
            "/v1/messages",
            {
              model: "claude-opus-4-6",
              max_tokens: 100,
              messages: [{ role: "user", content: "hi" }],
              mcp_servers: [{ type: "url", url, name: "echo", authorization_token: token }],
              tools: [{ type: "mcp_toolset", mcp_server_name: "echo" }],
            },
            { "x-api-key": "test-only-key", "anthropic-beta": "mcp-client-2025-11-20" },
          ),
        );
        expect(response.status).toBe(400);
        const text = await response.text();
        expect(leaks(text), text).toBe(false);
      }
    },
  );

  it("/api/messages, with a browser API key that cannot be sent on", async () => {
    // A line break cannot reach a header at all; a Latin-1 letter can, and the SDK could not send it.
    for (const key of [`ünï-${SECRET}`]) {
      const response = await messagesRoute(
        json(
          "/api/messages",
          { model: "claude-opus-4-6", max_tokens: 10, messages: [{ role: "user", content: "hi" }] },
          { "x-playground-target": "anthropic", "x-playground-api-key": key },
        ),
      );
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(leaks(text), text).toBe(false);
    }
  });
});
