"use client";

import { useState } from "react";
import { useStartSignIn } from "@/components/composer/use-start-sign-in";
import { useAppStore } from "@/components/store-provider";
import { selectServers } from "@/lib/client/store/selectors";
import { Button } from "@/components/ui/button";
import { signInSuggestions } from "@/lib/domain/oauth/suggestions";

/** "Sign in to X" where the answer says a server refused its token or wants more scope. */
export function SignInSuggestions({
  errorMessage,
  blocks,
}: {
  errorMessage?: string;
  blocks?: readonly { type: string }[];
}) {
  const servers = useAppStore(selectServers);
  const startSignIn = useStartSignIn();
  const [blocked, setBlocked] = useState(false);
  const suggestions = signInSuggestions({ errorMessage, blocks }, servers);
  if (suggestions.length === 0) return null;
  return (
    <div data-testid="sign-in-suggestions" className="flex flex-wrap items-center gap-2 text-xs">
      {suggestions.map((suggestion) => (
        <Button
          key={suggestion.serverId}
          size="sm"
          variant="primary"
          onClick={() =>
            setBlocked(
              !startSignIn(
                suggestion.serverId,
                suggestion.scope ? { scope: suggestion.scope } : {},
              ),
            )
          }
        >
          {suggestion.reason === "needs-scope"
            ? `Sign in to ${suggestion.serverName} with ${suggestion.scope}`
            : `Sign in to ${suggestion.serverName}`}
        </Button>
      ))}
      {blocked ? (
        <span role="alert" className="text-danger">
          The browser blocked the sign-in window: allow pop-ups for this site.
        </span>
      ) : null}
    </div>
  );
}
