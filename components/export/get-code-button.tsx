"use client";

import { useMemo, useRef, useState } from "react";
import { usePreview } from "@/components/preview/use-preview";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  generateSnippet,
  SNIPPET_LABELS,
  SNIPPET_LANGUAGES,
  tokenVariables,
  type SnippetLanguage,
} from "@/lib/export/snippets";
import { tokenizeJson, type JsonTokenKind } from "@/lib/json/highlight";

const TOKEN_CLASSES: Record<JsonTokenKind, string> = {
  key: "text-code-key",
  string: "text-code-string",
  number: "text-code-number",
  boolean: "text-code-literal",
  null: "text-code-literal",
  punctuation: "text-muted",
  plain: "",
};

/** "Get code": the request Send would send, as curl, TypeScript, Python or a JSON body. */
export function GetCodeButton() {
  const { request } = usePreview();
  const dialog = useRef<HTMLDialogElement>(null);
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const [copied, setCopied] = useState<string | null>(null);
  const snippet = useMemo(() => generateSnippet(language, request), [language, request]);
  const tokens = useMemo(() => tokenizeJson(snippet), [snippet]);
  const variables = tokenVariables(request);

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied("Copied.");
    } catch {
      setCopied("Copy failed: select the code and copy it.");
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        Get code
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="code-title"
        className="m-auto w-[min(52rem,calc(100vw-2rem))] rounded-lg border border-line bg-panel p-4 text-ink shadow-xl backdrop:bg-black/40"
      >
        <h2 id="code-title" className="mb-2 text-sm font-semibold">
          The request as code
        </h2>
        <div role="tablist" aria-label="Language" className="mb-2 flex gap-1 border-b border-line">
          {SNIPPET_LANGUAGES.map((option) => (
            <button
              key={option}
              type="button"
              role="tab"
              aria-selected={option === language}
              onClick={() => {
                setLanguage(option);
                setCopied(null);
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
        <pre
          data-testid="snippet"
          className="max-h-[60vh] overflow-auto rounded-md border border-line bg-sunken p-3 font-mono text-xs leading-relaxed"
        >
          <code>
            {tokens.map((token, index) =>
              token.kind === "plain" ? (
                token.text
              ) : (
                <span key={index} className={TOKEN_CLASSES[token.kind]}>
                  {token.text}
                </span>
              ),
            )}
          </code>
        </pre>
        <p className="mt-2 text-xs text-muted">
          Secrets are environment variables: <code className="font-mono">ANTHROPIC_API_KEY</code>
          {variables.map((variable) => (
            <span key={variable.env}>
              , <code className="font-mono">{variable.env}</code> (token of {variable.serverName})
            </span>
          ))}
          . Set <code className="font-mono">ANTHROPIC_BASE_URL</code> to{" "}
          <code className="font-mono">{`${window.location.origin}/api/emulator`}</code> to run it
          against the emulator.
        </p>
        <div className="mt-3 flex items-center justify-end gap-2">
          <span role="status" className="text-xs text-muted">
            {copied}
          </span>
          <Button variant="secondary" onClick={() => void copy()}>
            Copy
          </Button>
          <Button variant="primary" onClick={() => dialog.current?.close()}>
            Done
          </Button>
        </div>
      </dialog>
    </>
  );
}
