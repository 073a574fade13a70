import { describeDrift, type PinDrift } from "@/lib/domain/request/pin-drift";

/** The live server no longer matches the pinned list: what changed, as a diff. */
export function DriftNotice({ drift }: { drift: PinDrift }) {
  return (
    <details
      data-testid="pin-drift"
      className="rounded-md border border-warn/40 bg-warn-soft px-2 py-1.5 text-xs text-ink"
    >
      <summary className="cursor-pointer font-semibold text-warn">
        The live server has drifted from the pin: {describeDrift(drift)}
      </summary>
      <ul className="mt-1 space-y-1 font-mono text-[11px]">
        {drift.added.map((name) => (
          <li key={`+${name}`} data-diff="added" className="text-ok">
            + {name} (on the server, not in the pin)
          </li>
        ))}
        {drift.removed.map((name) => (
          <li key={`-${name}`} data-diff="removed" className="text-danger">
            − {name} (in the pin, gone from the server)
          </li>
        ))}
        {drift.changed.map((change) => (
          <li key={`~${change.name}`} data-diff="changed">
            ~ {change.name}
            {change.description ? (
              <div className="ml-3">
                <div className="text-danger">− description: {change.description.pinned}</div>
                <div className="text-ok">+ description: {change.description.live}</div>
              </div>
            ) : null}
            {change.inputSchema ? (
              <div className="ml-3 grid grid-cols-2 gap-2">
                <pre className="overflow-auto text-danger">{change.inputSchema.pinned}</pre>
                <pre className="overflow-auto text-ok">{change.inputSchema.live}</pre>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The notice of a client-side only (stdio) server, or of a pinned tool list. */
export function ServerNotice({ kind }: { kind: "client-side" | "pinned" }) {
  return kind === "client-side" ? (
    <p className="text-xs" data-testid="server-client-side">
      <span className="rounded bg-warn-soft px-1.5 py-px text-[10px] font-bold tracking-wide text-warn uppercase">
        client-side only
      </span>{" "}
      Not in the connector request; the client-side export applies these choices.
    </p>
  ) : (
    <p className="text-xs" data-testid="tool-list-pinned">
      <span className="rounded bg-accent-soft px-1.5 py-px text-[10px] font-bold tracking-wide text-accent uppercase">
        pinned
      </span>{" "}
      The rows are the pinned list: the API uses exactly these and does not ask the server.
    </p>
  );
}
