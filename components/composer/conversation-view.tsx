"use client";

import type { BetaContentBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { Fragment, useId, useMemo, useState } from "react";
import { ResponseBlocks } from "@/components/response/response-blocks";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { Select, TextArea, TextInput } from "@/components/ui/field";
import { usePreview } from "@/components/preview/use-preview";
import { cn } from "@/components/ui/cn";
import { turnText } from "@/lib/domain/request/conversation";
import { replayToolChanges } from "@/lib/domain/request/tool-changes";
import {
  describeToolChange,
  insertToolChange,
  removeToolChange,
  summarizeOffered,
  toolChangeBlock,
  TOOL_CHANGE_LABELS,
  type OfferedSummary,
  type ToolChangeKind,
} from "@/lib/domain/request/tool-change-edits";
import type { ConversationTurn } from "@/lib/domain/request/types";

/** The earlier turns, sent before the message: each can be edited, removed or re-run from. */
export function ConversationView({ onShowResponse }: { onShowResponse: () => void }) {
  const turns = useAppStore((s) => s.composer.conversation);
  const clear = useAppStore((s) => s.clearConversation);
  const preview = usePreview();
  // What each point of the conversation offers, replayed over the request's own toolsets.
  const replay = useMemo(
    () => replayToolChanges({ tools: preview.request.tools, messages: turns }),
    [preview.request.tools, turns],
  );
  const knownTools = useMemo(() => {
    const known: Record<string, string[]> = {};
    for (const server of preview.servers)
      if (server.discovered) known[server.name] = [...server.toolInfo.keys()];
    return known;
  }, [preview.servers]);
  if (turns.length === 0) return null;
  return (
    <section aria-labelledby="conversation-heading" className="space-y-2">
      <div className="flex items-center gap-2">
        <h3 id="conversation-heading" className="text-xs font-medium text-muted">
          Conversation · {turns.length} earlier turn{turns.length === 1 ? "" : "s"}, sent before the
          message
        </h3>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={clear}>
          Start over
        </Button>
      </div>
      <ol className="space-y-2" aria-label="Earlier turns">
        {turns.map((turn, index) => (
          <Fragment key={turn.id}>
            {turn.role === "system" ? (
              <ToolChangeTurn
                turn={turn}
                index={index}
                offered={summarizeOffered(replay.after[index] ?? replay.initial, knownTools)}
              />
            ) : (
              <TurnView turn={turn} index={index} onShowResponse={onShowResponse} />
            )}
            {turn.role !== "system" && turns[index + 1]?.role !== "system" ? (
              <li className="list-none">
                <AddToolChange afterIndex={index} knownTools={knownTools} />
              </li>
            ) : null}
          </Fragment>
        ))}
      </ol>
      {replay.problems.length ? (
        <ul data-testid="tool-change-problems" className="text-xs text-danger">
          {replay.problems.map((problem) => (
            <li key={`${problem.path}:${problem.code}`}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function TurnView({
  turn,
  index,
  onShowResponse,
}: {
  turn: ConversationTurn;
  index: number;
  onShowResponse: () => void;
}) {
  const editTurn = useAppStore((s) => s.editTurn);
  const removeTurn = useAppStore((s) => s.removeTurn);
  const rerunFrom = useAppStore((s) => s.rerunFrom);
  const [draft, setDraft] = useState<string | null>(null);
  const text = turnText(turn);
  const label = `${turn.role === "user" ? "User" : "Assistant"} turn ${index + 1}`;

  return (
    <li
      data-testid="conversation-turn"
      data-role={turn.role}
      aria-label={label}
      className={cn(
        "rounded-lg border px-3 py-2",
        turn.role === "user" ? "border-line bg-panel" : "border-accent/30 bg-accent-soft/40",
      )}
    >
      <div className="flex flex-wrap items-center gap-1">
        <span className="mr-auto text-[10px] font-bold tracking-wide text-muted uppercase">
          {turn.role}
        </span>
        {turn.role === "user" && text !== null && draft === null ? (
          <>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setDraft(text)}
              aria-label={`Edit ${label}`}
            >
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              // The visible words first, as axe's label-content-name-mismatch asks.
              aria-label={`Re-run from here: ${label}`}
              title="Drop this turn and the ones after it, put its text in the message box, and Send"
              onClick={() => {
                onShowResponse();
                void rerunFrom(turn.id);
              }}
            >
              Re-run from here
            </Button>
          </>
        ) : null}
        <Button
          size="sm"
          variant="danger"
          onClick={() => removeTurn(turn.id)}
          aria-label={`Remove ${label}`}
        >
          Remove
        </Button>
      </div>
      {draft !== null ? (
        <div className="mt-1 space-y-1.5">
          <TextArea
            aria-label={`Text of ${label}`}
            rows={2}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="flex justify-end gap-1.5">
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button
              size="sm"
              variant="primary"
              onClick={() => {
                editTurn(turn.id, draft);
                setDraft(null);
              }}
            >
              Save
            </Button>
          </div>
        </div>
      ) : typeof turn.content === "string" ? (
        <p className="mt-1 text-sm whitespace-pre-wrap">{turn.content}</p>
      ) : (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-muted">
            {describeBlocks(turn.content)}
          </summary>
          <div className="mt-2">
            {/* Shown as the response pane shows blocks; kept exactly as they will be sent. */}
            <ResponseBlocks
              content={turn.content as unknown as BetaContentBlock[]}
              label={`Blocks of ${label}`}
            />
          </div>
        </details>
      )}
    </li>
  );
}

/**
 * A tool change between turns (a `role: "system"` turn): each change in words, removable, one
 * more addable, and what the model is offered from here on.
 */
function ToolChangeTurn({
  turn,
  index,
  offered,
}: {
  turn: ConversationTurn;
  index: number;
  offered: OfferedSummary[];
}) {
  const conversation = useAppStore((s) => s.composer.conversation);
  const setField = useAppStore((s) => s.setField);
  const blocks = typeof turn.content === "string" ? [] : (turn.content as { type: string }[]);
  const label = `Tool change ${index + 1}`;
  return (
    <li
      data-testid="tool-change"
      aria-label={label}
      className="rounded-lg border border-dashed border-warn/60 bg-warn-soft/40 px-3 py-2"
    >
      <div className="flex items-center gap-2">
        <span className="text-[10px] font-bold tracking-wide text-warn uppercase">
          system · tool change
        </span>
        <Button
          size="sm"
          variant="danger"
          className="ml-auto"
          aria-label={`Remove ${label}`}
          onClick={() =>
            setField(
              "conversation",
              conversation.filter((candidate) => candidate.id !== turn.id),
            )
          }
        >
          Remove
        </Button>
      </div>
      <ul className="mt-1 space-y-1">
        {blocks.map((block, blockIndex) => (
          <li
            key={blockIndex}
            className="flex items-center gap-2 text-sm"
            data-testid="tool-change-block"
          >
            <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
              {describeToolChange(block)}
            </span>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove “${describeToolChange(block)}”`}
              onClick={() =>
                setField("conversation", removeToolChange(conversation, turn.id, blockIndex))
              }
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-muted" data-testid="offered-from-here">
        From here the model is offered:{" "}
        {offered.length === 0
          ? "no MCP toolset."
          : offered
              .map(
                (entry) =>
                  `${entry.server} (${
                    entry.upFront === null
                      ? "tools not discovered yet"
                      : `${entry.upFront} up front, ${entry.deferred} deferred`
                  }${entry.removedTools.length ? `; withdrawn: ${entry.removedTools.join(", ")}` : ""})`,
              )
              .join(" · ")}
      </p>
      <AddToolChange afterIndex={index - 1} knownTools={{}} compact />
    </li>
  );
}

/** "Add tool change": the kind, the server, the tool (or the toolset's defaults), then Add. */
function AddToolChange({
  afterIndex,
  knownTools,
  compact = false,
}: {
  afterIndex: number;
  knownTools: Readonly<Record<string, readonly string[]>>;
  compact?: boolean;
}) {
  const conversation = useAppStore((s) => s.composer.conversation);
  const servers = useAppStore((s) => s.composer.servers);
  const beta = useAppStore((s) => s.composer.beta);
  const setField = useAppStore((s) => s.setField);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ToolChangeKind>("remove_tool");
  const names = servers
    .filter((server) => !server.stdio && server.name)
    .map((server) => server.name);
  const [server, setServer] = useState(names[0] ?? "");
  const [tool, setTool] = useState("");
  const id = useId();
  if (!open)
    return (
      <Button
        size="sm"
        variant="ghost"
        className={compact ? "mt-1" : ""}
        onClick={() => setOpen(true)}
        aria-label={
          compact
            ? "Add another tool change here"
            : `Add a tool change after turn ${afterIndex + 1}`
        }
      >
        + Tool change
      </Button>
    );
  const needsTool = kind === "remove_tool" || kind === "readd_tool";
  const toolNames = knownTools[server] ?? [];
  return (
    <fieldset className="mt-1 space-y-2 rounded-md border border-line bg-panel p-2">
      <legend className="px-1 text-xs font-medium text-muted">New tool change</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="text-xs">
          <label htmlFor={`${id}-kind`} className="mb-0.5 block text-muted">
            Change
          </label>
          <Select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as ToolChangeKind)}
          >
            {(Object.keys(TOOL_CHANGE_LABELS) as ToolChangeKind[]).map((value) => (
              <option key={value} value={value}>
                {TOOL_CHANGE_LABELS[value]}
              </option>
            ))}
          </Select>
        </div>
        <div className="text-xs">
          <label htmlFor={`${id}-server`} className="mb-0.5 block text-muted">
            Server
          </label>
          <Select
            id={`${id}-server`}
            value={server}
            onChange={(event) => setServer(event.target.value)}
          >
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </div>
        {needsTool ? (
          <div className="text-xs">
            <label htmlFor={`${id}-tool`} className="mb-0.5 block text-muted">
              Tool
            </label>
            <TextInput
              id={`${id}-tool`}
              list={`${id}-tools`}
              value={tool}
              onChange={(event) => setTool(event.target.value)}
            />
            <datalist id={`${id}-tools`}>
              {toolNames.slice(0, 500).map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
        ) : null}
      </div>
      {kind === "add_toolset" ? (
        <p className="text-xs text-muted">
          The server is offered from here on, with the toolset its card configures (it leaves
          `tools`).
          {beta !== "mcp-client-2026-09-15"
            ? " A toolset defined mid-conversation needs mcp-client-2026-09-15: adding it switches the request to that beta (inline-tools-2026-09-15 is sent with it)."
            : ""}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="primary"
          disabled={!server || (needsTool && !tool.trim())}
          onClick={() => {
            const block = toolChangeBlock(kind, server, { tool: tool.trim() });
            setField("conversation", insertToolChange(conversation, afterIndex, block, newTurnId));
            if (kind === "add_toolset" && beta !== "mcp-client-2026-09-15")
              setField("beta", "mcp-client-2026-09-15");
            setOpen(false);
            setTool("");
          }}
        >
          Add
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}

function newTurnId(): string {
  return `turn-${crypto.randomUUID()}`;
}

/** "text, mcp_tool_use list_events, mcp_tool_result OK, text": the turn at a glance. */
function describeBlocks(blocks: readonly { type: string }[]): string {
  return blocks
    .map((block) => {
      const b = block as { type: string; name?: string; is_error?: boolean; text?: string };
      if (b.type === "mcp_tool_use" || b.type === "tool_use") return `${b.type} ${b.name ?? ""}`;
      if (b.type === "mcp_tool_result") return `mcp_tool_result ${b.is_error ? "ERROR" : "OK"}`;
      if (b.type === "text" && b.text)
        return `“${b.text.slice(0, 40)}${b.text.length > 40 ? "…" : ""}”`;
      return b.type;
    })
    .join(" · ");
}
