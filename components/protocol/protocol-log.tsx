"use client";

import type { ProtocolEntry } from "@/lib/domain/protocol/log";

/**
 * What one discovery, doctor run or Try exchanged with an MCP server, as the inspectors' protocol
 * view shows it: each HTTP request in order, its JSON-RPC methods, status and time, and the
 * headers that matter — every secret masked on the server before it came here.
 */
export function ProtocolLog({
  entries,
  label,
}: {
  entries: readonly ProtocolEntry[];
  label: string;
}) {
  if (entries.length === 0) return null;
  return (
    <details className="mt-1 text-xs" data-testid="protocol-log">
      <summary className="cursor-pointer text-muted">
        Protocol log · {entries.length} exchange{entries.length === 1 ? "" : "s"}
      </summary>
      <ol
        // Scrollable: reachable by keyboard (axe's scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-label={label}
        className="mt-1 max-h-72 space-y-1 overflow-auto rounded bg-sunken p-2 font-mono"
      >
        {entries.map((entry, index) => (
          <li key={index} data-testid="protocol-entry" className="[overflow-wrap:anywhere]">
            <span className="text-muted">+{entry.at} ms</span>{" "}
            <strong>
              {entry.method} {entry.path}
            </strong>
            {entry.rpc.length ? <span> · {entry.rpc.join(", ")}</span> : null}
            {" → "}
            <span className={entry.error || entry.status >= 400 ? "text-danger" : "text-ok"}>
              {entry.error ? `failed: ${entry.error}` : `${entry.status} ${entry.contentType}`}
            </span>{" "}
            <span className="text-muted">({entry.durationMs} ms)</span>
            <Headers label="sent" headers={entry.requestHeaders} />
            <Headers label="answered" headers={entry.responseHeaders} />
          </li>
        ))}
      </ol>
    </details>
  );
}

function Headers({ label, headers }: { label: string; headers: Record<string, string> }) {
  const names = Object.keys(headers);
  if (names.length === 0) return null;
  return (
    <div className="pl-3 text-muted">
      {label}: {names.map((name) => `${name}: ${headers[name]}`).join(" · ")}
    </div>
  );
}
