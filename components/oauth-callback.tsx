"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import { callbackMessageFrom, OAUTH_CHANNEL } from "@/lib/client/oauth/browser";

const subscribeNever = () => () => undefined;

/**
 * Opened first empty (while the playground prepares the sign-in), then by the authorization
 * server with `code` and `state`: it passes them to the playground tab, which checks the state,
 * and closes. The code is only ever handed to this app's own tab.
 */
export function OAuthCallback() {
  const search = useSyncExternalStore(
    subscribeNever,
    () => window.location.search,
    () => "",
  );
  const message = useMemo(() => callbackMessageFrom(search), [search]);
  const answered = !!(message.code || message.error);
  useEffect(() => {
    if (!answered) return;
    const channel = new BroadcastChannel(OAUTH_CHANNEL);
    channel.postMessage(message);
    channel.close();
    const timer = setTimeout(() => window.close(), 600);
    return () => clearTimeout(timer);
  }, [answered, message]);
  return (
    <main className="mx-auto max-w-md space-y-2 p-6 text-sm" aria-live="polite">
      <h1 className="text-base font-semibold">MCP Connector Playground</h1>
      {!answered ? <p>Preparing the sign-in…</p> : null}
      {answered && !message.error ? (
        <p>Signed in. Back to the playground: this window closes.</p>
      ) : null}
      {message.error ? (
        <p role="alert" className="text-danger">
          The authorization server said {message.error}
          {message.errorDescription ? `: ${message.errorDescription}` : ""}. The playground shows
          what happened.
        </p>
      ) : null}
    </main>
  );
}
