// For the conformance suite's auth scenarios: a fetch that signs in when the MCP server answers
// 401 or 403, with the app's own OAuth code (lib/server/oauth/flow.ts) over the app's address guard. The
// one thing a browser would do — open the authorization URL and come back with the code — is done
// here by fetching it and reading the redirect, as the suite's authorization server approves at
// once.
import { extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { beginSignIn, completeSignIn } from "../../lib/server/oauth/flow";
import type { OAuthSession } from "../../lib/domain/oauth/session";

/** The suite asks for at most this many sign-ins per request before giving up (scope-retry-limit). */
const MAX_SIGN_INS_PER_REQUEST = 2;

export function signingInFetch(
  base: typeof fetch,
  session: OAuthSession,
  log: (line: string) => void = () => undefined,
): typeof fetch {
  let current = session;
  const send = (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (current.tokens) headers.set("authorization", `Bearer ${current.tokens.access_token}`);
    return base(input, { ...init, headers });
  };
  return async (input, init) => {
    let response = await send(input, init);
    for (let attempt = 0; attempt < MAX_SIGN_INS_PER_REQUEST; attempt += 1) {
      if (response.status !== 401 && response.status !== 403) return response;
      const challenge = extractWWWAuthenticateParams(response);
      // A 403 that is not about scope will not change with a new token.
      if (response.status === 403 && challenge.error !== "insufficient_scope") return response;
      const begun = await beginSignIn(current, {
        fetch: base,
        scope: challenge.scope,
        resourceMetadataUrl: challenge.resourceMetadataUrl?.href,
      });
      for (const step of begun.steps) log(`${step.title}: ${step.status ?? ""} ${step.url ?? ""}`);
      if (begun.status === "failed") throw new Error(`${begun.step}: ${begun.message}`);
      current = begun.session;
      if (begun.status === "redirect") {
        const approval = await fetch(begun.authorizationUrl, { redirect: "manual" });
        const location = approval.headers.get("location");
        if (!location)
          throw new Error(
            `The authorization endpoint answered ${approval.status} without a redirect.`,
          );
        const back = new URL(location);
        const done = await completeSignIn(
          current,
          {
            code: back.searchParams.get("code"),
            state: back.searchParams.get("state"),
            error: back.searchParams.get("error"),
          },
          { fetch: base },
        );
        if (done.status !== "authorized")
          throw new Error(
            `${done.status === "failed" ? done.step : ""}: ${done.status === "failed" ? done.message : ""}`,
          );
        current = done.session;
      }
      response = await send(input, init);
    }
    return response;
  };
}
