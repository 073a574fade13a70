"use client";

import { useMemo, useState } from "react";
import { usePreview } from "@/components/preview/use-preview";
import { useComposer } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { CloseDialogButton, Dialog, type LazyDialogProps } from "@/components/ui/dialog";
import { useCopy } from "@/components/ui/use-copy";
import { cn } from "@/components/ui/cn";
import {
  generateSnippet,
  SNIPPET_LABELS,
  SNIPPET_LANGUAGES,
  secretVariables,
  type SnippetLanguage,
} from "@/lib/export/snippets";
import { HighlightedCode } from "@/components/ui/highlighted-code";

/** The Get code dialog (loaded on first use, with the snippet generators). */
export default function GetCodeDialog({ open, onClose }: LazyDialogProps) {
  const { request } = usePreview();
  const servers = useComposer((s) => s.composer.servers);
  const keepUrlSecrets = useMemo(
    () => servers.filter((server) => server.keepUrlSecrets).map((server) => server.name),
    [servers],
  );
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const { status, copy, reset } = useCopy();
  const snippet = useMemo(
    // Closed, it stays mounted: nothing to generate on each keystroke of the composer.
    () => (open ? generateSnippet(language, request, { keepUrlSecrets }) : ""),
    [open, language, request, keepUrlSecrets],
  );
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
        <div role="tablist" aria-label="Language" className="mb-2 flex gap-1 border-b border-line">
          {SNIPPET_LANGUAGES.map((option) => (
            <button
              key={option}
              type="button"
              role="tab"
              aria-selected={option === language}
              onClick={() => {
                setLanguage(option);
                reset();
              }}
              className={cn(
                "-mb-px cursor-pointer border-b-2 px-3 py-1.5 text-sm",
                option === language
                  ? "border-accent font-medium"
                  : "border-transparent text-muted hover:text-ink",
              )}
            >
              {SNIPPET_LABELS[option]}
            </button>
          ))}
        </div>
        <HighlightedCode
          code={snippet}
          data-testid="snippet"
          className="max-h-[60vh] rounded-md border border-line bg-sunken p-3"
        />
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
        <div className="mt-3 flex items-center justify-end gap-2">
          <span role="status" className="text-xs text-muted">
            {status === "copied"
              ? "Copied."
              : status === "failed"
                ? "Copy failed: select the code and copy it."
                : null}
          </span>
          <Button variant="secondary" onClick={() => void copy(snippet)}>
            Copy
          </Button>
          <CloseDialogButton onClose={onClose} />
        </div>
      </Dialog>
    </>
  );
}
