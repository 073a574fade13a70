"use client";

import { useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { serverFieldId } from "@/lib/domain/request/field-ids";
import type { ServerDraft } from "@/lib/domain/request/types";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * A stdio server's arguments (one a line) and the names of the environment variables it needs,
 * with what it means: the connector cannot reach it; the client-side export runs it.
 */
export function StdioSettings({ server, title }: { server: ServerDraft; title: string }) {
  const updateServer = useAppStore((s) => s.updateServer);
  const stdio = server.stdio ?? { command: "", args: [], env: [] };
  const argsId = serverFieldId(server.id, "args");
  const envId = serverFieldId(server.id, "env");
  const [envText, setEnvText] = useState(stdio.env.join(", "));
  const envNames = envText
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter(Boolean);
  const invalid = envNames.filter((name) => !ENV_NAME.test(name));
  return (
    <div className="space-y-2" data-testid="stdio-settings">
      <p
        role="note"
        className="rounded-md border border-accent/30 bg-accent-soft px-2.5 py-1.5 text-xs"
      >
        <strong className="font-medium">Not reachable by the connector: client-side only.</strong>{" "}
        The API connects to URLs from Anthropic&apos;s servers, so the request leaves {title} out.
        Get code → <em>TypeScript · client-side MCP</em> starts it on your machine and hands its
        tools to Claude.
      </p>
      <Field
        id={argsId}
        label="Arguments (one a line)"
        hint="They go into share links and exported code as they are: keep secrets in environment variables."
      >
        <TextArea
          id={argsId}
          rows={2}
          value={stdio.args.join("\n")}
          spellCheck={false}
          className="font-mono"
          aria-describedby={`${argsId}-hint`}
          onChange={(event) =>
            updateServer(server.id, {
              stdio: { ...stdio, args: event.target.value.split("\n") },
            })
          }
        />
      </Field>
      <Field
        id={envId}
        label="Environment variables it needs (names)"
        hint={
          invalid.length
            ? `Not a variable name: ${invalid.join(", ")}.`
            : "Only the names: the code reads each value from your environment."
        }
      >
        <TextInput
          id={envId}
          value={envText}
          placeholder="API_KEY, BASE_DIR"
          spellCheck={false}
          autoComplete="off"
          className="font-mono"
          aria-invalid={invalid.length > 0}
          aria-describedby={`${envId}-hint`}
          onChange={(event) => {
            setEnvText(event.target.value);
            const names = event.target.value
              .split(/[\s,]+/)
              .map((name) => name.trim())
              .filter((name) => ENV_NAME.test(name));
            updateServer(server.id, { stdio: { ...stdio, env: names } });
          }}
        />
      </Field>
    </div>
  );
}

/** The command that starts a stdio server, beside its name. */
export function StdioCommand({ server }: { server: ServerDraft }) {
  const updateServer = useAppStore((s) => s.updateServer);
  const id = serverFieldId(server.id, "command");
  const stdio = server.stdio ?? { command: "", args: [], env: [] };
  return (
    <Field id={id} label="Command">
      <TextInput
        id={id}
        value={stdio.command}
        placeholder="npx"
        spellCheck={false}
        autoComplete="off"
        className="font-mono"
        onChange={(event) =>
          updateServer(server.id, { stdio: { ...stdio, command: event.target.value } })
        }
      />
    </Field>
  );
}

/** How a server is reached: a URL (the connector), or a local process over stdio. */
export function ConnectionKind({ server, title }: { server: ServerDraft; title: string }) {
  const updateServer = useAppStore((s) => s.updateServer);
  const id = serverFieldId(server.id, "connection");
  return (
    <Field id={id} label="Reached over">
      <Select
        id={id}
        value={server.stdio ? "stdio" : "url"}
        aria-label={`How ${title} is reached`}
        onChange={(event) =>
          updateServer(server.id, {
            stdio:
              event.target.value === "stdio"
                ? (server.stdio ?? { command: "", args: [], env: [] })
                : undefined,
          })
        }
      >
        <option value="url">URL (the connector)</option>
        <option value="stdio">stdio (client-side only)</option>
      </Select>
    </Field>
  );
}
