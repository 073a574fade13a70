"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useStoreApi } from "@/components/store-provider";
import { Button } from "@/components/ui/button";
import { CloseDialogButton, Dialog } from "@/components/ui/dialog";
import { attachUndo, type UndoController } from "@/lib/client/store/undo-controller";
import { isTyping, paneForKey, PANE_ORDER, type PaneName } from "@/lib/client/keyboard";

/** How long the Undo offer stays after a removal or a reset. */
const TOAST_MS = 10_000;
/** Typed this recently in a field, the person is typing: a finished run leaves their focus. */
const TYPING_PAUSE_MS = 2_000;

const SHORTCUTS: [keys: string, what: string][] = [
  ["Ctrl/Cmd + Enter", "Send the request"],
  ["Ctrl/Cmd + S", "Save the request in a collection"],
  ["Ctrl/Cmd + Z", "Undo a composer edit (outside a text field, where the field undoes its own)"],
  ["Shift + Ctrl/Cmd + Z, Ctrl + Y", "Redo"],
  ["F6, Shift + F6", "Next / previous pane (composer, preview, response)"],
  [
    "Ctrl + 1, 2, 3",
    "Go to the composer, preview or response (if the browser leaves them to the page)",
  ],
  ["?", "This list"],
  ["Tab from the top", "“Skip to response” link"],
];

/**
 * The workbench's keyboard (undo/redo, moving between panes, the shortcut list) and the Undo
 * offer after an edit that lost something. Loaded after the page; every handler leaves typing alone.
 */
export function WorkbenchKeys({ onPane: showPane }: { onPane: (pane: PaneName) => void }) {
  const store = useStoreApi();
  // A pane asked for: shown (a tab on narrow windows), then its heading focused once rendered.
  const [paneFocus, setPaneFocus] = useState<{ pane: PaneName } | null>(null);
  useEffect(() => {
    if (paneFocus) document.getElementById(`pane-heading-${paneFocus.pane}`)?.focus();
  }, [paneFocus]);
  const onPane = useCallback(
    (pane: PaneName) => {
      showPane(pane);
      setPaneFocus({ pane });
    },
    [showPane],
  );
  const undo = useRef<UndoController | null>(null);
  // A new object each time, so a second loss re-arms the timer even with the same words.
  const [toast, setToast] = useState<{ text: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const controller = attachUndo(store, (text) => setToast({ text }));
    undo.current = controller;
    return () => controller.detach();
  }, [store]);

  // A run that ends takes focus to the response, unless the person is typing somewhere.
  useEffect(() => {
    let typedAt = -Infinity;
    const onInput = () => (typedAt = Date.now());
    window.addEventListener("input", onInput, true);
    const stop = store.subscribe((state, previous) => {
      if (previous.run.status !== "sending" || state.run.status !== "done") return;
      const typing = isTyping(document.activeElement) && Date.now() - typedAt < TYPING_PAUSE_MS;
      if (!typing) onPane("response");
    });
    return () => {
      window.removeEventListener("input", onInput, true);
      stop();
    };
  }, [store, onPane]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && (key === "z" || key === "y") && !isTyping(event.target)) {
        event.preventDefault();
        const redo = key === "y" || event.shiftKey;
        if (redo) undo.current?.redo();
        else undo.current?.undo();
        setToast(null);
        return;
      }
      const pane = paneForKey(event, document.activeElement);
      if (pane) {
        event.preventDefault();
        onPane(pane);
        return;
      }
      if (event.key === "?" && !command && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onPane]);

  return (
    <>
      <a
        href="#pane-response"
        className="sr-only z-50 rounded-md bg-accent px-3 py-1.5 text-sm text-accent-ink focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        onClick={(event) => {
          event.preventDefault();
          onPane("response");
        }}
      >
        Skip to response
      </a>
      {toast ? (
        <div
          role="status"
          data-testid="undo-toast"
          className="fixed inset-x-4 bottom-4 z-40 mx-auto flex w-fit max-w-[calc(100vw-2rem)] items-center gap-3 rounded-lg border border-line bg-panel px-3 py-2 text-sm text-ink shadow-lg"
        >
          <span>{toast.text}</span>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              undo.current?.undo();
              setToast(null);
            }}
          >
            Undo
          </Button>
          <Button size="sm" variant="ghost" aria-label="Dismiss" onClick={() => setToast(null)}>
            ✕
          </Button>
        </div>
      ) : null}
      <Dialog
        open={helpOpen}
        onClose={() => setHelpOpen(false)}
        id="shortcuts"
        title="Keyboard shortcuts"
        className="w-[min(34rem,calc(100vw-2rem))]"
      >
        <table className="w-full text-sm">
          <caption className="sr-only">Keyboard shortcuts</caption>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys} className="border-t border-line first:border-t-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs font-normal">
                  {keys}
                </th>
                <td className="py-1.5 text-muted">{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-muted">
          Panes in order: {PANE_ORDER.join(", ")}. A finished run moves focus to the response unless
          you are typing.
        </p>
        <div className="mt-3 flex justify-end">
          <CloseDialogButton onClose={() => setHelpOpen(false)} />
        </div>
      </Dialog>
    </>
  );
}
