"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import type { ReactNode, RefObject } from "react";

/** A row's estimated height before it is measured (one line of name, the source under a value). */
const ESTIMATED_ROW_PX = 46;

/**
 * Only the table rows in view (and a few either side) are rendered; spacer rows keep the scroll
 * height of all of them. Rows are measured once rendered, so wrapped names are fine.
 */
export function VirtualRows({
  count,
  scrollRef,
  bodyRef,
  renderRow,
}: {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** The <tbody>: rows start below the header, at its offset in the scroller. */
  bodyRef: RefObject<HTMLElement | null>;
  renderRow: (
    index: number,
    measureRef: ((element: HTMLTableRowElement | null) => void) | undefined,
  ) => ReactNode;
}) {
  // Nothing here is memoised on the virtualiser's functions: it renders again on every scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 10,
    scrollMargin: bodyRef.current?.offsetTop ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  const before = items.length ? items[0]!.start - margin : 0;
  const after = items.length ? virtualizer.getTotalSize() - (items.at(-1)!.end - margin) : 0;
  return (
    <>
      {before > 0 ? <Spacer height={before} /> : null}
      {items.map((item) => renderRow(item.index, virtualizer.measureElement))}
      {after > 0 ? <Spacer height={after} /> : null}
    </>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={3} className="p-0" />
    </tr>
  );
}
