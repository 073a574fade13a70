"use client";

import { useAppStore } from "@/components/store-provider";
import { describeUrlSecrets } from "@/lib/domain/request/url-secrets";
import type { ServerDraft } from "@/lib/domain/request/types";

/** The URL has userinfo or a query: said, with the choice to keep them in links and code. */
export function UrlSecretsNote({ server }: { server: ServerDraft }) {
  const updateServer = useAppStore((s) => s.updateServer);
  return (
    <div
      data-testid="url-secrets"
      className="space-y-1 rounded-md border border-warn/30 bg-warn-soft px-2.5 py-1.5 text-xs"
    >
      <p>
        This URL has {describeUrlSecrets(server.url)}: such parts often hold a key. Share links and
        the history leave them out, and exported code reads the whole URL from an environment
        variable (<code className="font-mono">MCP_URL_…</code>).
      </p>
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          className="accent-accent"
          checked={server.keepUrlSecrets === true}
          onChange={(event) => updateServer(server.id, { keepUrlSecrets: event.target.checked })}
        />
        Keep them in links, history and code: anyone who gets those can use what they hold
      </label>
    </div>
  );
}
