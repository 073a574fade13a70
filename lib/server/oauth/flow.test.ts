// The sign-in flow (the SDK's auth() through our provider) against the app's own demo
// authorization server and OAuth-protected notes server, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoServersInProcess } from "@/lib/server/demo-mcp/in-process";
import { discoverTools } from "@/lib/server/mcp/discover";
import { serveHandler, type ServedHandler } from "@/test/support/serve-handler";
import { beginSignIn, completeSignIn, refreshSignIn } from "./flow";
import type { OAuthSession } from "@/lib/domain/oauth/session";

let served: ServedHandler;

beforeAll(async () => {
  served = await serveHandler(
    (request) =>
      demoServersInProcess(new URL(request.url).origin).handle(request) ??
      new Response("not found", { status: 404 }),
  );
});
afterAll(() => served.close());

const notesUrl = () => `${served.origin}/api/demo-mcp/notes`;
const newSession = (): OAuthSession => ({
  serverUrl: notesUrl(),
  redirectUrl: "http://localhost:3000/oauth/callback",
  clientName: "MCP Connector Playground (test)",
});

/** What the person does on the consent page: approve (with a lifetime), as a form post. */
async function approve(authorizationUrl: string, extra: Record<string, string> = {}) {
  const params = new URL(authorizationUrl).searchParams;
  const form = new URLSearchParams(params);
  form.set("decision", "approve");
  for (const scope of (params.get("scope") ?? "").split(" ")) form.append("granted_scope", scope);
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  const response = await fetch(`${served.origin}/api/demo-oauth/approve`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  expect(response.status).toBe(303);
  return new URL(response.headers.get("location")!);
}

describe("signing in to an OAuth-protected MCP server", () => {
  it("runs discovery, registration, PKCE, the code exchange, and the token works", async () => {
    const begun = await beginSignIn(newSession(), { fetch });
    if (begun.status !== "redirect") throw new Error(JSON.stringify(begun));
    expect(begun.steps.map((step) => step.kind)).toEqual([
      "protected-resource-metadata",
      "authorization-server-metadata",
      "client-registration",
      "authorization-request",
    ]);
    const authorization = new URL(begun.authorizationUrl);
    expect(authorization.pathname).toBe("/demo-oauth/authorize");
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      response_type: "code",
      code_challenge_method: "S256",
      resource: notesUrl(),
      scope: "notes:read notes:write",
      state: begun.session.state,
      redirect_uri: "http://localhost:3000/oauth/callback",
    });

    const back = await approve(begun.authorizationUrl);
    const done = await completeSignIn(
      begun.session,
      { code: back.searchParams.get("code"), state: back.searchParams.get("state") },
      { fetch },
    );
    if (done.status !== "authorized") throw new Error(JSON.stringify(done));
    expect(done.steps.map((step) => step.kind)).toEqual([
      "authorization-response",
      "token-exchange",
    ]);
    expect(done.session.tokens).toMatchObject({ token_type: "Bearer", expires_in: 60 });
    // Every secret in the steps is masked.
    const shown = JSON.stringify([...begun.steps, ...done.steps]);
    expect(shown).not.toContain(done.session.tokens!.access_token);
    expect(shown).not.toContain(done.session.tokens!.refresh_token!);
    expect(shown).not.toContain(begun.session.codeVerifier!);
    // Each request's headers, as the protocol log shows them: what was sent and answered.
    const registration = begun.steps.find((step) => step.kind === "client-registration")!;
    expect(registration.requestHeaders?.["content-type"]).toContain("application/json");
    expect(registration.responseHeaders?.["content-type"]).toContain("application/json");
    const exchange = done.steps.find((step) => step.kind === "token-exchange")!;
    expect(exchange.requestHeaders?.["content-type"]).toContain(
      "application/x-www-form-urlencoded",
    );
    expect(exchange.responseHeaders?.["content-type"]).toContain("application/json");

    const discovered = await discoverTools(notesUrl(), {
      authorizationToken: done.session.tokens!.access_token,
    });
    expect(discovered.ok && discovered.discovery.tools.map((tool) => tool.name)).toEqual([
      "list_notes",
      "add_note",
    ]);

    const refreshed = await refreshSignIn(done.session, { fetch });
    if (refreshed.status !== "authorized") throw new Error(JSON.stringify(refreshed));
    expect(refreshed.session.tokens!.access_token).not.toBe(done.session.tokens!.access_token);
    expect(refreshed.steps.map((step) => step.kind)).toContain("token-refresh");
  });

  it("refuses a callback whose state does not match, and says which step failed", async () => {
    const begun = await beginSignIn(newSession(), { fetch });
    if (begun.status !== "redirect") throw new Error("no redirect");
    const back = await approve(begun.authorizationUrl);
    const forged = await completeSignIn(
      begun.session,
      { code: back.searchParams.get("code"), state: "forged" },
      { fetch },
    );
    expect(forged).toMatchObject({ status: "failed", step: "Authorization response" });
    const denied = await completeSignIn(
      begun.session,
      { error: "access_denied", errorDescription: "no", state: begun.session.state },
      { fetch },
    );
    expect(denied).toMatchObject({
      status: "failed",
      message: expect.stringContaining("access_denied") as unknown,
    });
  });

  it("names the failing step, and keeps the ones before it, when a server has no metadata", async () => {
    const failed = await beginSignIn(
      { ...newSession(), serverUrl: `${served.origin}/api/demo-mcp/nothing-here` },
      { fetch },
    );
    if (failed.status !== "failed") throw new Error("expected a failure");
    // No RFC 9728 document, no RFC 8414 one at the origin (the 2025-03-26 fallback): the SDK then
    // tries the default /register, which is not there either.
    expect(failed.steps[0]).toMatchObject({
      kind: "protected-resource-metadata",
      status: 404,
      ok: false,
    });
    expect(failed.steps.some((step) => step.kind === "authorization-server-metadata")).toBe(true);
    expect(failed.step).toBe("Dynamic client registration (RFC 7591)");
    expect(failed.message).toMatch(/404|register/i);
  });

  it("says so when the refresh token was revoked", async () => {
    const begun = await beginSignIn(newSession(), { fetch });
    if (begun.status !== "redirect") throw new Error("no redirect");
    const back = await approve(begun.authorizationUrl);
    const done = await completeSignIn(
      begun.session,
      { code: back.searchParams.get("code"), state: back.searchParams.get("state") },
      { fetch },
    );
    if (done.status !== "authorized") throw new Error("not authorized");
    await fetch(`${served.origin}/api/demo-oauth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: done.session.tokens!.refresh_token! }),
    });
    const revoked = await discoverTools(notesUrl(), {
      authorizationToken: done.session.tokens!.access_token,
    });
    expect(revoked).toMatchObject({ ok: false, kind: "unauthorized" });
    const refreshed = await refreshSignIn(done.session, { fetch });
    expect(refreshed).toMatchObject({ status: "failed" });
  });
});

describe("secrets in failures", () => {
  it("masks the verifier a token endpoint echoes back in its error", async () => {
    const echoing: typeof fetch = (_input, init) => {
      const body =
        init?.body instanceof URLSearchParams
          ? init.body.toString()
          : typeof init?.body === "string"
            ? init.body
            : "";
      return Promise.resolve(
        Response.json(
          { error: "invalid_request", error_description: `cannot use ${decodeURIComponent(body)}` },
          { status: 400 },
        ),
      );
    };
    const session: OAuthSession = {
      ...newSession(),
      clientInformation: { client_id: "c" },
      codeVerifier: "verifier-secret-abcdefghijklmnop",
      state: "s1",
      discovery: {
        authorizationServerUrl: "https://as.example",
        authorizationServerMetadata: {
          issuer: "https://as.example",
          authorization_endpoint: "https://as.example/authorize",
          token_endpoint: "https://as.example/token",
          response_types_supported: ["code"],
        },
      },
    };
    const done = await completeSignIn(
      session,
      { code: "the-code-12345678", state: "s1" },
      { fetch: echoing },
    );
    if (done.status !== "failed") throw new Error("expected a failure");
    expect(done.message).toContain("cannot use grant_type=authorization_code");
    expect(done.message).not.toContain("verifier-secret-abcdefghijklmnop");
    expect(JSON.stringify(done.steps)).not.toContain("verifier-secret-abcdefghijklmnop");
  });
});
