"use client";

import { useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { hasUrlSecrets } from "@/lib/domain/request/url-secrets";
import { lazyComponent } from "@/components/ui/lazy-component";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { ConnectionKind, StdioCommand, StdioSettings } from "./stdio-server";
import { PinControls } from "./pin-controls";
import { SignInPanel } from "./sign-in-panel";
import { ToolsetSettings } from "./toolset-settings";
import { isDemoToken } from "@/lib/domain/request/composer";
import { serverFieldId } from "@/lib/domain/request/field-ids";
import type { ServerDraft } from "@/lib/domain/request/types";

/**
 * "Check connection" and its report: the doctor's code loads after the page (the button shows
 * at once, inactive, until it has).
 */
const ConnectionDoctor = lazyComponent(
  () => import("./connection-doctor").then((module) => module.ConnectionDoctor),
  ({ title }) => (
    <div>
      <Button size="sm" variant="secondary" disabled aria-label={`Check connection to ${title}`}>
        Check connection
      </Button>
    </div>
  ),
);

/**
 * Discovery's status line and its Discover / Refresh button. Its code loads after the page: the
 * first discovery waits out a 600 ms debounce anyway, and the line keeps its height meanwhile.
 */
const DiscoveryStatus = lazyComponent(
  () => import("./discovery-status").then((module) => module.DiscoveryStatus),
  () => <div className="h-7" />,
);

/** What a key-like URL part means for links, history and code (loads only for such a URL). */
const UrlSecretsNote = lazyComponent(() =>
  import("./url-secrets-note").then((module) => module.UrlSecretsNote),
);

type FieldName = Parameters<typeof serverFieldId>[1];

export function ServerCard({
  server,
  index,
  count,
}: {
  server: ServerDraft;
  index: number;
  count: number;
}) {
  const title = server.name || `Server ${index + 1}`;
  return (
    <article
      id={serverFieldId(server.id, "card")}
      tabIndex={-1}
      aria-label={`MCP server ${title}`}
      data-testid="server-card"
      className="rounded-lg border border-line bg-panel shadow-sm outline-none"
    >
      <ServerCardHeader server={server} title={title} index={index} count={count} />
      <div className="space-y-3 p-3">
        <ServerAddress server={server} />
        <ConnectionKind server={server} title={title} />
        {server.stdio ? (
          <StdioSettings server={server} title={title} />
        ) : (
          <>
            {hasUrlSecrets(server.url) ? <UrlSecretsNote server={server} /> : null}
            <TokenField server={server} title={title} />
            <SignInPanel server={server} title={title} />
            <DiscoveryStatus server={server} />
            <PinControls server={server} title={title} />
            <ConnectionDoctor server={server} title={title} />
          </>
        )}
        <ToolsetSettings server={server} title={title} />
      </div>
    </article>
  );
}

/** The card's number, name and its order, duplicate and remove actions. */
function ServerCardHeader({
  server,
  title,
  index,
  count,
}: {
  server: ServerDraft;
  title: string;
  index: number;
  count: number;
}) {
  const removeServer = useAppStore((s) => s.removeServer);
  const moveServer = useAppStore((s) => s.moveServer);
  const duplicateServer = useAppStore((s) => s.duplicateServer);
  return (
    <header className="flex items-center gap-2 border-b border-line px-3 py-2">
      <span className="grid h-5 w-5 place-items-center rounded bg-sunken text-[11px] font-semibold text-muted">
        {index + 1}
      </span>
      <h3 className="min-w-0 flex-1 truncate font-mono text-sm font-semibold">{title}</h3>
      <Button
        size="icon"
        variant="ghost"
        aria-label={`Move ${title} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => moveServer(server.id, -1)}
      >
        ↑
      </Button>
      <Button
        size="icon"
        variant="ghost"
        aria-label={`Move ${title} down`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => moveServer(server.id, 1)}
      >
        ↓
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Duplicate ${title}`}
        onClick={() => duplicateServer(server.id)}
      >
        Duplicate
      </Button>
      <Button
        size="sm"
        variant="danger"
        aria-label={`Remove ${title}`}
        onClick={() => removeServer(server.id)}
      >
        Remove
      </Button>
    </header>
  );
}

/** The server's name, and its URL (or, for a stdio server, its command). */
function ServerAddress({ server }: { server: ServerDraft }) {
  const updateServer = useAppStore((s) => s.updateServer);
  const id = (field: FieldName) => serverFieldId(server.id, field);
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-[10rem_1fr]">
      <Field id={id("name")} label="Server name">
        <TextInput
          id={id("name")}
          value={server.name}
          spellCheck={false}
          autoComplete="off"
          className="font-mono"
          onChange={(event) => updateServer(server.id, { name: event.target.value })}
        />
      </Field>
      {server.stdio ? (
        <StdioCommand server={server} />
      ) : (
        <Field id={id("url")} label="Server URL">
          <TextInput
            id={id("url")}
            type="url"
            value={server.url}
            placeholder="https://mcp.example.com/mcp"
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            onChange={(event) => updateServer(server.id, { url: event.target.value })}
          />
        </Field>
      )}
    </div>
  );
}

/** The Bearer token, hidden unless the person asks to see it. */
function TokenField({ server, title }: { server: ServerDraft; title: string }) {
  const updateServer = useAppStore((s) => s.updateServer);
  const [showToken, setShowToken] = useState(false);
  const id = (field: FieldName) => serverFieldId(server.id, field);
  return (
    <Field
      id={id("token")}
      label="Authorization token"
      hint={
        isDemoToken(server)
          ? "The demo's published token (not a secret): kept on this device."
          : "Sent to the server as a Bearer token. Never put in links or snippets."
      }
    >
      <div className="flex gap-1.5">
        <TextInput
          id={id("token")}
          type={showToken ? "text" : "password"}
          value={server.authorizationToken}
          placeholder="Optional"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id("token")}-hint`}
          className="font-mono"
          onChange={(event) => updateServer(server.id, { authorizationToken: event.target.value })}
        />
        <Button
          size="md"
          variant="secondary"
          aria-pressed={showToken}
          aria-label={showToken ? `Hide token of ${title}` : `Show token of ${title}`}
          onClick={() => setShowToken((shown) => !shown)}
        >
          {showToken ? "Hide" : "Show"}
        </Button>
      </div>
    </Field>
  );
}
