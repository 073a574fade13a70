"use client";

import { useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TextInput } from "@/components/ui/field";
import { HighlightedCode } from "@/components/ui/highlighted-code";
import { useNow } from "@/components/ui/use-now";
import { useStartSignIn } from "./use-start-sign-in";
import { describeSignIn } from "@/lib/domain/oauth/session";
import { selectDiscovery, selectSignIn } from "@/lib/client/store/selectors";
import type { OAuthStep } from "@/lib/domain/oauth/steps";
import type { ServerDraft } from "@/lib/domain/request/types";

/**
 * OAuth for one server: "Sign in", then who the token is from, its scopes and expiry, Refresh,
 * and every step of the flow to inspect. Loaded when a server first needs it
 * (components/composer/sign-in-panel.tsx decides).
 */
export default function SignInPanelBody({ server, title }: { server: ServerDraft; title: string }) {
  const signIn = useAppStore(selectSignIn(server.id));
  // What the last discovery with this URL and token said (an older one no longer applies).
  const current = useAppStore(selectDiscovery(server.id));
  const cancel = useAppStore((s) => s.cancelSignIn);
  const refresh = useAppStore((s) => s.refreshSignIn);
  const signOut = useAppStore((s) => s.signOut);
  const [blocked, setBlocked] = useState(false);
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const startSignIn = useStartSignIn();
  const now = useNow(1000);

  const challenge = current?.status === "error" ? current.challenge : undefined;
  const refusedNow = current?.status === "error" && current.kind === "unauthorized";

  const largerScope = challenge?.error === "insufficient_scope" ? challenge.scope : undefined;
  function begin(scope?: string) {
    const opened = startSignIn(server.id, {
      scope: scope ?? challenge?.scope,
      resourceMetadataUrl: challenge?.resourceMetadataUrl,
      ...(clientId.trim()
        ? { clientId: clientId.trim(), clientSecret: clientSecret.trim() || undefined }
        : {}),
    });
    setBlocked(!opened);
  }

  const session = signIn?.session;
  const described = session?.tokens ? describeSignIn(session) : null;
  const signedIn = signIn?.status === "signed-in" || signIn?.status === "refreshing";
  const busy = signIn?.status === "signing-in";
  // Signed in (and not refused) reads as done; everything else still asks for attention.
  const settled = signedIn && described !== null && !refusedNow;
  return (
    <div
      data-testid="sign-in"
      data-status={signIn?.status ?? "needed"}
      data-tone={settled ? "ok" : "attention"}
      className={cn(
        "space-y-2 rounded-md border p-2.5 text-xs",
        settled ? "border-ok/40 bg-ok-soft/60" : "border-accent/30 bg-accent-soft/40",
      )}
    >
      {busy ? (
        <div className="flex flex-wrap items-center gap-2">
          <span role="status">Signing in: finish it in the sign-in window…</span>
          <Button size="sm" variant="ghost" onClick={() => cancel(server.id)}>
            Cancel sign-in
          </Button>
        </div>
      ) : signedIn && described ? (
        <div className="space-y-1">
          <p data-testid="sign-in-summary">
            <strong className="font-medium text-ok">
              {settled ? <span aria-hidden="true">✓ </span> : null}Signed in
            </strong>
            {described.issuer ? (
              <>
                {" "}
                · from <code className="font-mono break-all">{described.issuer}</code>
              </>
            ) : null}
            {described.scopes.length ? (
              <>
                {" "}
                · scopes <code className="font-mono">{described.scopes.join(" ")}</code>
              </>
            ) : null}
            {described.expiresAt !== null ? (
              <span data-testid="token-expiry">
                {" "}
                ·{" "}
                {described.expiresAt > now
                  ? `expires in ${formatDuration(described.expiresAt - now)}`
                  : "expired"}
              </span>
            ) : null}
            {signIn?.status === "refreshing" ? " · refreshing…" : null}
          </p>
          {refusedNow ? (
            <p role="alert" data-testid="token-refused" className="text-danger">
              {largerScope
                ? `The server wants more scope (${largerScope}).`
                : "The server refused this token (revoked or expired)."}{" "}
              Refresh it, or sign in again.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-1.5">
            {described.canRefresh ? (
              <Button
                size="sm"
                onClick={() => void refresh(server.id)}
                aria-label={`Refresh the token of ${title}`}
              >
                Refresh token
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="ghost"
              onClick={() => begin(largerScope)}
              aria-label={`Sign in again to ${title}`}
            >
              {largerScope ? `Sign in again with ${largerScope}` : "Sign in again"}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => signOut(server.id)}
              aria-label={`Sign out of ${title}`}
            >
              Sign out
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-1.5">
          {signIn?.failure ? (
            <p role="alert" data-testid="sign-in-failure" className="text-danger">
              Sign-in failed at <strong>{signIn.failure.step}</strong>: {signIn.failure.message}
            </p>
          ) : (
            <p>
              {challenge?.error === "invalid_token"
                ? "The server refused the token (expired or revoked)."
                : largerScope
                  ? `The server wants more scope: ${largerScope}.`
                  : "This server asks for a sign-in (OAuth)."}{" "}
              The playground runs the flow and puts the access token in the field above.
            </p>
          )}
          <div className="flex flex-wrap items-center gap-1.5">
            <Button
              size="sm"
              variant="primary"
              onClick={() => begin(largerScope)}
              aria-label={`Sign in to ${title}`}
            >
              {largerScope ? `Sign in with ${largerScope}` : "Sign in"}
            </Button>
          </div>
          <details>
            <summary className="cursor-pointer text-muted">
              Use a client registered in advance
            </summary>
            <div className="mt-1.5 grid gap-1.5 sm:grid-cols-2">
              <TextInput
                aria-label={`Client ID for ${title}`}
                placeholder="Client ID"
                value={clientId}
                autoComplete="off"
                onChange={(event) => setClientId(event.target.value)}
              />
              <TextInput
                aria-label={`Client secret for ${title}`}
                placeholder="Client secret (optional)"
                type="password"
                value={clientSecret}
                autoComplete="off"
                onChange={(event) => setClientSecret(event.target.value)}
              />
            </div>
            <p className="mt-1 text-muted">
              For authorization servers without dynamic registration. Register this redirect URI:{" "}
              <code className="font-mono break-all">{`${window.location.origin}/oauth/callback`}</code>
            </p>
          </details>
        </div>
      )}
      {blocked ? (
        <p role="alert" className="text-danger">
          The browser blocked the sign-in window: allow pop-ups for this site and try again.
        </p>
      ) : null}
      {signIn?.steps.length ? <StepList steps={signIn.steps} /> : null}
    </div>
  );
}

function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** The flow, step by step, like a debugger: request, answer (secrets masked), outcome. */
function StepList({ steps }: { steps: readonly OAuthStep[] }) {
  return (
    <details data-testid="sign-in-steps">
      <summary className="cursor-pointer text-muted">
        Steps ({steps.length}){steps.some((step) => !step.ok) ? " · one failed" : ""}
      </summary>
      <ol className="mt-1.5 space-y-1">
        {steps.map((step, index) => (
          <li
            key={index}
            data-testid="sign-in-step"
            data-kind={step.kind}
            data-ok={step.ok}
            className="rounded border border-line bg-panel"
          >
            <details>
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-1.5 px-2 py-1">
                <span className={step.ok ? "font-bold text-ok" : "font-bold text-danger"}>
                  {step.ok ? "✓" : "✗"}
                </span>
                <span className="font-medium">{step.title}</span>
                {step.method ? (
                  <code className="font-mono break-all text-muted">
                    {step.method} {step.url}
                  </code>
                ) : null}
                {step.status !== undefined ? (
                  <span className="text-muted">→ {step.status}</span>
                ) : null}
                {step.durationMs !== undefined ? (
                  <span className="text-muted">({step.durationMs} ms)</span>
                ) : null}
              </summary>
              <div className="space-y-1 border-t border-line px-2 py-1.5">
                {step.note ? <p>{step.note}</p> : null}
                <StepHeaders label="sent" headers={step.requestHeaders} />
                <StepHeaders label="answered" headers={step.responseHeaders} />
                {step.detail !== undefined ? (
                  <HighlightedCode
                    code={JSON.stringify(step.detail, null, 2)}
                    aria-label={`${step.title}: what was sent and received`}
                    tabIndex={0}
                    className="max-h-60"
                  />
                ) : null}
              </div>
            </details>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A step's headers as the protocol log shows them (secret ones masked on the server). */
function StepHeaders({ label, headers }: { label: string; headers?: Record<string, string> }) {
  const names = Object.keys(headers ?? {});
  if (!headers || names.length === 0) return null;
  return (
    <p data-testid="sign-in-step-headers" className="font-mono [overflow-wrap:anywhere] text-muted">
      {label}: {names.map((name) => `${name}: ${headers[name]}`).join(" · ")}
    </p>
  );
}
