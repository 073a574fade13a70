"use client";

/** Entries the listing left out, or tools kept whose name breaks the tool-name rule. */
export function MalformedNote({
  entries,
  skipped,
}: {
  entries: readonly { index: number; reason: string }[];
  skipped: boolean;
}) {
  if (entries.length === 0) return null;
  const count = entries.length;
  return (
    <span className="text-warn" data-testid={skipped ? "discovery-skipped" : "discovery-bad-names"}>
      {" "}
      ·{" "}
      {skipped
        ? `${count} malformed entr${count === 1 ? "y" : "ies"} skipped`
        : `${count} tool name${count === 1 ? "" : "s"} outside the rule`}{" "}
      ({entries.map((entry) => `#${entry.index}: ${entry.reason.replace(/\.$/, "")}`).join("; ")})
    </span>
  );
}
