"use client";

import { useAppStore } from "@/components/store-provider";
import { selectServers } from "@/lib/client/store/selectors";
import { Button } from "@/components/ui/button";

/**
 * After a share link, a short link or a saved request is opened: asks for each token it left out
 * (none ever travels or is stored) and says which URLs lost their credentials or query string.
 * Loaded only when there is something to ask.
 */
export default function SecretsPrompt() {
  const prompt = useAppStore((s) => s.secretsPrompt);
  const servers = useAppStore(selectServers);
  const updateServer = useAppStore((s) => s.updateServer);
  const dismiss = useAppStore((s) => s.dismissSecretsPrompt);
  if (!prompt) return null;
  const needingToken = servers.filter(
    (server) => prompt.tokenServerIds.includes(server.id) && !server.authorizationToken,
  );
  const missingUrlParts = servers.filter((server) => prompt.urlPartServerIds.includes(server.id));
  return (
    <>
      {missingUrlParts.length > 0 ? (
        <div
          role="status"
          data-testid="share-url-parts"
          className="flex flex-wrap items-center gap-3 border-b border-warn/30 bg-warn-soft px-4 py-2 text-sm"
        >
          <span className="flex-1">
            The credentials or query string were left out of the URL of{" "}
            {missingUrlParts.map((server) => server.name || "an unnamed server").join(", ")} (they
            often hold a key). Complete the URL in its card if the server needs them.
          </span>
          <Button size="sm" variant="ghost" onClick={() => dismiss("urlParts")}>
            Dismiss
          </Button>
        </div>
      ) : null}
      {needingToken.length > 0 ? (
        <div
          data-testid="share-tokens"
          className="space-y-1.5 border-b border-warn/30 bg-warn-soft px-4 py-2 text-sm"
        >
          <p>
            The configuration had authorization tokens, which links and saved requests never carry.
            Enter yours:
          </p>
          <div className="flex flex-wrap gap-3">
            {needingToken.map((server) => (
              <label key={server.id} className="flex items-center gap-1.5 text-xs">
                <span>Token for {server.name || "unnamed server"}</span>
                <input
                  type="password"
                  autoComplete="off"
                  className="rounded border border-line bg-panel px-2 py-1 font-mono"
                  onBlur={(event) => {
                    if (event.target.value)
                      updateServer(server.id, { authorizationToken: event.target.value });
                  }}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" && event.currentTarget.value) {
                      updateServer(server.id, { authorizationToken: event.currentTarget.value });
                    }
                  }}
                />
              </label>
            ))}
            <Button size="sm" variant="ghost" onClick={() => dismiss("tokens")}>
              Skip
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
