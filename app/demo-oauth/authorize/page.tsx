import type { Metadata } from "next";
import { headers } from "next/headers";
import {
  ACCESS_TOKEN_LIFETIMES,
  DEMO_SCOPES,
  readAuthorizationRequest,
} from "@/lib/server/demo-oauth/authorization-server";

export const metadata: Metadata = { title: "Demo sign-in · MCP Connector Playground" };

/** Codes and client ids expire: judged at the time of the request (a server render, once). */
function readRequestNow(params: URLSearchParams, origin: string) {
  return readAuthorizationRequest(params, origin, Date.now());
}

const LIFETIME_LABELS: Record<number, string> = {
  10: "10 seconds",
  60: "1 minute",
  3600: "1 hour",
};

/**
 * The demo authorization server's consent page: everything filled in, one click to approve. It
 * shows what a real consent screen shows (who asks, for what, for which resource).
 */
export default async function DemoAuthorizePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const requestHeaders = await headers();
  const proto = requestHeaders.get("x-forwarded-proto") ?? "http";
  const origin = `${proto}://${requestHeaders.get("host") ?? "localhost"}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (typeof value === "string") params.set(key, value);
  }
  const read = await readRequestNow(params, origin);
  return (
    <main className="mx-auto max-w-lg space-y-4 p-6">
      <p className="text-xs font-semibold tracking-wider text-muted uppercase">
        Demo authorization server
      </p>
      {!read.ok ? (
        <div role="alert" className="rounded-lg border-2 border-danger bg-danger-soft p-4 text-sm">
          <p className="font-semibold text-danger">This sign-in request cannot be approved.</p>
          <p className="mt-1">{read.error}</p>
        </div>
      ) : (
        <form method="post" action="/api/demo-oauth/approve" className="space-y-4">
          <h1 className="text-lg font-semibold">
            Let <span className="font-mono">{read.request.clientName}</span> use the demo notes
            server?
          </h1>
          <p className="text-sm text-muted">
            You are signed in as <strong>demo-user</strong> (no password: this is a demo). The
            client will be sent back to{" "}
            <code className="font-mono">{new URL(read.request.redirectUri).origin}</code> with a
            one-time code, which it exchanges (with its PKCE verifier) for tokens.
          </p>
          {[...params.entries()].map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Scopes</legend>
            {DEMO_SCOPES.filter((scope) => read.request.scopes.includes(scope)).map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="granted_scope" value={scope} defaultChecked />
                <code className="font-mono">{scope}</code>
              </label>
            ))}
          </fieldset>
          <label className="block text-sm">
            <span className="font-medium">Access token lifetime</span>{" "}
            <select
              name="lifetime"
              defaultValue="60"
              className="ml-1 rounded border border-line bg-panel px-2 py-1"
            >
              {ACCESS_TOKEN_LIFETIMES.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {LIFETIME_LABELS[seconds]}
                </option>
              ))}
            </select>
            <span className="block text-xs text-muted">
              Short, so you can watch the playground refresh it.
            </span>
          </label>
          <p className="text-xs text-muted">
            Resource: <code className="font-mono break-all">{read.request.resource}</code>
          </p>
          <div className="flex gap-2">
            <button
              type="submit"
              name="decision"
              value="approve"
              className="cursor-pointer rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink"
            >
              Approve
            </button>
            <button
              type="submit"
              name="decision"
              value="deny"
              className="cursor-pointer rounded-md border border-line px-3 py-1.5 text-sm"
            >
              Deny
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
