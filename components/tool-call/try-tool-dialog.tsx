"use client";

import type { BetaContentBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { ResponseBlocks } from "@/components/response/response-blocks";
import { useAppStore, useStoreApi } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { CloseDialogButton, Dialog, type LazyDialogProps } from "@/components/ui/dialog";
import { TextArea } from "@/components/ui/field";
import { useCopy } from "@/components/ui/use-copy";
import { requestToolCall, type ToolCallOutcome } from "@/lib/client/api/call-client";
import { LOAD_FAILED_MESSAGE } from "@/lib/client/store/load-failure";
import { selectResolvedComposer } from "@/lib/client/store/selectors";
import type { ToolInfo } from "@/lib/domain/request/types";
import {
  checkValue,
  initialValue,
  readInputSchema,
  setAt,
} from "@/lib/domain/tool-call/schema-form";
import { ProtocolLog } from "@/components/protocol/protocol-log";
import type { ProtocolEntry } from "@/lib/domain/protocol/log";
import { ObjectFields } from "./schema-fields";

export interface TryToolDialogProps extends LazyDialogProps {
  serverId: string;
  serverName: string;
  tool: ToolInfo;
}

type CallState =
  | { status: "idle" }
  | { status: "confirming" }
  | { status: "calling"; controller: AbortController }
  | {
      status: "done";
      block: BetaContentBlock;
      raw: unknown;
      durationMs: number;
      input: object;
      log?: ProtocolEntry[];
    }
  | { status: "error"; message: string; log?: ProtocolEntry[] };

/**
 * Try: call one tool by hand, as an MCP inspector does — a form built from its inputSchema, or the
 * arguments as JSON — through /api/mcp/call with the server's token. The result shows as the
 * response would show its mcp_tool_result.
 */
export default function TryToolDialog({
  open,
  onClose,
  serverId,
  serverName,
  tool,
}: TryToolDialogProps) {
  const form = useMemo(() => readInputSchema(tool.inputSchema), [tool.inputSchema]);
  const [args, setArgs] = useState<Record<string, unknown>>(
    () => (initialValue(form) as Record<string, unknown>) ?? {},
  );
  const [mode, setMode] = useState<"form" | "json">("form");
  const [jsonText, setJsonText] = useState("");
  const [jsonError, setJsonError] = useState("");
  // The form remounts after a JSON edit, so its fields show the value the JSON gave.
  const [formRevision, setFormRevision] = useState(0);
  const [call, setCall] = useState<CallState>({ status: "idle" });
  const ensureFreshTokens = useAppStore((s) => s.ensureFreshTokens);
  const store = useStoreApi();
  const resolvedServer = useAppStore((s) =>
    selectResolvedComposer(s).state.servers.find((server) => server.id === serverId),
  );
  const { status: copyStatus, copy } = useCopy();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const problems = checkValue(form, args);
  // A call that ended moves focus to its result (the Call button was disabled meanwhile).
  useEffect(() => {
    if (call.status === "done") resultHeading.current?.focus();
  }, [call]);
  // Unique per dialog: several can be mounted (a row's and a card's), each named by its own title.
  const id = `try-tool-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;

  function showJson() {
    setJsonText(JSON.stringify(args, null, 2));
    setJsonError("");
    setMode("json");
  }

  function editJson(text: string) {
    setJsonText(text);
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        setJsonError("The arguments must be a JSON object ({ … }).");
        return;
      }
      setJsonError("");
      setArgs(parsed as Record<string, unknown>);
      setFormRevision((revision) => revision + 1);
    } catch (error) {
      setJsonError(`Not valid JSON yet: ${error instanceof Error ? error.message : "unreadable"}.`);
    }
  }

  async function run() {
    if (!resolvedServer) {
      setCall({
        status: "error",
        message: `The server ${serverName} is no longer in the request.`,
      });
      return;
    }
    if (call.status === "calling") call.controller.abort();
    const controller = new AbortController();
    setCall({ status: "calling", controller });
    await ensureFreshTokens([serverId]);
    const server =
      selectResolvedComposer(store.getState()).state.servers.find(
        (candidate) => candidate.id === serverId,
      ) ?? resolvedServer;
    const input = args;
    const outcome = await requestToolCall(
      {
        url: server.url,
        authorizationToken: server.authorizationToken,
        tool: tool.name,
        arguments: input,
      },
      { signal: controller.signal },
    ).catch((): ToolCallOutcome => ({ ok: false, message: LOAD_FAILED_MESSAGE }));
    if (controller.signal.aborted) return;
    setCall(
      outcome.ok
        ? {
            status: "done",
            block: outcome.block,
            raw: outcome.raw,
            durationMs: outcome.durationMs,
            input,
            log: outcome.log,
          }
        : { status: "error", message: outcome.message, log: outcome.log },
    );
  }

  function onCall() {
    if (tool.destructive && call.status !== "confirming") {
      setCall({ status: "confirming" });
      return;
    }
    void run();
  }

  const calling = call.status === "calling";
  const useBlock = {
    type: "mcp_tool_use",
    id: "mcptoolu_try",
    name: tool.name,
    server_name: serverName,
    input: call.status === "done" ? call.input : args,
  } as BetaContentBlock;

  // In a portal: the dialog outlives its row's pane being hidden (a narrow window's tabs).
  return createPortal(
    <Dialog
      open={open}
      onClose={onClose}
      id={id}
      title={`Try ${serverName}.${tool.name}`}
      className="w-[min(44rem,calc(100vw-1rem))] max-h-[calc(100dvh-1rem)] p-0"
    >
      <div className="flex max-h-[calc(100dvh-4rem)] flex-col">
        <div className="min-h-0 flex-1 space-y-3 overflow-auto px-4 pb-3">
          {tool.title || tool.description ? (
            <p className="text-xs text-muted">
              {tool.title ? <strong className="text-ink">{tool.title}. </strong> : null}
              {tool.description}
            </p>
          ) : null}
          {tool.needsTasks ? (
            <p role="note" className="rounded-md bg-warn-soft px-2 py-1 text-xs text-warn">
              This tool needs MCP tasks (execution.taskSupport: &quot;required&quot;): the connector
              cannot call it, and a plain call here is likely refused.
            </p>
          ) : null}
          <div role="group" aria-label="Edit the arguments as" className="flex gap-1">
            <Button
              size="sm"
              variant={mode === "form" ? "primary" : "secondary"}
              aria-pressed={mode === "form"}
              onClick={() => setMode("form")}
            >
              Form
            </Button>
            <Button
              size="sm"
              variant={mode === "json" ? "primary" : "secondary"}
              aria-pressed={mode === "json"}
              onClick={showJson}
            >
              JSON
            </Button>
          </div>
          {mode === "form" ? (
            <ObjectFields
              key={formRevision}
              properties={form.properties}
              value={args}
              onChange={(name, value) =>
                setArgs((current) => setAt(current, [name], value) as Record<string, unknown>)
              }
            />
          ) : (
            <div>
              <label htmlFor={`${id}-json`} className="text-xs font-medium text-ink">
                Arguments (JSON)
              </label>
              <TextArea
                id={`${id}-json`}
                className="mt-1 min-h-40 font-mono text-xs"
                spellCheck={false}
                value={jsonText}
                aria-invalid={jsonError ? true : undefined}
                onChange={(event) => editJson(event.target.value)}
              />
              {jsonError ? (
                <p role="alert" className="mt-1 text-xs text-danger">
                  {jsonError} The last arguments read are kept.
                </p>
              ) : null}
            </div>
          )}
          {problems.length ? (
            <div
              data-testid="try-problems"
              className="rounded-md border border-warn bg-warn-soft px-2 py-1.5 text-xs text-warn"
            >
              <p className="font-semibold">
                The schema says{" "}
                {problems.length === 1 ? "one thing is" : `${problems.length} things are`} wrong
                (Call sends it anyway; the server decides):
              </p>
              <ul className="mt-1 list-disc pl-5">
                {problems.slice(0, 20).map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>
                    <code>{problem.path || "input"}</code> {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {call.status === "confirming" ? (
            <div
              role="alert"
              className="rounded-md border-2 border-danger bg-danger-soft px-3 py-2 text-sm text-danger"
            >
              <p className="font-semibold">
                {tool.name} is annotated destructive: calling it may change or delete data on{" "}
                {serverName}.
              </p>
              <div className="mt-2 flex gap-2">
                <Button size="sm" variant="primary" onClick={() => void run()}>
                  Call anyway
                </Button>
                <Button size="sm" variant="secondary" onClick={() => setCall({ status: "idle" })}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : null}
          {call.status === "error" ? (
            <div>
              <p role="alert" data-testid="try-error" className="text-sm text-danger">
                {call.message}
              </p>
              {call.log ? (
                <ProtocolLog
                  entries={call.log}
                  label={`Protocol log of the call to ${tool.name}`}
                />
              ) : null}
            </div>
          ) : null}
          {call.status === "done" ? (
            <section aria-labelledby={`${id}-result`} data-testid="try-result">
              <div className="flex flex-wrap items-center gap-2">
                <h3
                  id={`${id}-result`}
                  ref={resultHeading}
                  tabIndex={-1}
                  className="text-sm font-semibold outline-none"
                >
                  Result
                </h3>
                <span className="text-xs text-muted" data-testid="try-duration">
                  took {call.durationMs} ms
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  className="ml-auto"
                  onClick={() =>
                    void copy(
                      JSON.stringify(
                        { tool: tool.name, arguments: call.input, result: call.raw ?? call.block },
                        null,
                        2,
                      ),
                    )
                  }
                >
                  {copyStatus === "copied" ? "Copied" : "Copy as JSON"}
                </Button>
              </div>
              {copyStatus === "failed" ? (
                <p role="alert" className="text-xs text-danger">
                  The browser refused the clipboard.
                </p>
              ) : null}
              <div className="mt-2">
                <ResponseBlocks content={[useBlock, call.block]} label="Tool call" />
              </div>
              {call.log ? (
                <ProtocolLog
                  entries={call.log}
                  label={`Protocol log of the call to ${tool.name}`}
                />
              ) : null}
              {call.raw ? (
                <details className="mt-2 text-xs">
                  <summary className="cursor-pointer text-muted">
                    The server&apos;s own result (JSON)
                  </summary>
                  <pre
                    // Scrollable: reachable by keyboard (axe's scrollable-region-focusable).
                    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
                    tabIndex={0}
                    aria-label="The server's own result"
                    className="mt-1 max-h-60 overflow-auto rounded bg-sunken p-2 font-mono"
                  >
                    {JSON.stringify(call.raw, null, 2)}
                  </pre>
                </details>
              ) : null}
            </section>
          ) : null}
        </div>
        <div className="sticky bottom-0 flex items-center justify-end gap-2 border-t border-line bg-panel px-4 py-2">
          {calling ? (
            <Button variant="secondary" onClick={() => call.controller.abort()}>
              Stop
            </Button>
          ) : null}
          <Button
            variant="primary"
            onClick={onCall}
            disabled={calling || call.status === "confirming"}
          >
            {calling ? "Calling…" : "Call"}
          </Button>
          <CloseDialogButton onClose={onClose} variant="secondary" />
        </div>
      </div>
    </Dialog>,
    document.body,
  );
}
