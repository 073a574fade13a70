// Listed tool names indexed by what a reader sees of them, built once per listed array: the rules
// run on every edit, and comparing a configs key with 10,000 names one by one was felt in typing.
// Apart from tool-names.ts so the page's first load does not carry it (the rules load later).
import { withoutHidden } from "./tool-names";

interface NameIndex {
  /** Listed names by what a reader sees of them. */
  bySeen: ReadonlyMap<string, readonly string[]>;
  /** The listed names that hold hidden characters. */
  hidden: readonly string[];
}

/** Built once per listed array (the same object across edits): the rules run on every key. */
const nameIndexes = new WeakMap<readonly string[], NameIndex>();

function nameIndex(names: readonly string[]): NameIndex {
  let index = nameIndexes.get(names);
  if (!index) {
    const bySeen = new Map<string, string[]>();
    const hidden: string[] = [];
    for (const name of names) {
      const seen = withoutHidden(name);
      if (seen !== name) hidden.push(name);
      const same = bySeen.get(seen);
      if (same) same.push(name);
      else bySeen.set(seen, [name]);
    }
    nameIndexes.set(names, (index = { bySeen, hidden }));
  }
  return index;
}

/** The first listed name that `name` looks like but is not (see looksAlike). */
export function findLookalike(listed: readonly string[], name: string): string | undefined {
  return nameIndex(listed)
    .bySeen.get(withoutHidden(name))
    ?.find((candidate) => candidate !== name);
}

/** The listed names that hold hidden characters, in the listed order. */
export function namesWithHidden(listed: readonly string[]): readonly string[] {
  return nameIndex(listed).hidden;
}
