// Which keys move between the workbench's panes, and whether a key belongs to a text field.
export const PANE_ORDER = ["composer", "preview", "response"] as const;
export type PaneName = (typeof PANE_ORDER)[number];

/** A key pressed here is the field's own (its undo, its "?"), not the page's. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(
    target.type,
  );
}

/** The pane a key asks for: F6 / Shift+F6 from the pane focus is in, Ctrl+1–3 by place. */
export function paneForKey(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">,
  focused: Element | null,
): PaneName | null {
  if (event.key === "F6" && !event.ctrlKey && !event.metaKey && !event.altKey) {
    const current = focused?.closest("[data-pane]")?.getAttribute("data-pane");
    const index = PANE_ORDER.indexOf(current as PaneName);
    const step = event.shiftKey ? -1 : 1;
    const next =
      index === -1
        ? event.shiftKey
          ? PANE_ORDER.length - 1
          : 0
        : index + step + PANE_ORDER.length;
    return PANE_ORDER[next % PANE_ORDER.length]!;
  }
  if (event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
    const place = ["1", "2", "3"].indexOf(event.key);
    if (place !== -1) return PANE_ORDER[place]!;
  }
  return null;
}
