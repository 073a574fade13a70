"use client";

import { useMemo, useState } from "react";
import { useAppStore } from "@/components/store-provider";
import { selectComposer } from "@/lib/client/store/selectors";
import { buildRequest } from "@/lib/domain/request/build-request";
import { resolveComposer, variableValues } from "@/lib/domain/workspace/variables";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { CloseDialogButton, Dialog, type LazyDialogProps } from "@/components/ui/dialog";
import { useCopy } from "@/components/ui/use-copy";
import { cn } from "@/components/ui/cn";
import {
  EXPORT_FORM_LABELS,
  EXPORT_FORMS,
  exportVariants,
  generateExport,
  type ExportForm,
} from "@/lib/domain/export/export-forms";
import { secretVariables } from "@/lib/domain/export/snippets";
import type { ClientSideExtras } from "@/lib/domain/export/client-side-snippet";
import type { ServerDraft } from "@/lib/domain/request/types";
import { HighlightedCode } from "@/components/ui/highlighted-code";

/** The chosen variant if the form has it, else the form's first. */
function currentVariant(form: ExportForm, variant: string): string {
  const variants = exportVariants(form);
  return variants.some((entry) => entry.value === variant) ? variant : variants[0]!.value;
}

/** The Get code dialog (loaded on first use, with the snippet generators). */
export default function GetCodeDialog({ open, onClose }: LazyDialogProps) {
  const written = useAppStore(selectComposer);
  const active = useAppStore((s) => s.activeEnvironment);
  const publicValues = useMemo(
    () => variableValues(active?.variables ?? [], active?.environment?.variables ?? []),
    [active],
  );
  // Resolved without secret values: a secret variable stays {{NAME}} in the code.
  const resolution = useMemo(() => resolveComposer(written, publicValues), [written, publicValues]);
  const state = resolution.state;
  const request = useMemo(() => buildRequest(state), [state]);
  const discoveries = useAppStore((s) => s.discoveries);
  const servers = state.servers;
  const keepUrlSecrets = useMemo(
    () => servers.filter((server) => server.keepUrlSecrets).map((server) => server.name),
    [servers],
  );
  const [form, setForm] = useState<ExportForm>("request");
  const [variant, setVariant] = useState("curl");
  const [extras, setExtras] = useState<ClientSideExtras>({});
  const variants = exportVariants(form);
  const current = currentVariant(form, variant);
  const { status, copy, reset } = useCopy();
  const {
    code: snippet,
    notes: exportNotes,
    file,
  } = useMemo(
    // Closed, it stays mounted: nothing to generate on each keystroke of the composer.
    () =>
      open
        ? generateExport(form, current, {
            state,
            request,
            options: { keepUrlSecrets },
            clientSide: extras,
            discovered: (server: ServerDraft) => {
              const found = discoveries[server.id];
              return found?.status === "ok" ? found.result.tools.map((tool) => tool.name) : null;
            },
          })
        : { code: "", notes: [] },
    [open, form, current, state, request, keepUrlSecrets, discoveries, extras],
  );
  const left = [...new Set(resolution.unresolved.map((entry) => `{{${entry.name}}}`))];
  const notes = left.length
    ? [
        ...exportNotes,
        `${left.join(", ")} ${left.length === 1 ? "is" : "are"} left as written (secret or unset variables): set ${left.length === 1 ? "it" : "them"} before running this.`,
      ]
    : exportNotes;
  const variables = secretVariables(request, { keepUrlSecrets });

  return (
    <>
      <Dialog
        open={open}
        onClose={onClose}
        id="code"
        title="The request as code"
        className="w-[min(52rem,calc(100vw-2rem))]"
      >
        <label className="mb-2 grid max-w-sm gap-1 text-sm">
          <span className="text-xs font-medium text-muted">Export as</span>
          <Select
            value={form}
            data-testid="export-form"
            onChange={(event) => {
              setForm(event.target.value as ExportForm);
              reset();
            }}
          >
            {EXPORT_FORMS.map((option) => (
              <option key={option} value={option}>
                {EXPORT_FORM_LABELS[option]}
              </option>
            ))}
          </Select>
        </label>
        <div
          role="tablist"
          aria-label={form === "mcp-servers" ? "Client" : "Language"}
          className="mb-2 flex flex-wrap gap-1 border-b border-line"
        >
          {variants.map((option) => (
            <button
              key={option.value}
              type="button"
              role="tab"
              aria-selected={option.value === current}
              onClick={() => {
                setVariant(option.value);
                reset();
              }}
              className={cn(
                "-mb-px cursor-pointer border-b-2 px-3 py-1.5 text-sm",
                option.value === current
                  ? "border-accent font-medium"
                  : "border-transparent text-muted hover:text-ink",
              )}
            >
              {option.label}
            </button>
          ))}
        </div>
        {form === "client-side" ? (
          <ClientSideExtrasFields servers={servers} extras={extras} onChange={setExtras} />
        ) : null}
        {notes.length ? (
          <ul
            data-testid="export-notes"
            aria-label="What does not carry over"
            className="mb-2 list-disc space-y-0.5 rounded-md border border-warn/30 bg-warn-soft py-2 pr-3 pl-7 text-xs"
          >
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
        {snippet ? (
          <HighlightedCode
            code={snippet}
            data-testid="snippet"
            className="max-h-[60vh] rounded-md border border-line bg-sunken p-3"
          />
        ) : (
          <p data-testid="snippet-empty" className="text-sm text-muted">
            Nothing to copy: the notes above say why.
          </p>
        )}
        {form === "request" ||
        form === "batch" ||
        form === "count-tokens" ||
        form === "client-side" ? (
          <p className="mt-2 text-xs text-muted">
            Secrets are environment variables: <code className="font-mono">ANTHROPIC_API_KEY</code>
            {variables.map((variable) => (
              <span key={variable.env}>
                , <code className="font-mono">{variable.env}</code> (
                {variable.field === "url" ? "URL" : "token"} of {variable.serverName})
              </span>
            ))}
            . Set <code className="font-mono">ANTHROPIC_BASE_URL</code> to{" "}
            <code className="font-mono">{`${window.location.origin}/api/emulator`}</code> to run it
            against the emulator.
          </p>
        ) : null}
        {/* Sticky: on a short or narrow window Copy and Done stay in view under the code. */}
        <div className="sticky -bottom-4 -mx-4 mt-3 flex items-center justify-end gap-2 border-t border-line bg-panel px-4 py-2">
          <span role="status" className="text-xs text-muted">
            {status === "copied"
              ? "Copied."
              : status === "failed"
                ? "Copy failed: select the code and copy it."
                : null}
          </span>
          {file && snippet ? (
            <Button variant="secondary" onClick={() => downloadFile(file, snippet)}>
              Download {file.split("/").at(-1)}
            </Button>
          ) : null}
          <Button variant="secondary" disabled={!snippet} onClick={() => void copy(snippet)}>
            Copy
          </Button>
          <CloseDialogButton onClose={onClose} />
        </div>
      </Dialog>
    </>
  );
}

/** Saves a config file under its own name (nothing leaves the browser). */
function downloadFile(path: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = path.split("/").at(-1) ?? "mcp.json";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An MCP prompt to start from and a resource to attach: what only a client-side program can do. */
function ClientSideExtrasFields({
  servers,
  extras,
  onChange,
}: {
  servers: readonly ServerDraft[];
  extras: ClientSideExtras;
  onChange: (extras: ClientSideExtras) => void;
}) {
  const firstId = servers[0]?.id ?? "";
  const prompt = extras.prompt ?? { serverId: firstId, name: "" };
  const resource = extras.resource ?? { serverId: firstId, uri: "" };
  const serverOptions = servers.map((server, index) => (
    <option key={server.id} value={server.id}>
      {server.name || `server ${index + 1}`}
    </option>
  ));
  return (
    <fieldset className="mb-2 grid gap-1.5 rounded-md border border-line p-2 text-xs sm:grid-cols-[auto_10rem_1fr] sm:items-center">
      <legend className="px-1 font-medium text-muted">
        MCP prompts and resources (the connector has neither)
      </legend>
      <span>Start from the prompt</span>
      <Select
        aria-label="Server of the prompt"
        value={prompt.serverId}
        onChange={(event) =>
          onChange({ ...extras, prompt: { ...prompt, serverId: event.target.value } })
        }
      >
        {serverOptions}
      </Select>
      <TextInput
        aria-label="Prompt name"
        placeholder="prompt name, e.g. simple-prompt"
        value={prompt.name}
        spellCheck={false}
        className="font-mono"
        onChange={(event) =>
          onChange({ ...extras, prompt: { ...prompt, name: event.target.value } })
        }
      />
      <span>Attach the resource</span>
      <Select
        aria-label="Server of the resource"
        value={resource.serverId}
        onChange={(event) =>
          onChange({ ...extras, resource: { ...resource, serverId: event.target.value } })
        }
      >
        {serverOptions}
      </Select>
      <TextInput
        aria-label="Resource URI"
        placeholder="resource URI, e.g. file:///notes.md"
        value={resource.uri}
        spellCheck={false}
        className="font-mono"
        onChange={(event) =>
          onChange({ ...extras, resource: { ...resource, uri: event.target.value } })
        }
      />
    </fieldset>
  );
}
