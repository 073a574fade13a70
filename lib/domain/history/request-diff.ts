// A line diff of two requests as pretty JSON, with long unchanged stretches folded, for comparing
// two runs. Keys are sorted first so that order alone never shows as a change.
import { diffLines } from "diff";

export type DiffLine =
  { kind: "same" | "added" | "removed"; text: string } | { kind: "folded"; count: number };

export function diffRequests(left: unknown, right: unknown, context = 3): DiffLine[] {
  const parts = diffLines(prettyJson(left), prettyJson(right));
  const lines: DiffLine[] = [];
  for (const part of parts) {
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    for (const text of part.value.replace(/\n$/, "").split("\n")) lines.push({ kind, text });
  }
  return foldUnchanged(lines, context);
}

export function countChanges(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === "added") added += 1;
    if (line.kind === "removed") removed += 1;
  }
  return { added, removed };
}

function foldUnchanged(lines: DiffLine[], context: number): DiffLine[] {
  const changed = lines.map((line) => line.kind === "added" || line.kind === "removed");
  const keep = lines.map((_, index) => {
    for (let at = Math.max(0, index - context); at <= index + context; at += 1)
      if (changed[at]) return true;
    return false;
  });
  const out: DiffLine[] = [];
  let folded = 0;
  lines.forEach((line, index) => {
    if (keep[index]) {
      if (folded) out.push({ kind: "folded", count: folded });
      folded = 0;
      out.push(line);
    } else folded += 1;
  });
  if (folded) out.push({ kind: "folded", count: folded });
  return out;
}

function prettyJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    );
  return value;
}
