"use client";

import type { ToolInfo } from "@/lib/domain/request/types";

const HINTS = [
  ["readOnlyHint", "read-only", "does not change anything"],
  ["destructiveHint", "destructive", "may delete or overwrite"],
  ["idempotentHint", "idempotent", "calling it twice does what calling it once does"],
  ["openWorldHint", "open world", "reaches outside the server (the web, other systems)"],
] as const;

/** An open tool's details, a row under the tool's own (measured like a row when virtualised). */
export function ToolDetailsRow({
  info,
  id,
  rowIndex,
  measureRef,
}: {
  info: ToolInfo;
  id: string;
  rowIndex?: number;
  measureRef?: (element: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr
      ref={measureRef}
      data-index={rowIndex === undefined ? undefined : rowIndex - 2}
      aria-rowindex={rowIndex}
      className="bg-sunken/50"
    >
      <td colSpan={3} className="px-3 pb-2 pl-7">
        <ToolDetails info={info} id={id} />
      </td>
    </tr>
  );
}

/**
 * What a discovered tool says about itself: title, description, annotations, schemas. All of it
 * is the server's word, shown as text (never as markup).
 */
export function ToolDetails({ info, id }: { info: ToolInfo; id: string }) {
  const annotations = info.annotations ?? {};
  const hints = HINTS.filter(([key]) => annotations[key] !== undefined);
  return (
    <div id={id} className="space-y-2 py-1 text-xs" data-testid="tool-details">
      <p>
        <span className="text-muted">Title: </span>
        {info.title ?? annotations.title ?? <span className="text-muted italic">none given</span>}
      </p>
      <p className="break-words whitespace-pre-wrap">
        {info.description?.trim() ? (
          info.description
        ) : (
          <span className="text-muted italic">The server gives no description.</span>
        )}
      </p>
      <div>
        <p className="text-muted">Annotations (hints the server gives, not guarantees):</p>
        {hints.length ? (
          <ul className="mt-0.5 flex flex-wrap gap-1.5" aria-label={`Annotations of ${info.name}`}>
            {hints.map(([key, label, meaning]) => (
              <li key={key} className="rounded bg-sunken px-1.5 py-px" title={meaning}>
                <span className="font-mono">{key}</span>: {String(annotations[key])}{" "}
                <span className="text-muted">({annotations[key] ? label : `not ${label}`})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted italic">none</p>
        )}
      </div>
      <SchemaBlock
        label={`Input schema of ${info.name}`}
        title="Input schema"
        schema={info.inputSchema}
      />
      {info.outputSchema === undefined ? null : (
        <SchemaBlock
          label={`Output schema of ${info.name}`}
          title="Output schema"
          schema={info.outputSchema}
        />
      )}
    </div>
  );
}

function SchemaBlock({ label, title, schema }: { label: string; title: string; schema: unknown }) {
  return (
    <div>
      <p className="text-muted">{title}:</p>
      {schema === undefined ? (
        <p className="text-muted italic">none given</p>
      ) : (
        // Focusable with a name: it scrolls, and a keyboard user must be able to scroll it.
        <pre
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label={label}
          className="mt-0.5 max-h-64 overflow-auto rounded border border-line bg-sunken p-2 font-mono text-[11px] leading-snug whitespace-pre-wrap [overflow-wrap:anywhere]"
        >
          {shortened(JSON.stringify(schema, null, 2) ?? "")}
        </pre>
      )}
    </div>
  );
}

/** A hostile or huge schema is cut, and says so: the page stays responsive. */
const SHOWN_CHARACTERS = 20_000;
function shortened(text: string): string {
  return text.length > SHOWN_CHARACTERS
    ? `${text.slice(0, SHOWN_CHARACTERS)}\n… ${(text.length - SHOWN_CHARACTERS).toLocaleString("en-US")} more characters`
    : text;
}
