"use client";

import type { BetaContentBlock } from "@anthropic-ai/sdk/resources/beta/messages/messages";
import { useState } from "react";
import { ResponseBlocks } from "@/components/response/response-blocks";
import { useAppStore } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { turnText } from "@/lib/domain/request/conversation";
import type { ConversationTurn } from "@/lib/domain/request/types";

/** The earlier turns, sent before the message: each can be edited, removed or re-run from. */
export function ConversationView({ onShowResponse }: { onShowResponse: () => void }) {
  const turns = useAppStore((s) => s.composer.conversation);
  const clear = useAppStore((s) => s.clearConversation);
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
          <TurnView key={turn.id} turn={turn} index={index} onShowResponse={onShowResponse} />
        ))}
      </ol>
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
              aria-label={`Re-run from ${label}`}
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
